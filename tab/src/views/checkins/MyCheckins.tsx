import {
  Badge,
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../../core/i18n/index.js';
import { t } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useMyCheckinsStyles } from './MyCheckins.styles.js';
import { myCheckinsView, type MyCheckinView } from './my-checkins.js';
import { useMyCheckins } from './useMyCheckins.js';

export interface MyCheckinsProps {
  client: ApiClient;
  locale: Locale;
  /** More of the pupil's own page, shown before the list (the talk panel). */
  children?: ReactNode;
  /** Only this class team's check-ins (the class tab). */
  teamId?: string | undefined;
}

/** A pupil's own check-in answers, newest first, in the words the card used. */
export default function MyCheckins({ client, locale, children, teamId }: MyCheckinsProps) {
  const styles = useMyCheckinsStyles();
  const { state, retry } = useMyCheckins(client.checkins);
  const views = useMemo(
    () =>
      state.kind === 'ready'
        ? myCheckinsView(
            state.checkins.filter((c) => teamId === undefined || c.teamId === teamId),
            locale,
          )
        : [],
    [state, locale, teamId],
  );
  return (
    <div className={styles.page}>
      <Title2 as="h2" className={styles.heading}>
        {t(locale, 'tab.checkins.mine.heading')}
      </Title2>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t(locale, 'tab.checkins.mine.privacy')}</MessageBarBody>
      </MessageBar>
      {children}
      {state.kind === 'loading' && <Loading label={t(locale, 'tab.checkins.mine.loading')} />}
      {state.kind === 'error' && <ErrorState locale={locale} error={state.error} onRetry={retry} />}
      {state.kind === 'ready' &&
        (views.length === 0 ? (
          <Text>{t(locale, 'tab.checkins.mine.empty')}</Text>
        ) : (
          <ul className={styles.list} aria-label={t(locale, 'tab.checkins.mine.heading')}>
            {views.map((view) => (
              <li key={view.checkinId}>
                <CheckinCard locale={locale} view={view} />
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

function CheckinCard({ locale, view }: { locale: Locale; view: MyCheckinView }) {
  const styles = useMyCheckinsStyles();
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h3" className={styles.heading}>
        {view.title}
      </Subtitle2>
      <Text className={styles.when}>{view.when}</Text>
      {view.skipped ? (
        <Text>{t(locale, 'tab.checkins.mine.skipped')}</Text>
      ) : (
        <dl className={styles.answers}>
          {view.answers.map((a) => (
            <div key={a.questionId} className={styles.answer}>
              <dt>{a.question}</dt>
              <dd className={a.answered ? styles.chosen : styles.blank}>{a.answer}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.open && (
        <Badge appearance="tint" color="brand" shape="rounded">
          {t(locale, 'tab.checkins.mine.open')}
        </Badge>
      )}
    </Card>
  );
}
