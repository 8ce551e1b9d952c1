/**
 * One way for a view to read from the API: loading, error, or the data, with "load again" after a
 * change and "try again" after a failure. Every tab hook that reads used to write the same
 * `let cancelled = false` effect; load-state.ts holds the rule (the latest read wins), this the
 * React wiring.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { latestLoads, loading, type LoadState } from './load-state.js';

export type { LoadState } from './load-state.js';

export interface Loaded<T extends object> {
  state: LoadState<T>;
  /** Reads again, keeping what is shown until the answer comes (after a change was saved). */
  reload(): void;
  /** Says "loading" and reads again (the "Try again" after a failure). */
  retry(): void;
  /** Changes the data shown without reading again (what a save answered). */
  update(change: (data: T) => T): void;
  /** Why the last read failed, until one works: with `keepOnError`, beside the data still shown. */
  error: unknown;
}

export interface LoadOptions {
  /** When `load` changes (another class, a bigger page), keep what is shown until it answers. */
  keepOnChange?: boolean;
  /** A failed read after a good one keeps what is shown (the week stays; the next read may work). */
  keepOnError?: boolean;
}

/**
 * Reads with `load` when the view appears and whenever `load` changes: pass a `useCallback` with
 * the read's inputs as its dependencies. `undefined` waits (nothing chosen yet) and reads nothing.
 */
export function useLoad<T extends object>(
  load: (() => Promise<T>) | undefined,
  options: LoadOptions = {},
): Loaded<T> {
  const [state, setState] = useState<LoadState<T>>(loading);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState({ n: 0, showLoading: false });
  const keepOnChange = options.keepOnChange ?? false;
  const keepOnError = options.keepOnError ?? false;
  const loads = useMemo(
    () =>
      latestLoads<T>((next) => {
        if (next.kind !== 'loading') setError(next.kind === 'error' ? next.error : undefined);
        setState((shown) =>
          keepOnError && next.kind === 'error' && shown.kind === 'ready' ? shown : next,
        );
      }),
    [keepOnError],
  );
  const last = useRef(load);

  useEffect(() => {
    const changed = last.current !== load;
    last.current = load;
    if (!load) return;
    loads.start(load, attempt.showLoading || (changed && !keepOnChange));
    return () => loads.cancel();
  }, [load, attempt, loads, keepOnChange]);

  const reload = useCallback(() => setAttempt((a) => ({ n: a.n + 1, showLoading: false })), []);
  const retry = useCallback(() => setAttempt((a) => ({ n: a.n + 1, showLoading: true })), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((s) => (s.kind === 'ready' ? { ...change(s), kind: 'ready' } : s)),
    [],
  );
  return { state, reload, retry, update, error };
}
