import { useCallback, useState } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import type { ApiClient } from '../../api/client.js';
import type { NoticeSettingsView, ReminderDayView } from '../../../../core/api/rota.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type NoticesState = LoadState<{ settings: NoticeSettingsView; teams: ClassTeamView[] }>;

export type ReminderDayState = LoadState<{ day: ReminderDayView }>;

/**
 * The reminder settings with the class teams whose channels the card can go to, and one day's
 * reminders: today by the server's clock (school time) until another day is chosen.
 */
export function useNotices(client: ApiClient) {
  const { rota, teams } = client;
  const [date, setDate] = useState<string | undefined>();
  const notices = useLoad(
    useCallback(async () => {
      const [settings, { teams: classTeams }] = await Promise.all([rota.notices(), teams.list()]);
      return { settings, teams: classTeams };
    }, [rota, teams]),
  );
  const day = useLoad(useCallback(async () => ({ day: await rota.reminders(date) }), [rota, date]));

  const { update } = notices;
  /** Keeps what the server saved, so the form shows it without another round trip. */
  const saved = useCallback(
    (settings: NoticeSettingsView) => update((s) => ({ ...s, settings })),
    [update],
  );
  return {
    state: notices.state,
    reload: notices.reload,
    saved,
    date,
    setDate,
    day: day.state,
    reloadDay: day.retry,
  };
}
