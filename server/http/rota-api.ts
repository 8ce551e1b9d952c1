/**
 * The wellbeing-ambassador rota in the tab API (issue 7). Coordinator routes need the school
 * role `coordinator` (or `admin`); ambassador routes need `ambassador`. The role is checked
 * before the body is read, so the wrong person always gets 403. Bodies are parsed strictly with
 * zod (400, nothing changes); the rota's own rules answer with a code per problem
 * (core/rota/rota-service.ts). Ambassadors reach nothing here but rota data.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';

import { csvDocument } from '../../core/csv.js';
import type { RotaService } from '../../core/rota/rota-service.js';
import type { PersonNames } from '../../core/rota/rota-notices.js';
import type { ExportRow } from '../../core/rota/views.js';
import type { Weekday } from '../../core/rota/rota.js';
import { swapKinds } from '../../core/rota/rota-store.js';
import { accessOf, requireRole, type AccessDeps } from './auth.js';
import { handle, jsonBody, parse } from './body.js';
import { ids, isPlainText, pathId as checkedPathId } from './ids.js';
import type {
  AmbassadorResponse,
  AssignmentChangeResponse,
  FillResult,
  MyAvailabilityResponse,
  MyRota,
  OpenRequestsResponse,
  RequestResponse,
  RotaNamesResponse,
  RotaOverview,
  SettingsResponse,
  SlotsResponse,
} from '../../core/api/rota.js';
import { rotaLimits, type Limit } from '../../core/rota/limits.js';

const { date, slotId, userId: guid } = ids;
/** A whole number within one of the rota's limits (core/rota/limits.ts). */
const limited = ({ min, max }: Limit) => z.number().int().min(min).max(max);
const label = z.string().trim().min(1).max(60).refine(isPlainText);
const weekday = z
  .number()
  .int()
  .min(1)
  .max(5)
  .transform((n) => n as Weekday);
const week = z.enum(['A', 'B']);
const availability = z
  .array(z.object({ weekday, periodId: label, week: week.optional() }).strict())
  .max(50);

const settingsBody = z
  .object({
    startDate: date,
    endDate: date,
    weekAB: z.boolean(),
    maxPerWeek: limited(rotaLimits.maxPerWeek),
    approvalRequired: z.boolean().optional(),
  })
  .strict();
const slotsBody = z
  .object({
    slots: z
      .array(
        z
          .object({
            id: slotId.optional(),
            weekday,
            periodId: label,
            placeId: label,
            needed: limited(rotaLimits.needed),
            supervisingAdult: z.string().trim().min(1).max(100).refine(isPlainText),
            week: week.optional(),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
const ambassadorBody = z
  .object({
    yearGroup: limited(rotaLimits.yearGroup),
    trainedOn: date,
    active: z.boolean(),
    availability,
  })
  .strict();
const duty = { date, slotId };
const assignmentBody = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('assign'),
      ...duty,
      ambassadorId: guid,
      locked: z.boolean().optional(),
    })
    .strict(),
  z.object({ action: z.literal('lock'), ...duty, ambassadorId: guid }).strict(),
  z.object({ action: z.literal('unlock'), ...duty, ambassadorId: guid }).strict(),
  z.object({ action: z.literal('clear'), ...duty, ambassadorId: guid.optional() }).strict(),
  z.object({ action: z.literal('clearRange'), from: date, to: date }).strict(),
]);
const emptyBody = z.object({}).strict();
const approveBody = z.object({ ambassadorId: guid.optional() }).strict();
const availabilityBody = z.object({ availability }).strict();
const requestBody = z.object({ kind: z.enum(swapKinds), ...duty }).strict();
const acceptBody = z.object({ inReturn: z.object(duty).strict().optional() }).strict();
const rangeQuery = z.object({ from: date.optional(), to: date.optional() });

const range = (req: Request) => parse(rangeQuery, req.query, 'date range');

/** A request id that can't be one names nothing: 404, as for an unknown one. */
function pathId(req: Request, what: 'request' | 'ambassador'): string {
  return what === 'ambassador'
    ? checkedPathId(req, 'id', 'userId')
    : checkedPathId(req, 'id', 'rotaRequestId', {
        notFound: 'That request is not there',
        problems: ['unknownRequest'],
      });
}

export interface RotaApiDeps extends AccessDeps {
  config: { bodyLimit: string };
  /** The rota (the one the bot, the notifier and buddy requests use; it tells the notifier). */
  rota: RotaService;
  /** People's display names for the export and the grid; Belong stores none. */
  personNames: PersonNames;
}

export function rotaRouter(services: RotaApiDeps): Router {
  const api = Router();
  const { rota } = services;
  const json = jsonBody(services.config.bodyLimit);
  const coordinator = requireRole(services, 'coordinator', 'admin');
  const ambassador = requireRole(services, 'ambassador');

  // Coordinator ---------------------------------------------------------------------------------

  api.get(
    '/rota',
    coordinator,
    handle(async (req, res) => {
      const { from, to } = range(req);
      res.json(
        (await rota.overview(await accessOf(services, res), from, to)) satisfies RotaOverview,
      );
    }),
  );

  api.put(
    '/rota/settings',
    coordinator,
    ...json,
    handle(async (req, res) => {
      const body = parse(settingsBody, req.body, 'rota setting');
      res.json(
        (await rota.setSettings(await accessOf(services, res), body)) satisfies SettingsResponse,
      );
    }),
  );

  api.put(
    '/rota/slots',
    coordinator,
    ...json,
    handle(async (req, res) => {
      const { slots } = parse(slotsBody, req.body, 'list of slots');
      res.json((await rota.setSlots(await accessOf(services, res), slots)) satisfies SlotsResponse);
    }),
  );

  api.put(
    '/rota/ambassadors/:id',
    coordinator,
    ...json,
    handle(async (req, res) => {
      const id = pathId(req, 'ambassador');
      const body = parse(ambassadorBody, req.body, 'ambassador');
      res.json(
        (await rota.upsertAmbassador(
          await accessOf(services, res),
          id,
          body,
        )) satisfies AmbassadorResponse,
      );
    }),
  );

  api.post(
    '/rota/fill',
    coordinator,
    ...json,
    handle(async (req, res) => {
      parse(emptyBody, req.body, 'fill (send {})');
      res.json((await rota.fill(await accessOf(services, res))) satisfies FillResult);
    }),
  );

  api.post(
    '/rota/assignments',
    coordinator,
    ...json,
    handle(async (req, res) => {
      const change = parse(assignmentBody, req.body, 'change to the rota');
      res.json(
        (await rota.changeAssignment(
          await accessOf(services, res),
          change,
        )) satisfies AssignmentChangeResponse,
      );
    }),
  );

  api.post(
    '/rota/requests/:id/approve',
    coordinator,
    ...json,
    handle(async (req, res) => {
      const id = pathId(req, 'request');
      const { ambassadorId } = parse(approveBody, req.body, 'approval');
      res.json({
        request: await rota.approve(await accessOf(services, res), id, ambassadorId),
      } satisfies RequestResponse);
    }),
  );

  api.post(
    '/rota/requests/:id/decline',
    coordinator,
    ...json,
    handle(async (req, res) => {
      const id = pathId(req, 'request');
      parse(emptyBody, req.body, 'decline (send {})');
      res.json({
        request: await rota.decline(await accessOf(services, res), id),
      } satisfies RequestResponse);
    }),
  );

  api.get(
    '/rota/export.csv',
    coordinator,
    handle(async (req, res) => {
      const { from, to } = range(req);
      const access = await accessOf(services, res);
      const rows = await rota.exportRows(access, from, to);
      // Names for the printed rota come from the directory; Belong stores none.
      const ids = [...new Set(rows.map((r) => r.ambassadorId))];
      const names = new Map(
        await Promise.all(
          ids.map(
            async (id) =>
              [id, await services.personNames.displayName(access.tenantId, id)] as const,
          ),
        ),
      );
      res
        .type('text/csv; charset=utf-8')
        .attachment(`rota-${from ?? 'all'}-${to ?? 'all'}.csv`)
        .send(toCsv(rows, names));
    }),
  );

  /**
   * Names of the people on the rota, for the coordinator's grid and an ambassador's "who with".
   * Belong stores no names: they come from the directory each time (cached there).
   */
  api.get(
    '/rota/names',
    requireRole(services, 'coordinator', 'admin', 'ambassador'),
    handle(async (_req, res) => {
      const { tenantId } = await accessOf(services, res);
      const people = await rota.peopleIds(tenantId);
      const named = await Promise.all(
        people.map(async (id) => [id, await services.personNames.displayName(tenantId, id)]),
      );
      res.json({
        names: Object.fromEntries(named.filter(([, name]) => name)),
      } satisfies RotaNamesResponse);
    }),
  );

  // Ambassadors ---------------------------------------------------------------------------------

  api.get(
    '/rota/me',
    ambassador,
    handle(async (req, res) => {
      const { from, to } = range(req);
      res.json((await rota.myRota(await accessOf(services, res), from, to)) satisfies MyRota);
    }),
  );

  api.put(
    '/rota/me/availability',
    ambassador,
    ...json,
    handle(async (req, res) => {
      const body = parse(availabilityBody, req.body, 'availability');
      res.json({
        ambassador: await rota.setMyAvailability(await accessOf(services, res), body.availability),
      } satisfies MyAvailabilityResponse);
    }),
  );

  api.post(
    '/rota/me/requests',
    ambassador,
    ...json,
    handle(async (req, res) => {
      const body = parse(requestBody, req.body, 'swap or cover request');
      res.status(201).json({
        request: await rota.ask(await accessOf(services, res), body),
      } satisfies RequestResponse);
    }),
  );

  api.delete(
    '/rota/me/requests/:id',
    ambassador,
    handle(async (req, res) => {
      const id = pathId(req, 'request');
      res.json({
        request: await rota.cancel(await accessOf(services, res), id),
      } satisfies RequestResponse);
    }),
  );

  api.post(
    '/rota/requests/:id/accept',
    ambassador,
    ...json,
    handle(async (req, res) => {
      const id = pathId(req, 'request');
      const { inReturn } = parse(acceptBody, req.body, 'acceptance');
      res.json({
        request: await rota.accept(await accessOf(services, res), id, inReturn),
      } satisfies RequestResponse);
    }),
  );

  api.get(
    '/rota/open-requests',
    ambassador,
    handle(async (_req, res) => {
      res.json({
        requests: await rota.openRequests(await accessOf(services, res)),
      } satisfies OpenRequestsResponse);
    }),
  );

  return api;
}

/**
 * The export names ambassadors by id and year group: Belong keeps no names, and the directory
 * port cannot look names up yet (a `displayName` column joins when it can).
 */
export const csvColumns = [
  'date',
  'weekday',
  'week',
  'period',
  'place',
  'supervisingAdult',
  'ambassadorId',
  'ambassador',
  'yearGroup',
  'locked',
] as const;

export function toCsv(
  rows: readonly ExportRow[],
  names: ReadonlyMap<string, string | undefined> = new Map(),
): string {
  return csvDocument([
    csvColumns,
    ...rows.map((r) => [
      r.date,
      String(r.weekday),
      r.week ?? '',
      r.periodId,
      r.placeId,
      r.supervisingAdult,
      r.ambassadorId,
      names.get(r.ambassadorId) ?? '',
      r.yearGroup === undefined ? '' : String(r.yearGroup),
      r.locked ? 'yes' : 'no',
    ]),
  ]);
}
