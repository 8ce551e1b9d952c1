import { useCallback, useEffect, useState } from 'react';
import type { ClassTeamView } from '../../../../../core/api.js';
import type { ApiClient } from '../../../api/client.js';
import type { SchoolApi } from './school-api.js';
import { bodyOf, draftOf, type SettingsDraft } from './settings-draft.js';

export type SettingsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; draft: SettingsDraft; teams: ClassTeamView[] };

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'failed'; error: unknown };

/** The check-in settings form: loads k, year groups and the class list; saves them together. */
export function useCheckinSettings(api: SchoolApi, client: ApiClient, onSaved: () => void) {
  const [state, setState] = useState<SettingsState>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    Promise.all([api.settings(), client.teams.list()]).then(
      ([settings, { teams }]) =>
        !cancelled && setState({ kind: 'ready', draft: draftOf(settings), teams }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, client, attempt]);

  const edit = useCallback((change: (draft: SettingsDraft) => SettingsDraft) => {
    setState((current) =>
      current.kind === 'ready' ? { ...current, draft: change(current.draft) } : current,
    );
    setSave((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }, []);

  const setK = useCallback((k: string) => edit((d) => ({ ...d, k })), [edit]);
  const setYearGroup = useCallback(
    (teamId: string, year: string) =>
      edit((d) => ({ ...d, yearGroups: { ...d.yearGroups, [teamId]: year } })),
    [edit],
  );

  const submit = useCallback(async () => {
    if (state.kind !== 'ready') return;
    const checked = bodyOf(state.draft);
    if ('problems' in checked) return setSave({ kind: 'refused', problems: checked.problems });
    setSave({ kind: 'saving' });
    try {
      const saved = await api.saveSettings(checked.body);
      setState({ ...state, draft: draftOf(saved) });
      setSave({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setSave({ kind: 'failed', error });
    }
  }, [api, state, onSaved]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, save, setK, setYearGroup, submit, retry };
}
