import { Button, Field, Input, Text } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { dayLabel } from './format.js';
import { cardStatus, reminderHints, reminderStatus } from './notices.js';
import type { ReminderDayState } from './useNotices.js';
import { useRotaStyles } from './Rota.styles.js';

export interface RemindersDayProps {
  locale: Locale;
  /** The day chosen; undefined: today, by the server's clock. */
  date: string | undefined;
  day: ReminderDayState;
  reminderTime: string;
  nameFor(ambassadorId: string): string;
  onDate(date: string | undefined): void;
  onRetry(): void;
}

/** One day's reminders: who was sent one, who was not and why, and what to do about it. */
export function RemindersDay(props: RemindersDayProps) {
  const { locale, day, nameFor } = props;
  const styles = useRotaStyles();
  const shown = day.kind === 'ready' ? day.day.date : props.date;
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <Field label={t(locale, 'tab.rota.notices.day')} className={styles.weekPicker}>
          <Input
            type="date"
            value={shown ?? ''}
            onChange={(_e, d) => d.value && props.onDate(d.value)}
          />
        </Field>
        <Button disabled={props.date === undefined} onClick={() => props.onDate(undefined)}>
          {t(locale, 'tab.rota.notices.today')}
        </Button>
      </div>
      {day.kind === 'loading' && <Loading label={t(locale, 'tab.rota.notices.loading')} />}
      {day.kind === 'error' && (
        <ErrorState locale={locale} error={day.error} onRetry={props.onRetry} />
      )}
      {day.kind === 'ready' && <DayList {...props} view={day.day} nameFor={nameFor} />}
    </div>
  );
}

function DayList(
  props: RemindersDayProps & { view: Extract<ReminderDayState, { kind: 'ready' }>['day'] },
) {
  const { locale, view, nameFor, reminderTime } = props;
  const styles = useRotaStyles();
  const date = dayLabel(locale, view.date);
  const reminders = [...view.reminders]
    .map((r) => ({ record: r, name: nameFor(r.ambassadorId ?? '') }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const hints = reminderHints([...view.reminders, view.todayCard], locale);
  return (
    <div role="status" className={styles.section}>
      {!view.schoolDay ? (
        <Text>{t(locale, 'tab.rota.notices.notSchoolDay', { date })}</Text>
      ) : reminders.length === 0 ? (
        <Text>
          {view.done
            ? t(locale, 'tab.rota.notices.nobody', { date })
            : view.past
              ? t(locale, 'tab.rota.notices.neverSent', { date })
              : t(locale, 'tab.rota.notices.nothingYet', { date, time: reminderTime })}
        </Text>
      ) : (
        <ul
          className={styles.plainList}
          aria-label={t(locale, 'tab.rota.notices.listLabel', { date })}
        >
          {reminders.map(({ record, name }) => (
            <li key={record.ambassadorId} className={styles.person}>
              <span className={styles.personName}>{name}</span>
              <span>{reminderStatus(record, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      {view.todayCard && (
        <Text>
          <span className={styles.personName}>{t(locale, 'tab.rota.notices.card')}</span>
          {': '}
          {cardStatus(view.todayCard, locale)}
        </Text>
      )}
      {hints.map((hint) => (
        <Text key={hint} className={styles.meta}>
          {hint}
        </Text>
      ))}
    </div>
  );
}
