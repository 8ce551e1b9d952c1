import { useCallback } from 'react';
import type { MeResponse, TeamsResponse } from '../../../../core/api.js';
import type { ApiClient } from '../../api/client.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type HomeState = LoadState<{ me: MeResponse; teams: TeamsResponse['teams'] }>;

export function useHome(client: ApiClient): { state: HomeState; retry(): void } {
  const { state, retry } = useLoad(
    useCallback(async () => {
      const [me, teams] = await Promise.all([client.session.me(), client.teams.list()]);
      return { me, teams: teams.teams };
    }, [client]),
  );
  return { state, retry };
}
