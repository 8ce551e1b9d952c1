import { useCallback, useEffect, useState } from 'react';
import type { MeResponse, TeamsResponse } from '../../../../core/api.js';
import type { ApiClient } from '../../api/client.js';

export type HomeState =
  | { kind: 'loading' }
  | { kind: 'ready'; me: MeResponse; teams: TeamsResponse['teams'] }
  | { kind: 'error'; error: unknown };

export function useHome(client: ApiClient): { state: HomeState; retry(): void } {
  const [state, setState] = useState<HomeState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    Promise.all([client.session.me(), client.teams.list()]).then(
      ([me, teams]) => !cancelled && setState({ kind: 'ready', me, teams: teams.teams }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
