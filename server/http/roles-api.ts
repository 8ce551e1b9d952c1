/**
 * School roles, safeguarding readiness and the audit log in the tab API (issue 17). The admin
 * lists who holds the school roles, searches the directory and gives or takes roles; the admin,
 * DSL, deputies and wellbeing lead see whether talk requests can be offered and what to do; the
 * admin, DSL and deputies read the audit log and its chain check (the reading is recorded too).
 * The role is checked before the id or body is read, so the wrong person always gets 403. Ids and
 * queries are checked before they reach a storage key or Graph: 400, never 500.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type {
  AuditResponse,
  PeopleResponse,
  ReadinessResponse,
  SchoolRolesResponse,
  SetRolesResponse,
} from '../../core/api/roles.js';
import { BelongError } from '../../core/errors.js';
import { schoolRoles } from '../../core/roles.js';
import {
  auditReaders,
  readinessReaders,
  readinessView,
} from '../../core/support/safeguarding-views.js';
import type { SchoolRoles } from '../../core/support/school-roles.js';
import type { TalkService } from '../../core/support/talk-service.js';
import { accessOf, requireRole, type AccessDeps } from './auth.js';
import { handle, jsonBody, parse } from './body.js';
import { pathId } from './ids.js';

/** What a name is made of: letters, marks, digits, spaces, apostrophes, hyphens and full stops. */
const nameQuery = /^[\p{L}\p{M}\p{N} .'’-]+$/u;

const peopleQuery = z.object({
  q: z.string().trim().min(2).max(60).regex(nameQuery),
});
const auditQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .optional(),
});
const rolesBody = z.object({ roles: z.array(z.string().max(40)).max(schoolRoles.length) }).strict();

/** A path id that is not a GUID cannot be a person: 400, and it never reaches storage. */
const personId = (req: Request): string =>
  pathId(req, 'userId', 'userId', { problems: ['userId'] }).toLowerCase();

export interface RolesApiDeps extends AccessDeps {
  config: { bodyLimit: string };
  schoolRoles: SchoolRoles;
  /** Whether the school can take talk requests. */
  talk: Pick<TalkService, 'readiness'>;
  /** The audit log as its readers see it (safeguarding-views.ts `readAudit`); the reading is audited. */
  auditReader: { read(tenantId: string, actorId: string, limit: number): Promise<AuditResponse> };
}

export function rolesRouter(services: RolesApiDeps): Router {
  const api = Router();
  const admin = requireRole(services, 'admin');
  const json = jsonBody(services.config.bodyLimit);
  const who = async (res: Parameters<typeof accessOf>[1]) => {
    const access = await accessOf(services, res);
    return { tenantId: access.tenantId, userId: access.userId };
  };

  api.get(
    '/school/roles',
    admin,
    handle(async (_req, res) => {
      const { tenantId, userId } = await who(res);
      const holders = await services.schoolRoles.holders(tenantId, userId);
      res.json({ holders } satisfies SchoolRolesResponse);
    }),
  );

  api.get(
    '/school/people',
    admin,
    handle(async (req, res) => {
      const { q } = parse(peopleQuery, req.query, 'search (2 to 60 letters of a name)');
      const { tenantId, userId } = await who(res);
      const people = await services.schoolRoles.findPeople(tenantId, userId, q);
      res.json({ people } satisfies PeopleResponse);
    }),
  );

  api.put(
    '/school/roles/:userId',
    admin,
    ...json,
    handle(async (req, res) => {
      const target = personId(req);
      const body = parse(rolesBody, req.body, 'list of roles');
      const unknown = body.roles.filter((r) => !(schoolRoles as readonly string[]).includes(r));
      if (unknown.length)
        throw new BelongError('invalidInput', 'That is not a school role', ['unknownRole']);
      const { tenantId, userId } = await who(res);
      const result = await services.schoolRoles.setRoles(
        tenantId,
        userId,
        target,
        body.roles as (typeof schoolRoles)[number][],
      );
      res.json(result satisfies SetRolesResponse);
    }),
  );

  api.get(
    '/support/readiness',
    requireRole(services, ...readinessReaders),
    handle(async (_req, res) => {
      const { tenantId } = await who(res);
      const readiness = await services.talk.readiness(tenantId);
      res.json(readinessView(readiness) satisfies ReadinessResponse);
    }),
  );

  api.get(
    '/school/audit',
    requireRole(services, ...auditReaders),
    handle(async (req, res) => {
      const { limit = 50 } = parse(auditQuery, req.query, 'limit (1 to 200)');
      const { tenantId, userId } = await who(res);
      const read = await services.auditReader.read(tenantId, userId, limit);
      res.json(read satisfies AuditResponse);
    }),
  );

  return api;
}
