import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { RotaSettings, SettingsInput, SettingsResponse } from '../../../../core/api/rota.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';
import { rotaLimits } from '../../../../core/rota/limits.js';

export interface SettingsFormProps {
  locale: Locale;
  settings: RotaSettings | null;
  today: string;
  onSave(input: SettingsInput): Promise<SettingsResponse>;
}

/** The rota's dates, two-week timetable, weekly maximum and whether swaps need approval. */
export function SettingsForm({ locale, settings, today, onSave }: SettingsFormProps) {
  const styles = useRotaStyles();
  const [startDate, setStartDate] = useState(settings?.startDate ?? today);
  const [endDate, setEndDate] = useState(settings?.endDate ?? today);
  const [weekAB, setWeekAB] = useState(settings?.weekAB ?? false);
  const [maxPerWeek, setMaxPerWeek] = useState(String(settings?.maxPerWeek ?? 2));
  const [approvalRequired, setApprovalRequired] = useState(settings?.approvalRequired ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<SettingsResponse | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      setSaved(
        await onSave({
          startDate,
          endDate,
          weekAB,
          maxPerWeek: Number(maxPerWeek),
          approvalRequired,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <div className={styles.row}>
        <Field label={t(locale, 'tab.rota.settings.start')}>
          <Input type="date" value={startDate} onChange={(_e, d) => setStartDate(d.value)} />
        </Field>
        <Field label={t(locale, 'tab.rota.settings.end')}>
          <Input type="date" value={endDate} onChange={(_e, d) => setEndDate(d.value)} />
        </Field>
        <Field label={t(locale, 'tab.rota.settings.maxPerWeek')}>
          <Input
            type="number"
            min={rotaLimits.maxPerWeek.min}
            max={rotaLimits.maxPerWeek.max}
            value={maxPerWeek}
            onChange={(_e, d) => setMaxPerWeek(d.value)}
          />
        </Field>
      </div>
      <Checkbox
        label={t(locale, 'tab.rota.settings.weekAB')}
        checked={weekAB}
        onChange={(_e, d) => setWeekAB(d.checked === true)}
      />
      <Checkbox
        label={t(locale, 'tab.rota.settings.approval')}
        checked={approvalRequired}
        onChange={(_e, d) => setApprovalRequired(d.checked === true)}
      />
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
        <Button type="submit" appearance="primary" disabled={busy}>
          {t(locale, 'tab.rota.save')}
        </Button>
      </div>
    </form>
  );
}
