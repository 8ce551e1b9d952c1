import {
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { RotaSlot, SlotInput, SlotsResponse, Weekday } from '../../../../core/api/rota.js';
import { weekdays } from './availability.js';
import { weekdayName } from './format.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';
import { useSlotsStyles } from './SlotsEditor.styles.js';
import { newRow, rowsOf, slotsOf, type SlotRow } from './slot-draft.js';
import { rotaLimits } from '../../../../core/rota/limits.js';

export interface SlotsEditorProps {
  locale: Locale;
  slots: readonly RotaSlot[];
  weekAB: boolean;
  onSave(slots: SlotInput[]): Promise<SlotsResponse>;
}

/** The duties the rota has: each a weekday, a time of day, a place, how many, and the adult. */
export function SlotsEditor({ locale, slots, weekAB, onSave }: SlotsEditorProps) {
  const styles = useRotaStyles();
  const slotStyles = useSlotsStyles();
  const [rows, setRows] = useState<SlotRow[]>(() => rowsOf(slots));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<SlotsResponse | undefined>();
  const change = (key: string, patch: Partial<SlotRow>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const cell = (field: string, n: number) => t(locale, 'tab.rota.slots.cell', { field, n });
  const names = {
    day: t(locale, 'tab.rota.slots.day'),
    period: t(locale, 'tab.rota.slots.period'),
    place: t(locale, 'tab.rota.slots.place'),
    needed: t(locale, 'tab.rota.slots.needed'),
    adult: t(locale, 'tab.rota.slots.adult'),
    week: t(locale, 'tab.rota.slots.week'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const result = await onSave(slotsOf(rows, weekAB));
      setRows(rowsOf(result.slots));
      setSaved(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.section} onSubmit={(e) => void submit(e)} noValidate>
      {rows.length === 0 ? (
        <Text>{t(locale, 'tab.rota.slots.none')}</Text>
      ) : (
        <table className={slotStyles.table} aria-label={t(locale, 'tab.rota.slots.heading')}>
          <colgroup>
            <col className={slotStyles.day} />
            <col />
            <col />
            <col className={slotStyles.needed} />
            <col />
            {weekAB && <col className={slotStyles.week} />}
            <col className={slotStyles.remove} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{names.day}</th>
              <th scope="col">{names.period}</th>
              <th scope="col">{names.place}</th>
              <th scope="col">{names.needed}</th>
              <th scope="col">{names.adult}</th>
              {weekAB && <th scope="col">{names.week}</th>}
              <th scope="col">{t(locale, 'tab.rota.slots.remove')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <tr key={row.key}>
                  <td data-label={names.day}>
                    <Select
                      aria-label={cell(names.day, n)}
                      value={String(row.weekday)}
                      onChange={(_e, d) => change(row.key, { weekday: Number(d.value) as Weekday })}
                    >
                      {weekdays.map((w) => (
                        <option key={w} value={w}>
                          {weekdayName(locale, w)}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td data-label={names.period}>
                    <Input
                      aria-label={cell(names.period, n)}
                      value={row.periodId}
                      onChange={(_e, d) => change(row.key, { periodId: d.value })}
                    />
                  </td>
                  <td data-label={names.place}>
                    <Input
                      aria-label={cell(names.place, n)}
                      value={row.placeId}
                      onChange={(_e, d) => change(row.key, { placeId: d.value })}
                    />
                  </td>
                  <td data-label={names.needed}>
                    <Input
                      type="number"
                      min={rotaLimits.needed.min}
                      max={rotaLimits.needed.max}
                      aria-label={cell(names.needed, n)}
                      value={row.needed}
                      onChange={(_e, d) => change(row.key, { needed: d.value })}
                    />
                  </td>
                  <td data-label={names.adult}>
                    <Input
                      aria-label={cell(names.adult, n)}
                      value={row.supervisingAdult}
                      onChange={(_e, d) => change(row.key, { supervisingAdult: d.value })}
                    />
                  </td>
                  {weekAB && (
                    <td data-label={names.week}>
                      <Select
                        aria-label={cell(names.week, n)}
                        value={row.week}
                        onChange={(_e, d) =>
                          change(row.key, {
                            week: d.value === 'A' || d.value === 'B' ? d.value : '',
                          })
                        }
                      >
                        <option value="">{t(locale, 'tab.rota.slots.everyWeek')}</option>
                        <option value="A">{t(locale, 'tab.rota.grid.week', { week: 'A' })}</option>
                        <option value="B">{t(locale, 'tab.rota.grid.week', { week: 'B' })}</option>
                      </Select>
                    </td>
                  )}
                  <td data-label="">
                    <Button
                      size="small"
                      aria-label={t(locale, 'tab.rota.slots.removeLabel', { n })}
                      onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                    >
                      {t(locale, 'tab.rota.slots.remove')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RotaAlert locale={locale} error={error} />
      <div role="status">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t(locale, 'tab.rota.settings.saved', { count: saved.removed })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        <Button onClick={() => setRows((current) => [...current, newRow(current)])}>
          {t(locale, 'tab.rota.slots.add')}
        </Button>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t(locale, 'tab.rota.slots.save')}
        </Button>
      </div>
    </form>
  );
}
