import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { MyCheckin } from '../../../../core/api/checkins.js';

export type MyCheckinsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; checkins: MyCheckin[] };

/** The signed-in pupil's own answers: the server gives nobody else's. */
export function useMyCheckins(client: ApiClient) {
  const [state, setState] = useState<MyCheckinsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    client.checkins.mine().then(
      (res) => !cancelled && setState({ kind: 'ready', checkins: res.checkins }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);
  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
