import { useCallback, useState } from 'react';
import type { ReadinessResponse, RoleHolderView } from '../../../../core/api/roles.js';
import type { SchoolRole } from '../../../../core/roles.js';
import type { RolesApi } from '../../api/roles-api.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type RolesState = LoadState<{ holders: RoleHolderView[]; readiness: ReadinessResponse }>;

/** What became of the last change, shown beside the control that made it. */
export type ChangeState =
  | { kind: 'idle' }
  | { kind: 'saving'; from: ChangeSource }
  | { kind: 'saved'; from: ChangeSource; holder: RoleHolderView; changed: boolean }
  | { kind: 'failed'; from: ChangeSource; error: unknown };

/** Which part of the page asked: a Remove button in the lists, or the add-a-person form. */
export type ChangeSource = 'lists' | 'add';

/** The admin's school roles page: who holds what, readiness, and changing a person's roles. */
export function useSchoolRoles(api: RolesApi) {
  const [change, setChange] = useState<ChangeState>({ kind: 'idle' });
  const [checking, setChecking] = useState(false);

  const read = useCallback(async () => {
    const [{ holders }, readiness] = await Promise.all([api.holders(), api.readiness()]);
    return { holders, readiness };
  }, [api]);
  const { state, retry, update } = useLoad(read);

  /** Reads holders and readiness again, keeping the page as it is if that fails. */
  const refresh = useCallback(async () => {
    const fresh = await read();
    update(() => fresh);
  }, [read, update]);

  const setRoles = useCallback(
    async (from: ChangeSource, userId: string, roles: SchoolRole[]): Promise<boolean> => {
      setChange({ kind: 'saving', from });
      try {
        const { holder, changed } = await api.setRoles(userId, roles);
        setChange({ kind: 'saved', from, holder, changed });
        await refresh().catch(() => undefined);
        return true;
      } catch (error) {
        setChange({ kind: 'failed', from, error });
        return false;
      }
    },
    [api, refresh],
  );

  /** Someone may have opened Belong in Teams since: ask again. */
  const checkReadiness = useCallback(async () => {
    setChecking(true);
    try {
      const readiness = await api.readiness();
      update((s) => ({ ...s, readiness }));
    } catch {
      // The panel keeps what it showed; the next load tries again.
    } finally {
      setChecking(false);
    }
  }, [api, update]);

  return { state, change, setRoles, checkReadiness, checking, retry };
}
