/**
 * School roles' calls (server/http/roles-api.ts): who holds them and changing them, the
 * directory search, safeguarding readiness and the audit log.
 */
import type {
  AuditResponse,
  PeopleResponse,
  ReadinessResponse,
  SchoolRolesResponse,
  SetRolesResponse,
} from '../../../core/api/roles.js';
import type { SchoolRole } from '../../../core/roles.js';
import { enc, query, type Request } from './request.js';

export const rolesApi = (request: Request) => ({
  holders: () => request<SchoolRolesResponse>('/api/school/roles', { auth: true }),
  findPeople: (q: string) =>
    request<PeopleResponse>(`/api/school/people${query({ q })}`, { auth: true }),
  setRoles: (userId: string, roles: SchoolRole[]) =>
    request<SetRolesResponse>(`/api/school/roles/${enc(userId)}`, {
      method: 'PUT',
      body: { roles },
      auth: true,
    }),
  readiness: () => request<ReadinessResponse>('/api/support/readiness', { auth: true }),
  auditLog: (limit?: number) =>
    request<AuditResponse>(
      `/api/school/audit${query({ limit: limit === undefined ? undefined : String(limit) })}`,
      { auth: true },
    ),
});
export type RolesApi = ReturnType<typeof rolesApi>;
