import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type {
  CmhwResponse,
  CreateScheduleRequest,
  Prompt,
  ScheduleView,
} from '../../../../core/api/connect.js';

export interface PostsLibrary {
  prompts: Prompt[];
  cmhw: CmhwResponse;
}

export type PostsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; library: PostsLibrary; schedules: ScheduleView[] };

/** A class's schedules, with the prompt library and CMHW weeks they are described with. */
export function usePosts(client: ApiClient, teamId: string | undefined) {
  const [library, setLibrary] = useState<PostsLibrary | undefined>();
  const [schedules, setSchedules] = useState<ScheduleView[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([client.connect.prompts(), client.connect.cmhw()]).then(
      ([{ prompts }, cmhw]) => !cancelled && setLibrary({ prompts, cmhw }),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  useEffect(() => {
    if (!teamId) return;
    let cancelled = false;
    client.connect.schedules(teamId).then(
      (res) => !cancelled && setSchedules(res.schedules),
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

  const create = useCallback(
    async (body: CreateScheduleRequest) => {
      if (!teamId) throw new Error('no class chosen');
      const created = await client.connect.createSchedule(teamId, body);
      setVersion((n) => n + 1);
      return created;
    },
    [client, teamId],
  );

  const update = useCallback(
    async (scheduleId: string, body: CreateScheduleRequest) => {
      if (!teamId) throw new Error('no class chosen');
      const updated = await client.connect.updateSchedule(teamId, scheduleId, body);
      setVersion((n) => n + 1);
      return updated;
    },
    [client, teamId],
  );

  const cancel = useCallback(
    async (scheduleId: string) => {
      if (!teamId) return;
      await client.connect.cancelSchedule(teamId, scheduleId);
      setVersion((n) => n + 1);
    },
    [client, teamId],
  );

  const state: PostsState =
    error !== undefined
      ? { kind: 'error', error }
      : library && schedules
        ? { kind: 'ready', library, schedules }
        : { kind: 'loading' };
  return { state, retry, create, update, cancel };
}
