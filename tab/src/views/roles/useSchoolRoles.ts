import { useCallback, useEffect, useState } from 'react';
import type { ReadinessResponse, RoleHolderView } from '../../../../core/api/roles.js';
import type { SchoolRole } from '../../../../core/roles.js';
import type { ApiClient } from '../../api/client.js';

export type RolesState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; holders: RoleHolderView[]; readiness: ReadinessResponse };

/** What became of the last change, shown beside the control that made it. */
export type ChangeState =
  | { kind: 'idle' }
  | { kind: 'saving'; from: ChangeSource }
  | { kind: 'saved'; from: ChangeSource; holder: RoleHolderView; changed: boolean }
  | { kind: 'failed'; from: ChangeSource; error: unknown };

/** Which part of the page asked: a Remove button in the lists, or the add-a-person form. */
export type ChangeSource = 'lists' | 'add';

/** The admin's school roles page: who holds what, readiness, and changing a person's roles. */
export function useSchoolRoles(client: ApiClient) {
  const [state, setState] = useState<RolesState>({ kind: 'loading' });
  const [change, setChange] = useState<ChangeState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    Promise.all([client.roles.holders(), client.roles.readiness()]).then(
      ([{ holders }, readiness]) => !cancelled && setState({ kind: 'ready', holders, readiness }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  /** Reads holders and readiness again, keeping the page as it is if that fails. */
  const refresh = useCallback(async () => {
    const [{ holders }, readiness] = await Promise.all([
      client.roles.holders(),
      client.roles.readiness(),
    ]);
    setState({ kind: 'ready', holders, readiness });
  }, [client]);

  const setRoles = useCallback(
    async (from: ChangeSource, userId: string, roles: SchoolRole[]): Promise<boolean> => {
      setChange({ kind: 'saving', from });
      try {
        const { holder, changed } = await client.roles.setRoles(userId, roles);
        setChange({ kind: 'saved', from, holder, changed });
        await refresh().catch(() => undefined);
        return true;
      } catch (error) {
        setChange({ kind: 'failed', from, error });
        return false;
      }
    },
    [client, refresh],
  );

  /** Someone may have opened Belong in Teams since: ask again. */
  const checkReadiness = useCallback(async () => {
    setChecking(true);
    try {
      const readiness = await client.roles.readiness();
      setState((s) => (s.kind === 'ready' ? { ...s, readiness } : s));
    } catch {
      // The panel keeps what it showed; the next load tries again.
    } finally {
      setChecking(false);
    }
  }, [client]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, change, setRoles, checkReadiness, checking, retry };
}
