import { useCallback, useEffect, useState } from 'react';
import type { AuditResponse } from '../../../../core/api/roles.js';
import type { ApiClient } from '../../api/client.js';

export type AuditState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; log: AuditResponse; limit: number; more: boolean };

/** How many entries the page shows at first, and at most. */
export const firstLimit = 50;
export const maxLimit = 200;

/** The audit log, newest first; "show more" reads it again with a bigger limit (and is recorded). */
export function useAuditLog(client: ApiClient) {
  const [limit, setLimit] = useState(firstLimit);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AuditState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    client.roles.auditLog(limit).then(
      (log) =>
        !cancelled &&
        setState({
          kind: 'ready',
          log,
          limit,
          more: log.entries.length === limit && limit < maxLimit,
        }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, limit, attempt]);

  const showMore = useCallback(() => setLimit(maxLimit), []);
  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, showMore, retry };
}
