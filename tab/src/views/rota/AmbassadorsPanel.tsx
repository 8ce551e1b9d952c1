import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { AmbassadorInput, AmbassadorRecord, Availability } from '../../../../core/api/rota.js';
import { AvailabilityTable } from './AvailabilityTable.js';
import { weekdayName } from './format.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';
import { rotaLimits } from '../../../../core/rota/limits.js';

export interface AmbassadorsPanelProps {
  locale: Locale;
  ambassadors: readonly AmbassadorRecord[];
  /** Duties per ambassador in the week shown. */
  loads: Readonly<Record<string, number>>;
  periods: readonly string[];
  /** The rota has week A and week B. */
  weekAB: boolean;
  today: string;
  nameFor(id: string): string;
  onSave(id: string, input: AmbassadorInput): Promise<unknown>;
}

type Editing = { id?: string; record?: AmbassadorRecord } | undefined;

/** The trained ambassadors, their duties this week and when they can help, each changeable. */
export function AmbassadorsPanel(props: AmbassadorsPanelProps) {
  const { locale, ambassadors, loads, nameFor } = props;
  const styles = useRotaStyles();
  const [editing, setEditing] = useState<Editing>();
  const label = t(locale, 'tab.rota.ambassadors.heading');
  return (
    <>
      {ambassadors.length === 0 ? (
        <Text>{t(locale, 'tab.rota.ambassadors.none')}</Text>
      ) : (
        <div className={styles.scroller}>
          <table className={styles.grid} aria-label={label}>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'tab.rota.ambassadors.name')}</th>
                <th scope="col">{t(locale, 'tab.rota.ambassadors.year')}</th>
                <th scope="col">{t(locale, 'tab.rota.ambassadors.dutiesThisWeek')}</th>
                <th scope="col">{t(locale, 'tab.rota.ambassadors.when')}</th>
                <th scope="col" className={styles.noPrint}>
                  {t(locale, 'tab.rota.ambassadors.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ambassadors.map((a) => {
                const name = nameFor(a.id);
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {name}
                      {!a.active && (
                        <div className={styles.meta}>
                          {t(locale, 'tab.rota.ambassadors.inactive')}
                        </div>
                      )}
                    </th>
                    <td>{a.yearGroup}</td>
                    <td>{loads[a.id] ?? 0}</td>
                    <td>{describeAvailability(locale, a.availability)}</td>
                    <td className={styles.noPrint}>
                      <Button
                        size="small"
                        aria-label={t(locale, 'tab.rota.ambassadors.changeLabel', { name })}
                        onClick={() => setEditing({ id: a.id, record: a })}
                      >
                        {t(locale, 'tab.rota.ambassadors.change')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className={`${styles.actions} ${styles.noPrint}`}>
        <Button onClick={() => setEditing({})}>{t(locale, 'tab.rota.ambassadors.add')}</Button>
      </div>
      <Dialog
        open={editing !== undefined}
        onOpenChange={(_e, data) => !data.open && setEditing(undefined)}
      >
        <DialogSurface>
          {editing && (
            <AmbassadorForm
              {...props}
              key={editing.id ?? 'new'}
              editing={editing}
              onClose={() => setEditing(undefined)}
            />
          )}
        </DialogSurface>
      </Dialog>
    </>
  );
}

export function describeAvailability(locale: Locale, list: readonly Availability[]): string {
  if (list.length === 0) return t(locale, 'tab.rota.ambassadors.never');
  return list
    .map((a) =>
      t(locale, a.week ? 'tab.rota.ambassadors.whenWeek' : 'tab.rota.ambassadors.whenEvery', {
        day: weekdayName(locale, a.weekday, 'short'),
        period: a.periodId,
        week: a.week ?? '',
      }),
    )
    .join(', ');
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function AmbassadorForm(
  props: AmbassadorsPanelProps & { editing: NonNullable<Editing>; onClose(): void },
) {
  const { locale, editing, periods, weekAB, today, nameFor, onSave, onClose } = props;
  const styles = useRotaStyles();
  const record = editing.record;
  const [id, setId] = useState(editing.id ?? '');
  const [yearGroup, setYearGroup] = useState(String(record?.yearGroup ?? 7));
  const [trainedOn, setTrainedOn] = useState(record?.trainedOn ?? today);
  const [active, setActive] = useState(record?.active ?? true);
  const [availability, setAvailability] = useState<Availability[]>([
    ...(record?.availability ?? []),
  ]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [idProblem, setIdProblem] = useState(false);
  const name = record ? nameFor(record.id) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!record && !guid.test(id.trim())) return setIdProblem(true);
    setIdProblem(false);
    setBusy(true);
    setError(undefined);
    try {
      await onSave(record ? record.id : id.trim().toLowerCase(), {
        yearGroup: Number(yearGroup),
        trainedOn,
        active,
        availability,
      });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>
          {name
            ? t(locale, 'tab.rota.ambassadors.editTitle', { name })
            : t(locale, 'tab.rota.ambassadors.addTitle')}
        </DialogTitle>
        <DialogContent className={styles.form}>
          {!record && (
            <Field
              label={t(locale, 'tab.rota.ambassadors.id')}
              hint={t(locale, 'tab.rota.ambassadors.idHint')}
              validationState={idProblem ? 'error' : 'none'}
              validationMessage={
                idProblem ? t(locale, 'tab.rota.ambassadors.idProblem') : undefined
              }
            >
              <Input value={id} onChange={(_e, data) => setId(data.value)} />
            </Field>
          )}
          <div className={styles.row}>
            <Field label={t(locale, 'tab.rota.ambassadors.year')}>
              <Input
                type="number"
                min={rotaLimits.yearGroup.min}
                max={rotaLimits.yearGroup.max}
                value={yearGroup}
                onChange={(_e, data) => setYearGroup(data.value)}
              />
            </Field>
            <Field label={t(locale, 'tab.rota.ambassadors.trainedOn')}>
              <Input
                type="date"
                value={trainedOn}
                onChange={(_e, data) => setTrainedOn(data.value)}
              />
            </Field>
          </div>
          <Checkbox
            label={t(locale, 'tab.rota.ambassadors.active')}
            checked={active}
            onChange={(_e, data) => setActive(data.checked === true)}
          />
          <AvailabilityTable
            locale={locale}
            label={t(locale, 'tab.rota.ambassadors.when')}
            periods={periods}
            value={availability}
            onChange={setAvailability}
            weekAB={weekAB}
          />
          <RotaAlert locale={locale} error={error} />
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t(locale, 'tab.rota.save')}
          </Button>
          <Button onClick={onClose}>{t(locale, 'tab.rota.close')}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
