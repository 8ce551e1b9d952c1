import { Checkbox } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { Availability } from '../../api/rota-types.js';
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
}

/** A tick for each weekday and period: one checkbox each, so the keyboard reaches every one. */
export function AvailabilityTable(props: AvailabilityTableProps) {
  const { locale, label, periods, value, onChange, disabled } = props;
  const styles = useRotaStyles();
  const rows = periodsFor(periods, value);
  if (rows.length === 0) return <p>{t(locale, 'tab.rota.availability.noPeriods')}</p>;
  return (
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
                  aria-label={t(locale, 'tab.rota.availability.tick', {
                    day: weekdayName(locale, weekday),
                    period: periodId,
                  })}
                  checked={isTicked(value, weekday, periodId)}
                  disabled={disabled}
                  onChange={(_e, data) =>
                    onChange(setTick(value, weekday, periodId, data.checked === true))
                  }
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
