import { Checkbox, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { Availability, WeekAB } from '../../../../core/api/rota.js';
import { isTicked, periodsFor, setTick, weekdays } from './availability.js';
import { weekdayName } from './format.js';
import { useRotaStyles } from './Rota.styles.js';

export interface AvailabilityTableProps {
  locale: Locale;
  /** Names the table for assistive technology, e.g. "When Bethan can help". */
  label: string;
  periods: readonly string[];
  value: readonly Availability[];
  onChange(next: Availability[]): void;
  disabled?: boolean;
  /** A two-week timetable: the ticks can be for every week, or only week A or B. */
  weekAB?: boolean;
}

/** A tick for each weekday and period: one checkbox each, so the keyboard reaches every one. */
export function AvailabilityTable(props: AvailabilityTableProps) {
  const { locale, label, periods, value, onChange, disabled, weekAB } = props;
  const styles = useRotaStyles();
  const [week, setWeek] = useState<WeekAB | undefined>();
  const rows = periodsFor(periods, value);
  if (rows.length === 0) return <p>{t(locale, 'tab.rota.availability.noPeriods')}</p>;
  const tickLabel = (day: string, period: string) =>
    week
      ? t(locale, 'tab.rota.availability.tickWeek', { day, period, week })
      : t(locale, 'tab.rota.availability.tick', { day, period });
  return (
    <>
      {weekAB && (
        <Field label={t(locale, 'tab.rota.availability.which')} className={styles.weekPicker}>
          <Select
            value={week ?? ''}
            onChange={(_e, data) =>
              setWeek(data.value === 'A' || data.value === 'B' ? data.value : undefined)
            }
          >
            <option value="">{t(locale, 'tab.rota.availability.every')}</option>
            <option value="A">{t(locale, 'tab.rota.availability.only', { week: 'A' })}</option>
            <option value="B">{t(locale, 'tab.rota.availability.only', { week: 'B' })}</option>
          </Select>
        </Field>
      )}
      <table className={styles.ticks} aria-label={label}>
        <thead>
          <tr>
            <td />
            {weekdays.map((weekday) => (
              <th key={weekday} scope="col">
                {weekdayName(locale, weekday, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((periodId) => (
            <tr key={periodId}>
              <th scope="row">{periodId}</th>
              {weekdays.map((weekday) => (
                <td key={weekday}>
                  <Checkbox
                    aria-label={tickLabel(weekdayName(locale, weekday), periodId)}
                    checked={isTicked(value, weekday, periodId, week)}
                    disabled={disabled}
                    onChange={(_e, data) =>
                      onChange(setTick(value, weekday, periodId, data.checked === true, week))
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
