import { useCallback, useState } from 'react';
import type { AuditResponse } from '../../../../core/api/roles.js';
import type { RolesApi } from '../../api/roles-api.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';

export type AuditState = LoadState<{ log: AuditResponse; limit: number; more: boolean }>;

/** How many entries the page shows at first, and at most. */
export const firstLimit = 50;
export const maxLimit = 200;

/** The audit log, newest first; "show more" reads it again with a bigger limit (and is recorded). */
export function useAuditLog(roles: RolesApi) {
  const [limit, setLimit] = useState(firstLimit);
  const { state, retry } = useLoad(
    useCallback(async () => {
      const log = await roles.auditLog(limit);
      return { log, limit, more: log.entries.length === limit && limit < maxLimit };
    }, [roles, limit]),
    // The entries shown stay while the longer list comes.
    { keepOnChange: true },
  );
  const showMore = useCallback(() => setLimit(maxLimit), []);
  return { state, showMore, retry };
}
