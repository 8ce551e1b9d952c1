import { useCallback, useState } from 'react';
import type { RotaApi } from '../../api/rota-api.js';
import type { MyRota, OpenRequestView } from '../../../../core/api/rota.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type MyRotaState = LoadState<{ mine: MyRota; open: OpenRequestView[] }>;

/** An ambassador's duties and requests, and the duties others want help with. */
export function useMyRota(rota: RotaApi) {
  const { state, reload } = useLoad(
    useCallback(async () => {
      const [mine, open] = await Promise.all([rota.mine(), rota.openRequests()]);
      return { mine, open: open.requests };
    }, [rota]),
  );
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();

  /** Runs a change, then reloads; returns whether it worked (a refusal is kept to show). */
  const act = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
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
        reload();
      }
    },
    [reload],
  );

  return { state, reload, act, busy, refusal };
}
