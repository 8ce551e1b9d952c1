import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type {
  ClassCheckinSummary,
  ClassTrendsResponse,
  PostCheckinRequest,
} from '../../../../core/api/checkins.js';

export type ClassCheckinsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; checkins: ClassCheckinSummary[]; trends: ClassTrendsResponse };

/** A class's recent check-ins and its trends; posting one reads the list again. */
export function useClassCheckins(client: ApiClient, teamId: string | undefined) {
  const [checkins, setCheckins] = useState<ClassCheckinSummary[] | undefined>();
  /** Whether a check-in can be posted (the school can take talk requests); unknown until read. */
  const [postReady, setPostReady] = useState<boolean | undefined>();
  const [trends, setTrends] = useState<ClassTrendsResponse | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!teamId) return;
    let cancelled = false;
    setTrends(undefined);
    setCheckins(undefined);
    client.checkins.classTrends(teamId).then(
      (res) => !cancelled && setTrends(res),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, teamId, attempt]);

  useEffect(() => {
    if (!teamId) return;
    let cancelled = false;
    client.checkins.forClass(teamId).then(
      (res) => {
        if (cancelled) return;
        setCheckins(res.checkins);
        setPostReady(res.ready);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, teamId, attempt, version]);

  const retry = useCallback(() => {
    setError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const post = useCallback(
    async (body: PostCheckinRequest) => {
      if (!teamId) throw new Error('no class chosen');
      const posted = await client.checkins.post(teamId, body);
      setVersion((n) => n + 1);
      return posted;
    },
    [client, teamId],
  );

  const state: ClassCheckinsState =
    error !== undefined
      ? { kind: 'error', error }
      : checkins && trends
        ? { kind: 'ready', checkins, trends }
        : { kind: 'loading' };
  return { state, retry, post, postReady };
}
