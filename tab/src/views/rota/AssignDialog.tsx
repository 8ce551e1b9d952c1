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
  Select,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { AmbassadorRecord } from '../../api/rota-types.js';
import { dutyLabel } from './format.js';
import type { GridCell } from './rota-grid.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';

export interface AssignDialogProps {
  locale: Locale;
  /** The duty to add someone to; the dialog is open while there is one. */
  cell: GridCell | undefined;
  week: 'A' | 'B' | undefined;
  ambassadors: readonly AmbassadorRecord[];
  nameFor(id: string): string;
  onClose(): void;
  onAssign(ambassadorId: string, locked: boolean): Promise<unknown>;
}

/**
 * Hand assignment: a dialog with a plain select (keyboard and screen-reader friendly), the
 * ambassadors who said they can help at that time first. The server checks every rule and says
 * why when it refuses (busy then, at the week's maximum …).
 */
export function AssignDialog(props: AssignDialogProps) {
  const { cell, onClose } = props;
  // The form is its own component so its state starts afresh for every duty.
  return (
    <Dialog open={cell !== undefined} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>{cell?.slot && <AssignForm {...props} cell={cell} />}</DialogSurface>
    </Dialog>
  );
}

function AssignForm(props: AssignDialogProps & { cell: GridCell }) {
  const { locale, cell, week, ambassadors, nameFor, onClose, onAssign } = props;
  const styles = useRotaStyles();
  const slot = cell.slot!;
  const onIt = new Set(cell.people.map((p) => p.ambassadorId));
  const canDo = (a: AmbassadorRecord) =>
    a.availability.some(
      (x) =>
        x.weekday === slot.weekday &&
        x.periodId === slot.periodId &&
        (x.week === undefined || x.week === week),
    );
  const options = ambassadors
    .filter((a) => a.active && !onIt.has(a.id))
    .map((a) => ({ id: a.id, name: nameFor(a.id), available: canDo(a) }))
    .sort((x, y) => Number(y.available) - Number(x.available) || x.name.localeCompare(y.name));
  const [chosen, setChosen] = useState(options[0]?.id ?? '');
  const [locked, setLocked] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      await onAssign(chosen, locked);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <DialogBody>
        <DialogTitle>{t(locale, 'tab.rota.assign.title')}</DialogTitle>
        <DialogContent className={styles.form}>
          <p>{dutyLabel(locale, cell.date, slot)}</p>
          {options.length === 0 ? (
            <p>{t(locale, 'tab.rota.assign.nobody')}</p>
          ) : (
            <>
              <Field label={t(locale, 'tab.rota.assign.who')}>
                <Select value={chosen} onChange={(_e, data) => setChosen(data.value)}>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {t(
                        locale,
                        o.available ? 'tab.rota.assign.canDo' : 'tab.rota.assign.cannotDo',
                        { name: o.name },
                      )}
                    </option>
                  ))}
                </Select>
              </Field>
              <Checkbox
                label={t(locale, 'tab.rota.assign.lock')}
                checked={locked}
                onChange={(_e, data) => setLocked(data.checked === true)}
              />
            </>
          )}
          <RotaAlert locale={locale} error={error} />
        </DialogContent>
        <DialogActions>
          {options.length > 0 && (
            <Button type="submit" appearance="primary" disabled={busy}>
              {t(locale, 'tab.rota.assign.confirm')}
            </Button>
          )}
          <Button onClick={onClose}>{t(locale, 'tab.rota.close')}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
