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
import { hasRole, visibleTeams } from '../../core/access.js';
import { BelongError } from '../../core/errors.js';
import { pickLocale } from '../../core/i18n/index.js';
import type { ClassTeam } from '../../core/school.js';
import { demoSchool } from '../demo/demo-school.js';
import type { Services } from '../services.js';
import { accessOf, authenticate, type AuthedLocals } from './auth.js';
import { handle, jsonBody } from './body.js';
import { ids, pathId } from './ids.js';
import { checkinRouter } from './checkin-api.js';
import { connectRouter } from './connect-api.js';
import { rotaRouter } from './rota-api.js';
import { rolesRouter } from './roles-api.js';
import { supportRouter } from './support-api.js';
import { rotaNoticesRouter } from '../rota/rota-notices-api.js';

const devTokenRequest = z.object({ personaId: ids.personaId }).strict();

export function apiRouter(services: Services): Router {
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
      res.json({ teams: (await visibleTeams(access, services.teams)).map(teamView) });
    }),
  );

  api.get(
    '/teams/:teamId',
    handle(async (req, res) => {
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      const team = (await visibleTeams(access, services.teams)).find((t) => t.teamId === teamId);
      if (!team) {
        const exists = await services.teams.get(access.tenantId, teamId);
        throw exists && !exists.removedAt
          ? new BelongError('forbidden', 'You are not in this class team')
          : new BelongError('notFound', 'There is no class team with that id');
      }
      res.json(teamView(team));
    }),
  );

  api.get(
    '/occurrences/:occurrenceId',
    handle(async (req, res) => {
      const occurrenceId = pathId(req, 'occurrenceId', 'occurrenceId', {
        notFound: 'There is no post with that id',
      });
      const access = await accessOf(services, res);
      const progress = await services.deliveries.progress(access.tenantId, occurrenceId);
      if (!progress) throw new BelongError('notFound', 'There is no post with that id');
      const wholeSchool = hasRole(access, 'wellbeing_lead', 'admin');
      const teachesIt =
        progress.teamId !== undefined &&
        access.teams.some((t) => t.role === 'teacher' && t.team.teamId === progress.teamId);
      if (!wholeSchool && !teachesIt) {
        throw new BelongError(
          'forbidden',
          'Only the class’s teachers, the wellbeing lead and the admin see delivery status',
        );
      }
      res.json(progress);
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
