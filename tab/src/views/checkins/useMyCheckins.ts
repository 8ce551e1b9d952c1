import { useCallback } from 'react';
import type { CheckinsApi } from '../../api/checkins-api.js';
import type { MyCheckin } from '../../../../core/api/checkins.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type MyCheckinsState = LoadState<{ checkins: MyCheckin[] }>;

/** The signed-in pupil's own answers: the server gives nobody else's. */
export function useMyCheckins(checkins: CheckinsApi) {
  const { state, retry } = useLoad(
    useCallback(async () => ({ checkins: (await checkins.mine()).checkins }), [checkins]),
  );
  return { state, retry };
}
