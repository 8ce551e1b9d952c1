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
import { candidateChoices } from './candidates.js';
import { CannotTake } from './CannotTake.js';
import { dutyLabel } from './format.js';
import type { GridCell } from './rota-grid.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';

export interface AssignDialogProps {
  locale: Locale;
  /** The duty to add someone to; the dialog is open while there is one. */
  cell: GridCell | undefined;
  nameFor(id: string): string;
  onClose(): void;
  onAssign(ambassadorId: string, locked: boolean): Promise<unknown>;
}

/**
 * Hand assignment: a dialog with a plain select (keyboard and screen-reader friendly) of the
 * ambassadors who can take the duty now, and below it who cannot and why: both from the server's
 * candidates for the duty, the same ones behind the grid's reason. The server checks every rule
 * again when it is sent (someone else may have changed the rota meanwhile).
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
  const { locale, cell, nameFor, onClose, onAssign } = props;
  const styles = useRotaStyles();
  const slot = cell.slot!;
  const { free, cannot } = candidateChoices(locale, cell.unfilled?.candidates ?? [], nameFor);
  const [chosen, setChosen] = useState(free[0] ?? '');
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
          {free.length === 0 ? (
            <p>
              {t(
                locale,
                cannot.length === 0 ? 'tab.rota.assign.nobody' : 'tab.rota.assign.nobodyFree',
              )}
            </p>
          ) : (
            <>
              <Field label={t(locale, 'tab.rota.assign.who')}>
                <Select value={chosen} onChange={(_e, data) => setChosen(data.value)}>
                  {free.map((id) => (
                    <option key={id} value={id}>
                      {nameFor(id)}
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
          <CannotTake locale={locale} cannot={cannot} />
          <RotaAlert locale={locale} error={error} />
        </DialogContent>
        <DialogActions>
          {free.length > 0 && (
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
