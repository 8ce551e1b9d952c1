import { Router } from 'express';
import { z } from 'zod';
import type {
  ClassTeamView,
  ClientConfigResponse,
  DevTokenResponse,
  HealthResponse,
  MeResponse,
  PersonasResponse,
} from '../../core/api.js';
import type { ClassTeams } from '../../core/class-teams.js';
import { BelongError } from '../../core/errors.js';
import { pickLocale } from '../../core/i18n/index.js';
import type { ClassTeam } from '../../core/school.js';
import { demoSchool } from '../demo/demo-school.js';
import type { DevIssuer } from '../auth/dev-issuer.js';
import type { TokenVerifier } from '../auth/principal.js';
import type { Config } from '../config.js';
import { accessOf, authenticate, type AccessDeps, type AuthedLocals } from './auth.js';
import { handle, jsonBody } from './body.js';
import { ids, pathId } from './ids.js';
import { checkinRouter, type CheckinApiDeps } from './checkin-api.js';
import { connectRouter, type ConnectApiDeps } from './connect-api.js';
import { rotaRouter, type RotaApiDeps } from './rota-api.js';
import { rolesRouter, type RolesApiDeps } from './roles-api.js';
import { supportRouter, type SupportApiDeps } from './support-api.js';
import { rotaNoticesRouter, type RotaNoticesApiDeps } from '../rota/rota-notices-api.js';
import type { TeamsResponse } from '../../core/api/teams.js';
import type { OccurrenceResponse } from '../../core/api/connect.js';

const devTokenRequest = z.object({ personaId: ids.personaId }).strict();

/** What the API's own routes use: sign-in, the caller's class teams and delivery status. */
export interface CoreApiDeps extends AccessDeps {
  config: Pick<Config, 'mode' | 'bodyLimit' | 'auth'>;
  verifier: TokenVerifier;
  /** Only in local mode. */
  devIssuer?: DevIssuer;
  classTeams: ClassTeams;
}

/** Everything the API's routers use together; each router is handed only its own part's type. */
export type ApiDeps = CoreApiDeps &
  ConnectApiDeps &
  CheckinApiDeps &
  RotaApiDeps &
  RolesApiDeps &
  SupportApiDeps &
  RotaNoticesApiDeps;

export function apiRouter(services: ApiDeps): Router {
  const api = Router();
  const { config } = services;

  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' } satisfies HealthResponse);
  });

  api.get('/config', (_req, res) => {
    const body: ClientConfigResponse = { mode: config.mode };
    if (config.auth.audience) body.clientId = config.auth.audience;
    res.json(body);
  });

  const devIssuer = services.devIssuer;
  if (devIssuer) {
    api.get('/dev/personas', (_req, res) => {
      const body: PersonasResponse = {
        personas: demoSchool.people.map((p) => ({
          id: p.id,
          displayName: p.displayName,
          describeKey: p.kind,
        })),
      };
      res.json(body);
    });
    api.post(
      '/dev/token',
      ...jsonBody(config.bodyLimit),
      handle(async (req, res) => {
        const parsed = devTokenRequest.safeParse(req.body);
        if (!parsed.success)
          throw new BelongError('invalidInput', 'Send {"personaId": "<id>"} to choose a persona');
        const person = demoSchool.people.find((p) => p.id === parsed.data.personaId);
        if (!person) throw new BelongError('invalidInput', 'There is no persona with that id');
        const { token, expiresAt } = await devIssuer.issue({
          tenantId: demoSchool.tenantId,
          userId: person.id,
          displayName: person.displayName,
        });
        res.json({ token, expiresAt: expiresAt.toISOString() } satisfies DevTokenResponse);
      }),
    );
  }

  api.use(authenticate(services.verifier));
  // Everything past sign-in is about pupils or staff: no browser, proxy or Teams webview may keep
  // a copy (a shared classroom machine would show the next person the last one's answers).
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  api.get(
    '/me',
    handle(async (req, res) => {
      const { principal } = res.locals as AuthedLocals;
      const access = await accessOf(services, res);
      const body: MeResponse = {
        user: {
          id: principal.userId,
          displayName: principal.displayName,
          tenantId: principal.tenantId,
        },
        roles: access.roles,
        teams: access.teams.map((t) => ({ teamId: t.team.teamId, role: t.role })),
        locale: pickLocale(req.acceptsLanguages()[0]),
      };
      res.json(body);
    }),
  );

  api.get(
    '/teams',
    handle(async (_req, res) => {
      const access = await accessOf(services, res);
      res.json({
        teams: (await services.classTeams.visible(access)).map(teamView),
      } satisfies TeamsResponse);
    }),
  );

  api.get(
    '/teams/:teamId',
    handle(async (req, res) => {
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      res.json(teamView(await services.classTeams.one(access, teamId)) satisfies ClassTeamView);
    }),
  );

  api.get(
    '/occurrences/:occurrenceId',
    handle(async (req, res) => {
      const occurrenceId = pathId(req, 'occurrenceId', 'occurrenceId', {
        notFound: 'There is no post with that id',
      });
      const access = await accessOf(services, res);
      res.json(
        (await services.classTeams.postProgress(access, occurrenceId)) satisfies OccurrenceResponse,
      );
    }),
  );

  api.use(connectRouter(services));
  api.use(checkinRouter(services));
  api.use(rotaRouter(services));
  api.use(rolesRouter(services));
  api.use(supportRouter(services));
  api.use(rotaNoticesRouter(services));

  api.use((req, _res, next) =>
    next(new BelongError('notFound', `There is no API at ${req.method} ${req.baseUrl}${req.path}`)),
  );
  return api;
}

function teamView(team: ClassTeam): ClassTeamView {
  return {
    teamId: team.teamId,
    name: team.name,
    channels: team.channels,
    installedAt: team.installedAt,
  };
}
