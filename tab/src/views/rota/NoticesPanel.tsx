import { Subtitle2, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { NoticesForm } from './NoticesForm.js';
import { RemindersDay } from './RemindersDay.js';
import { useRotaStyles } from './Rota.styles.js';
import { useNotices } from './useNotices.js';

export interface NoticesPanelProps {
  client: ApiClient;
  locale: Locale;
  nameFor(ambassadorId: string): string;
}

/**
 * Reminders and today's card (decision 015): when ambassadors are reminded, in which language,
 * whether a channel gets "today's wellbeing ambassadors", and what happened to a day's reminders.
 */
export function NoticesPanel({ client, locale, nameFor }: NoticesPanelProps) {
  const styles = useRotaStyles();
  const notices = useNotices(client);
  const dayId = useId();
  const { state } = notices;
  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.rota.notices.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={notices.reload} />;
  return (
    <>
      <Text>{t(locale, 'tab.rota.notices.intro')}</Text>
      <NoticesForm
        locale={locale}
        settings={state.settings}
        teams={state.teams}
        onSave={async (input) => {
          const saved = await client.rota.saveNotices(input);
          notices.saved(saved);
          return saved;
        }}
      />
      <section className={styles.section} aria-labelledby={dayId}>
        <Subtitle2 as="h4" id={dayId} className={styles.heading}>
          {t(locale, 'tab.rota.notices.dayHeading')}
        </Subtitle2>
        <RemindersDay
          locale={locale}
          date={notices.date}
          day={notices.day}
          reminderTime={state.settings.reminderTime}
          nameFor={nameFor}
          onDate={notices.setDate}
          onRetry={notices.reloadDay}
        />
      </section>
    </>
  );
}
