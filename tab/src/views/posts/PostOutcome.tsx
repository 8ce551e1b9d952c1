import { Badge } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { ScheduleView } from '../../../../core/api/connect.js';
import { progressStatus, skippedKey, type Tone } from './describe.js';
import { useDeliveryStatus } from './useDeliveryStatus.js';

type Post = ScheduleView['recent'][number];

/** What became of a past post: skipped and why, or how its delivery is going. */
export function PostOutcome({
  client,
  locale,
  post,
}: {
  client: ApiClient;
  locale: Locale;
  post: Post;
}) {
  if (post.status === 'skipped')
    return <Outcome tone="warning" text={t(locale, skippedKey(post.reason))} />;
  return <Delivery client={client} locale={locale} occurrenceId={post.occurrenceId} />;
}

function Delivery(props: { client: ApiClient; locale: Locale; occurrenceId: string }) {
  const { locale } = props;
  const state = useDeliveryStatus(props.client, props.occurrenceId);
  if (state.kind === 'checking')
    return <Outcome tone="subtle" text={t(locale, 'tab.connect.progress.checking')} />;
  if (state.kind === 'unknown')
    return <Outcome tone="subtle" text={t(locale, 'tab.connect.progress.unknown')} />;
  const { key, tone } = progressStatus(state.progress);
  return <Outcome tone={tone} text={t(locale, key)} />;
}

function Outcome({ tone, text }: { tone: Tone; text: string }) {
  return (
    <Badge appearance="tint" shape="rounded" color={tone}>
      {text}
    </Badge>
  );
}
