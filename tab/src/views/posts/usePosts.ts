import { useCallback, useMemo } from 'react';
import type { ConnectApi } from '../../api/connect-api.js';
import type {
  CmhwResponse,
  CreateScheduleRequest,
  Prompt,
  ScheduleView,
} from '../../../../core/api/connect.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export interface PostsLibrary {
  prompts: Prompt[];
  cmhw: CmhwResponse;
}

export type PostsState = LoadState<{ library: PostsLibrary; schedules: ScheduleView[] }>;

/** A class's schedules, with the prompt library and CMHW weeks they are described with. */
export function usePosts(connect: ConnectApi, teamId: string | undefined) {
  const library = useLoad(
    useCallback(async () => {
      const [{ prompts }, cmhw] = await Promise.all([connect.prompts(), connect.cmhw()]);
      return { library: { prompts, cmhw } };
    }, [connect]),
  );
  const schedules = useLoad(
    useMemo(() => (teamId ? () => connect.schedules(teamId) : undefined), [connect, teamId]),
    // Another class's posts replace this one's when they come, as they always have.
    { keepOnChange: true },
  );

  const { retry: retryLibrary } = library;
  const { retry: retrySchedules, reload } = schedules;
  const retry = useCallback(() => {
    retryLibrary();
    retrySchedules();
  }, [retryLibrary, retrySchedules]);

  const create = useCallback(
    async (body: CreateScheduleRequest) => {
      if (!teamId) throw new Error('no class chosen');
      const created = await connect.createSchedule(teamId, body);
      reload();
      return created;
    },
    [connect, teamId, reload],
  );

  const update = useCallback(
    async (scheduleId: string, body: CreateScheduleRequest) => {
      if (!teamId) throw new Error('no class chosen');
      const updated = await connect.updateSchedule(teamId, scheduleId, body);
      reload();
      return updated;
    },
    [connect, teamId, reload],
  );

  const cancel = useCallback(
    async (scheduleId: string) => {
      if (!teamId) return;
      await connect.cancelSchedule(teamId, scheduleId);
      reload();
    },
    [connect, teamId, reload],
  );

  const state: PostsState =
    library.state.kind === 'error'
      ? library.state
      : schedules.state.kind === 'error'
        ? schedules.state
        : library.state.kind === 'ready' && schedules.state.kind === 'ready'
          ? { kind: 'ready', library: library.state.library, schedules: schedules.state.schedules }
          : { kind: 'loading' };
  return { state, retry, create, update, cancel };
}
