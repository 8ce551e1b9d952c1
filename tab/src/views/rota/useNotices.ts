import { useCallback, useEffect, useState } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import type { ApiClient } from '../../api/client.js';
import type { NoticeSettingsView, ReminderDayView } from '../../../../core/api/rota.js';

export type NoticesState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; settings: NoticeSettingsView; teams: ClassTeamView[] };

export type ReminderDayState =
  { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; day: ReminderDayView };

/**
 * The reminder settings with the class teams whose channels the card can go to, and one day's
 * reminders: today by the server's clock (school time) until another day is chosen.
 */
export function useNotices(client: ApiClient) {
  const [state, setState] = useState<NoticesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [date, setDate] = useState<string | undefined>();
  const [day, setDay] = useState<ReminderDayState>({ kind: 'loading' });
  const [dayAttempt, setDayAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([client.rota.notices(), client.teams.list()]).then(
      ([settings, { teams }]) => !cancelled && setState({ kind: 'ready', settings, teams }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  useEffect(() => {
    let cancelled = false;
    setDay({ kind: 'loading' });
    client.rota.reminders(date).then(
      (next) => !cancelled && setDay({ kind: 'ready', day: next }),
      (error: unknown) => !cancelled && setDay({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, date, dayAttempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const reloadDay = useCallback(() => setDayAttempt((n) => n + 1), []);
  /** Keeps what the server saved, so the form shows it without another round trip. */
  const saved = useCallback(
    (settings: NoticeSettingsView) =>
      setState((s) => (s.kind === 'ready' ? { ...s, settings } : s)),
    [],
  );
  return { state, reload, saved, date, setDate, day, reloadDay };
}
