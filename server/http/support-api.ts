/**
 * Support in the tab API (issue 17): the DSL's and deputies' inbox of talk requests (list, one,
 * act, export) and a pupil's own "talk to a trusted adult". Talk requests are identified, so they
 * appear in no other route, reach no other role, and nothing about them goes to the logs; every
 * view, action and export is on the audit log (TalkService writes it). The role is checked before
 * the body or the id is read, so the wrong person always gets 403; bodies are parsed strictly
 * (400, nothing changes); closed requests refuse actions with 409.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type {
  AskTalkResponse,
  MyTalkResponse,
  SupportExport,
  SupportInboxResponse,
  SupportRequestResponse,
} from '../../core/api/support.js';
import { hasRole, type Access } from '../../core/access.js';
import { BelongError } from '../../core/errors.js';
import { locales, pickLocale } from '../../core/i18n/index.js';
import { maxNoteLength, referralTargets, talkUrgencies } from '../../core/support/talk.js';
import type { ClassTeams } from '../../core/class-teams.js';
import type { Clock } from '../../core/ports/directory.js';
import type { TalkService } from '../../core/support/talk-service.js';
import { accessOf, requireRole, type AccessDeps } from './auth.js';
import { handle, jsonBody, parse } from './body.js';
import { exportCsv, requestView } from './support-view.js';
import { isPlainText, pathId as checkedPathId } from './ids.js';

/** A note is plain text for the record: line breaks and tabs, but no other control characters. */
const noteText = z
  .string()
  .trim()
  .min(1)
  .max(maxNoteLength)
  .refine((s) => isPlainText(s.replace(/[\n\r\t]/g, ' ')));

const actionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledge') }).strict(),
  z.object({ kind: z.literal('note'), text: noteText }).strict(),
  z.object({ kind: z.literal('resolve') }).strict(),
  z.object({ kind: z.literal('refer'), to: z.enum(referralTargets) }).strict(),
]);
const askBody = z
  .object({ urgency: z.enum(talkUrgencies).optional(), locale: z.enum(locales).optional() })
  .strict();
const exportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();

/** A path id that can't be a request id names nothing: 404, as for an unknown one. */
const pathId = (req: Request): string =>
  checkedPathId(req, 'id', 'talkRequestId', { notFound: 'No such request' });

/** What an action body gets wrong, said plainly (the note's length is the usual one). */
function parseAction(body: unknown) {
  const kind = (body as { kind?: unknown }).kind;
  if (kind === 'note') {
    const text = (body as { text?: unknown }).text;
    const length = typeof text === 'string' ? text.trim().length : -1;
    if (length === 0 || length > maxNoteLength)
      throw new BelongError('invalidInput', 'A note is 1 to 1,000 characters', ['noteLength']);
  }
  if (typeof kind !== 'string' || !['acknowledge', 'note', 'resolve', 'refer'].includes(kind))
    throw new BelongError(
      'invalidInput',
      'Send {"kind": "acknowledge" | "note" | "resolve" | "refer"}',
      ['unknownAction'],
    );
  return parse(actionBody, body, `${kind} action`);
}

export interface SupportApiDeps extends AccessDeps {
  config: { bodyLimit: string };
  clock: Clock;
  talk: TalkService;
  /** A pupil's Teams id, to message them back. */
  classTeams: Pick<ClassTeams, 'pupilTeamsId'>;
}

export function supportRouter(services: SupportApiDeps): Router {
  const api = Router();
  const json = jsonBody(services.config.bodyLimit);
  const safeguarding = requireRole(services, 'dsl', 'deputy_dsl');
  const { talk } = services;

  // The DSL and deputies ---------------------------------------------------------------------

  api.get(
    '/support/requests',
    safeguarding,
    handle(async (_req, res) => {
      const { tenantId, userId } = await accessOf(services, res);
      const views = await talk.inbox(tenantId, userId);
      const now = services.clock.now();
      const requests = views
        .map((v) => requestView(v, now))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
      res.json({ requests } satisfies SupportInboxResponse);
    }),
  );

  api.get(
    '/support/requests/:id',
    safeguarding,
    handle(async (req, res) => {
      const id = pathId(req);
      const { tenantId, userId } = await accessOf(services, res);
      const view = await talk.staffView(tenantId, id, userId);
      res.json({
        request: requestView(view, services.clock.now()),
      } satisfies SupportRequestResponse);
    }),
  );

  api.post(
    '/support/requests/:id/actions',
    safeguarding,
    ...json,
    handle(async (req, res) => {
      const id = pathId(req);
      const action = parseAction(req.body);
      const { tenantId, userId } = await accessOf(services, res);
      const view = await talk.act(tenantId, id, userId, action);
      res.json({
        request: requestView(view, services.clock.now()),
      } satisfies SupportRequestResponse);
    }),
  );

  api.get(
    '/support/requests/:id/export',
    safeguarding,
    handle(async (req, res) => {
      const id = pathId(req);
      const { format } = parse(exportQuery, req.query, 'export (format=json or format=csv)');
      const { tenantId, userId } = await accessOf(services, res);
      const now = services.clock.now();
      const request = requestView(await talk.exportOne(tenantId, id, userId), now);
      res.setHeader('Cache-Control', 'no-store');
      if (format === 'csv') {
        res
          .type('text/csv; charset=utf-8')
          .attachment(`talk-request-${id}.csv`)
          .send(exportCsv(request));
        return;
      }
      const body = {
        format: 'belong-talk-request/1',
        exportedAt: now.toISOString(),
        request,
      } satisfies SupportExport;
      res
        .type('application/json; charset=utf-8')
        .attachment(`talk-request-${id}.json`)
        .send(JSON.stringify(body, null, 2));
    }),
  );

  // The pupil --------------------------------------------------------------------------------

  const pupilOnly = (access: Access) => {
    if (!hasRole(access, 'pupil'))
      throw new BelongError('forbidden', 'Only pupils ask to talk here; staff use the inbox');
  };

  api.get(
    '/support/mine',
    handle(async (_req, res) => {
      const access = await accessOf(services, res);
      pupilOnly(access);
      const view = await talk.pupilView(access.tenantId, access.userId);
      res.json({
        offered: view.offered,
        state: view.state,
        ...closedUntil(view.closedUntil),
      } satisfies MyTalkResponse);
    }),
  );

  api.post(
    '/support/talk',
    ...json,
    handle(async (req, res) => {
      const access = await accessOf(services, res);
      pupilOnly(access);
      const body = parse(askBody, req.body, 'request to talk');
      // Never say it was sent when nobody can get it: the school must be ready first.
      const { offered } = await talk.pupilView(access.tenantId, access.userId);
      if (!offered)
        throw new BelongError('conflict', 'The school cannot take requests here yet', ['notReady']);
      const teamsId = await services.classTeams.pupilTeamsId(access);
      const outcome = await talk.ask(
        access.tenantId,
        { userId: access.userId, ...(teamsId ? { teamsId } : {}) },
        {
          source: 'tab',
          ...(body.urgency ? { urgency: body.urgency } : {}),
          locale: body.locale ?? pickLocale(req.acceptsLanguages()[0]),
        },
      );
      if (outcome.kind === 'notPupil')
        throw new BelongError('forbidden', 'Only pupils ask to talk here; staff use the inbox');
      if (outcome.kind === 'unavailable')
        throw new BelongError('conflict', 'The school cannot take requests here yet', ['notReady']);
      res.status(outcome.kind === 'sent' ? 201 : 200).json({
        offered: true,
        state: outcome.state === 'none' ? 'sent' : outcome.state,
        ...closedUntil(outcome.closedUntil),
        already: outcome.kind === 'already',
      } satisfies AskTalkResponse);
    }),
  );

  return api;
}

const closedUntil = (until: { at: Date; timeZone: string } | undefined) =>
  until ? { closedUntil: { at: until.at.toISOString(), timeZone: until.timeZone } } : {};
