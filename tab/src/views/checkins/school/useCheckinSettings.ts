import { useCallback, useState } from 'react';
import type { ClassTeamView } from '../../../../../core/api.js';
import type { TeamsApi } from '../../../api/session-api.js';
import { useLoad, type LoadState } from '../../../hooks/useLoad.js';
import type { SchoolApi } from './school-api.js';
import { bodyOf, draftOf, type SettingsDraft } from './settings-draft.js';

export type SettingsState = LoadState<{ draft: SettingsDraft; teams: ClassTeamView[] }>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'failed'; error: unknown };

/** The check-in settings form: loads k, year groups and the class list; saves them together. */
export function useCheckinSettings(api: SchoolApi, classTeams: TeamsApi, onSaved: () => void) {
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { state, retry, update } = useLoad(
    useCallback(async () => {
      const [settings, { teams }] = await Promise.all([api.settings(), classTeams.list()]);
      return { draft: draftOf(settings), teams };
    }, [api, classTeams]),
  );

  const edit = useCallback(
    (change: (draft: SettingsDraft) => SettingsDraft) => {
      update((current) => ({ ...current, draft: change(current.draft) }));
      setSave((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
    },
    [update],
  );

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
      update((current) => ({ ...current, draft: draftOf(saved) }));
      setSave({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setSave({ kind: 'failed', error });
    }
  }, [api, state, onSaved, update]);

  return { state, save, setK, setYearGroup, submit, retry };
}
