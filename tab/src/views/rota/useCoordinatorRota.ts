import { useCallback, useState } from 'react';
import type { RotaApi } from '../../api/rota-api.js';
import type { RotaOverview } from '../../../../core/api/rota.js';
import { addDays } from '../../connect/dates.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type CoordinatorState = LoadState<{ overview: RotaOverview }>;

/**
 * The coordinator's rota, one Monday-to-Sunday week at a time (the server's default: this week).
 * Every change goes through `act`, which reloads the week afterwards; a refusal is kept in
 * `refusal` for the view to say why, and the week stays as it was.
 */
export function useCoordinatorRota(rota: RotaApi) {
  const [monday, setMonday] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const { state, reload, error } = useLoad(
    useCallback(
      async () => ({
        overview: await rota.overview(monday ? { from: monday, to: addDays(monday, 6) } : {}),
      }),
      [rota, monday],
    ),
    // The week shown stays until the next one comes, and if a later read fails.
    { keepOnChange: true, keepOnError: true },
  );

  /** Runs a change and reloads; a refusal is kept in `refusal`. Undefined when refused. */
  const act = useCallback(
    async <T>(change: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setRefusal(undefined);
      try {
        const result = await change();
        reload();
        return result;
      } catch (e) {
        setRefusal(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  /** Runs a change and reloads; a refusal is thrown, for a dialog to show inside itself. */
  const perform = useCallback(
    async <T>(change: () => Promise<T>): Promise<T> => {
      const result = await change();
      reload();
      return result;
    },
    [reload],
  );

  const goToWeek = useCallback((nextMonday: string) => {
    setRefusal(undefined);
    setMonday(nextMonday);
  }, []);

  return {
    state,
    /** A week that would not load, while the last one stays on screen. */
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
