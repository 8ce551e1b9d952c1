import { useCallback, useRef, useState } from 'react';
import type { ConnectApi } from '../../api/connect-api.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';
import {
  calendarBody,
  draftOf,
  withStart,
  type CalendarDraft,
  type ClosureRow,
  type TermRow,
} from './calendar-draft.js';

export type CalendarState = LoadState<{ draft: CalendarDraft; timeZone: string }>;

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

type Part = 'terms' | 'closures';

export function useCalendarEditor(connect: ConnectApi) {
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const keys = useRef(0);
  const newKey = useCallback(() => `row-${++keys.current}`, []);

  const { state, retry, update } = useLoad(
    useCallback(async () => {
      const { calendar, timeZone } = await connect.calendar();
      return { draft: draftOf(calendar, newKey), timeZone };
    }, [connect, newKey]),
  );

  const edit = useCallback(
    (change: (draft: CalendarDraft) => CalendarDraft) => {
      update((current) => ({ ...current, draft: change(current.draft) }));
      setSave((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
    },
    [update],
  );

  const addTerm = useCallback(
    () =>
      edit((d) => ({ ...d, terms: [...d.terms, { key: newKey(), name: '', start: '', end: '' }] })),
    [edit, newKey],
  );
  const addClosure = useCallback(
    () =>
      edit((d) => ({
        ...d,
        closures: [...d.closures, { key: newKey(), name: '', kind: 'inset', start: '', end: '' }],
      })),
    [edit, newKey],
  );
  const remove = useCallback(
    (part: Part, key: string) =>
      edit((d) => ({ ...d, [part]: (d[part] as TermRow[]).filter((row) => row.key !== key) })),
    [edit],
  );
  const change = useCallback(
    (part: Part, key: string, patch: Partial<ClosureRow>) =>
      edit((d) => ({
        ...d,
        [part]: (d[part] as ClosureRow[]).map((row) => {
          if (row.key !== key) return row;
          const { start, ...rest } = patch;
          const changed = { ...row, ...rest };
          return start === undefined ? changed : withStart(changed, start);
        }),
      })),
    [edit],
  );

  const submit = useCallback(async () => {
    if (state.kind !== 'ready') return;
    setSave({ kind: 'saving' });
    try {
      const { calendar } = await connect.saveCalendar(calendarBody(state.draft));
      // The server keeps terms and closures in date order: show what it stored.
      update((current) => ({ ...current, draft: draftOf(calendar, newKey) }));
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', error });
    }
  }, [connect, state, newKey, update]);

  return { state, save, retry, addTerm, addClosure, remove, change, submit };
}
