import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hasRole, type Access, type AccessResolver } from '../../core/access.js';
import { BelongError } from '../../core/errors.js';
import type { Role } from '../../core/roles.js';
import type { Principal, TokenVerifier } from '../auth/principal.js';

export interface AuthedLocals {
  principal: Principal;
  access?: Access;
}

/** Requires a valid bearer token; puts the principal on res.locals. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
    if (!match)
      return next(new BelongError('unauthenticated', 'Sign in first: this needs a bearer token'));
    try {
      res.locals.principal = await verifier.verify(match[1]!);
      next();
    } catch (e) {
      next(e);
    }
  };
}

/** What every router needs to know who is asking: built once in server/services.ts. */
export interface AccessDeps {
  resolveAccess: AccessResolver;
}

/** The caller's roles, worked out on the server once per request. */
export async function accessOf(deps: AccessDeps, res: Response): Promise<Access> {
  const locals = res.locals as AuthedLocals;
  locals.access ??= await deps.resolveAccess(locals.principal.tenantId, locals.principal.userId);
  return locals.access;
}

/** 403 unless the caller holds one of the roles. */
export function requireRole(deps: AccessDeps, ...roles: Role[]): RequestHandler {
  return async (_req, res, next) => {
    try {
      const access = await accessOf(deps, res);
      if (!hasRole(access, ...roles)) {
        return next(new BelongError('forbidden', 'You don’t have the role this needs'));
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}
