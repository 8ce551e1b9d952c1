import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import {
  calendarBody,
  draftOf,
  withStart,
  type CalendarDraft,
  type ClosureRow,
  type TermRow,
} from './calendar-draft.js';

export type CalendarState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; draft: CalendarDraft; timeZone: string };

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

type Part = 'terms' | 'closures';

export function useCalendarEditor(client: ApiClient) {
  const [state, setState] = useState<CalendarState>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const keys = useRef(0);
  const newKey = useCallback(() => `row-${++keys.current}`, []);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    client.connect.calendar().then(
      ({ calendar, timeZone }) =>
        !cancelled && setState({ kind: 'ready', draft: draftOf(calendar, newKey), timeZone }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt, newKey]);

  const edit = useCallback((change: (draft: CalendarDraft) => CalendarDraft) => {
    setState((current) =>
      current.kind === 'ready' ? { ...current, draft: change(current.draft) } : current,
    );
    setSave((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }, []);

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
      const { calendar } = await client.connect.saveCalendar(calendarBody(state.draft));
      // The server keeps terms and closures in date order: show what it stored.
      setState({ ...state, draft: draftOf(calendar, newKey) });
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', error });
    }
  }, [client, state, newKey]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, save, retry, addTerm, addClosure, remove, change, submit };
}
