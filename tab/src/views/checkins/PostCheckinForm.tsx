import { Button, Field, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { lazy, Suspense, type FormEvent } from 'react';
import type { ChannelView } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { formatWhen } from '../../../../bot/cards/format.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { ProblemsAlert } from '../../components/ProblemsAlert.js';
import { problemMessages } from '../../connect/problems.js';
import { usePostsStyles } from '../posts/Posts.styles.js';
import type { PostCheckinRequest, PostCheckinResponse } from '../../../../core/api/checkins.js';
import { usePostCheckinForm, type PostState } from './usePostCheckinForm.js';
import { CheckinChoice } from './CheckinChoice.js';
import { CheckinsNotReady } from './CheckinsNotReady.js';
import { isNotReady } from './not-ready.js';
import { ChannelSelect } from '../../components/ChannelSelect.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

// The Adaptive Cards renderer is the biggest thing here: it loads with the first preview.
const CheckinCardPreview = lazy(() => import('./CheckinCardPreview.js'));

export interface PostCheckinFormProps {
  locale: Locale;
  channels: readonly ChannelView[];
  post(body: PostCheckinRequest): Promise<PostCheckinResponse>;
}

/** "Post a check-in now": which one, whose words, where, and the card it will be. */
export function PostCheckinForm({ locale, channels, post }: PostCheckinFormProps) {
  const styles = usePostsStyles();
  const { form, update, submit, state } = usePostCheckinForm({ channels, locale, post });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  if (channels.length === 0) return <Text>{t(locale, 'tab.checkins.post.noChannels')}</Text>;

  return (
    <div className={styles.composer}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <CheckinChoice
          locale={locale}
          templateId={form.templateId}
          phase={form.phase}
          onChange={update}
        />
        <div className={styles.row}>
          <Field label={t(locale, 'tab.checkins.post.channel')}>
            <ChannelSelect
              channels={channels}
              value={form.channelId}
              onChange={(channelId) => update({ channelId })}
            />
          </Field>
          <Field label={t(locale, 'tab.checkins.post.language')}>
            <LanguageSelect
              locale={locale}
              value={form.locale}
              onChange={(next) => update({ locale: next })}
            />
          </Field>
        </div>

        <Outcome locale={locale} state={state} channels={channels} />

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={state.kind === 'posting'}>
            {t(
              locale,
              state.kind === 'posting' ? 'tab.checkins.post.posting' : 'tab.checkins.post.submit',
            )}
          </Button>
        </div>
      </form>

      <section className={styles.preview} aria-label={t(locale, 'tab.checkins.preview.label')}>
        <Text weight="semibold">{t(locale, 'tab.checkins.preview.heading')}</Text>
        <Text>{t(locale, 'tab.checkins.preview.intro')}</Text>
        <Suspense fallback={<Loading label={t(locale, 'tab.checkins.preview.loading')} />}>
          <CheckinCardPreview
            readerLocale={locale}
            locale={form.locale}
            templateId={form.templateId}
            phase={form.phase}
          />
        </Suspense>
      </section>
    </div>
  );
}

function Outcome(props: { locale: Locale; state: PostState; channels: readonly ChannelView[] }) {
  const { locale, state, channels } = props;
  if (state.kind === 'posted') {
    const channel =
      channels.find((c) => c.id === state.posted.channelId)?.name ?? state.posted.channelId;
    return (
      <div role="status">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t(locale, 'tab.checkins.post.posted', {
              channel,
              when: formatWhen(locale, state.posted.closesAt, state.posted.timeZone),
            })}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  if (state.kind === 'failed' && isNotReady(state.error))
    return (
      <div role="alert">
        <CheckinsNotReady locale={locale} />
      </div>
    );
  const problems = state.kind === 'failed' ? problemMessages(state.error, locale) : undefined;
  if (state.kind === 'failed' && !problems)
    return <ErrorState locale={locale} error={state.error} />;
  return <ProblemsAlert locale={locale} problems={problems} />;
}
