import { useCallback, useMemo } from 'react';
import type { CheckinsApi } from '../../api/checkins-api.js';
import type {
  ClassCheckinsResponse,
  ClassCheckinSummary,
  ClassTrendsResponse,
  PostCheckinRequest,
} from '../../../../core/api/checkins.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type ClassCheckinsState = LoadState<{
  checkins: ClassCheckinSummary[];
  trends: ClassTrendsResponse;
}>;

/** A class's recent check-ins and its trends; posting one reads the list again. */
export function useClassCheckins(api: CheckinsApi, teamId: string | undefined) {
  const trends = useLoad(
    useMemo(
      () => (teamId ? async () => ({ trends: await api.classTrends(teamId) }) : undefined),
      [api, teamId],
    ),
  );
  const recent = useLoad<ClassCheckinsResponse>(
    useMemo(() => (teamId ? () => api.forClass(teamId) : undefined), [api, teamId]),
  );

  const { retry: retryTrends } = trends;
  const { retry: retryRecent, reload: reloadRecent } = recent;
  const retry = useCallback(() => {
    retryTrends();
    retryRecent();
  }, [retryTrends, retryRecent]);

  const post = useCallback(
    async (body: PostCheckinRequest) => {
      if (!teamId) throw new Error('no class chosen');
      const posted = await api.post(teamId, body);
      reloadRecent();
      return posted;
    },
    [api, teamId, reloadRecent],
  );

  const state: ClassCheckinsState =
    trends.state.kind === 'error'
      ? trends.state
      : recent.state.kind === 'error'
        ? recent.state
        : trends.state.kind === 'ready' && recent.state.kind === 'ready'
          ? { kind: 'ready', checkins: recent.state.checkins, trends: trends.state.trends }
          : { kind: 'loading' };
  /** Whether a check-in can be posted (the school can take talk requests); unknown until read. */
  const postReady = recent.state.kind === 'ready' ? recent.state.ready : undefined;
  return { state, retry, post, postReady };
}
