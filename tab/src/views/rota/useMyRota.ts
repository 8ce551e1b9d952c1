import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { MyRota, OpenRequestView } from '../../../../core/api/rota.js';

export type MyRotaState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; mine: MyRota; open: OpenRequestView[] };

/** An ambassador's duties and requests, and the duties others want help with. */
export function useMyRota(client: ApiClient) {
  const [state, setState] = useState<MyRotaState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    Promise.all([client.rota.mine(), client.rota.openRequests()]).then(
      ([mine, open]) => !cancelled && setState({ kind: 'ready', mine, open: open.requests }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  /** Runs a change, then reloads; returns whether it worked (a refusal is kept to show). */
  const act = useCallback(async (change: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await change();
      return true;
    } catch (e) {
      setRefusal(e);
      return false;
    } finally {
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  }, []);

  return { state, reload, act, busy, refusal };
}
