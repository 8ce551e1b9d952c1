import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { NoticeSettingsInput, NoticeSettingsView } from '../../../../core/api/rota.js';
import { draftProblems, noticesDraft, noticesProblems, noticesRequest } from './notices.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';
import { ChannelSelect } from '../../components/ChannelSelect.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

export interface NoticesFormProps {
  locale: Locale;
  settings: NoticeSettingsView;
  teams: ClassTeamView[];
  onSave(input: NoticeSettingsInput): Promise<NoticeSettingsView>;
}

/** The reminder time, the language of reminders and notices, and where today's card goes. */
export function NoticesForm({ locale, settings, teams, onSave }: NoticesFormProps) {
  const styles = useRotaStyles();
  const [draft, setDraft] = useState(() => noticesDraft(settings));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState<NoticeSettingsInput | undefined>();
  const [local, setLocal] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | undefined>();
  const team = teams.find((tm) => tm.teamId === draft.teamId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const before = draftProblems(draft, locale);
    setLocal(before);
    if (before.length) return;
    const body = noticesRequest(draft);
    setSent(body);
    setBusy(true);
    try {
      setSaved((await onSave(body)).reminderTime);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <div className={styles.row}>
        <Field
          label={t(locale, 'tab.rota.notices.time')}
          hint={t(locale, 'tab.rota.notices.timeHint')}
        >
          <Input
            type="time"
            min="06:00"
            max="12:00"
            value={draft.reminderTime}
            onChange={(_e, d) => setDraft({ ...draft, reminderTime: d.value })}
          />
        </Field>
        <Field label={t(locale, 'tab.rota.notices.locale')}>
          <LanguageSelect
            locale={locale}
            value={draft.locale}
            onChange={(next) => setDraft({ ...draft, locale: next })}
          />
        </Field>
      </div>
      <Field hint={t(locale, 'tab.rota.notices.cardHint')}>
        <Checkbox
          label={t(locale, 'tab.rota.notices.cardOn')}
          checked={draft.cardOn}
          onChange={(_e, d) => setDraft({ ...draft, cardOn: d.checked === true })}
        />
      </Field>
      {draft.cardOn &&
        (teams.length === 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t(locale, 'tab.rota.notices.noTeams')}</MessageBarBody>
          </MessageBar>
        ) : (
          <div className={styles.row}>
            <Field label={t(locale, 'tab.rota.notices.team')}>
              <Select
                value={team ? draft.teamId : ''}
                onChange={(_e, d) => {
                  const next = teams.find((tm) => tm.teamId === d.value);
                  // A team's General channel is the usual place; any other can be chosen next.
                  setDraft({
                    ...draft,
                    teamId: d.value,
                    channelId: next?.channels[0]?.id ?? '',
                  });
                }}
              >
                {!team && <option value="">{t(locale, 'tab.rota.notices.choose')}</option>}
                {teams.map((tm) => (
                  <option key={tm.teamId} value={tm.teamId}>
                    {tm.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(locale, 'tab.rota.notices.channel')}>
              <ChannelSelect
                channels={team?.channels ?? []}
                value={draft.channelId}
                placeholder={t(locale, 'tab.rota.notices.choose')}
                disabled={!team}
                onChange={(channelId) => setDraft({ ...draft, channelId })}
              />
            </Field>
          </div>
        ))}
      <RotaAlert
        locale={locale}
        error={error}
        problems={
          local.length
            ? local
            : error !== undefined && sent
              ? noticesProblems(error, sent, locale)
              : undefined
        }
      />
      <div role="status">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>{t(locale, 'tab.rota.notices.saved', { time: saved })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t(locale, 'tab.rota.notices.save')}
        </Button>
      </div>
    </form>
  );
}
