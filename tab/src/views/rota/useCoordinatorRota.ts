import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { RotaOverview } from '../../../../core/api/rota.js';
import { addDays } from '../../connect/dates.js';

export type CoordinatorState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; overview: RotaOverview };

/**
 * The coordinator's rota, one Monday-to-Sunday week at a time (the server's default: this week).
 * Every change goes through `act`, which reloads the week afterwards; a refusal is kept in
 * `refusal` for the view to say why, and the week stays as it was.
 */
export function useCoordinatorRota(client: ApiClient) {
  const [monday, setMonday] = useState<string | undefined>();
  const [overview, setOverview] = useState<RotaOverview | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    client.rota.overview(monday ? { from: monday, to: addDays(monday, 6) } : {}).then(
      (next) => {
        if (cancelled) return;
        setOverview(next);
        setError(undefined);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, monday, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  /** Runs a change and reloads; a refusal is kept in `refusal`. Undefined when refused. */
  const act = useCallback(async <T>(change: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const result = await change();
      setAttempt((n) => n + 1);
      return result;
    } catch (e) {
      setRefusal(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  /** Runs a change and reloads; a refusal is thrown, for a dialog to show inside itself. */
  const perform = useCallback(async <T>(change: () => Promise<T>): Promise<T> => {
    const result = await change();
    setAttempt((n) => n + 1);
    return result;
  }, []);

  const goToWeek = useCallback((nextMonday: string) => {
    setRefusal(undefined);
    setMonday(nextMonday);
  }, []);

  const state: CoordinatorState =
    error !== undefined && !overview
      ? { kind: 'error', error }
      : overview
        ? { kind: 'ready', overview }
        : { kind: 'loading' };
  return {
    state,
    error,
    reload,
    act,
    perform,
    busy,
    refusal,
    clearRefusal: () => setRefusal(undefined),
    goToWeek,
  };
}
