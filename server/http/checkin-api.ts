/**
 * Check-ins in the tab API: post one into a class channel, the class's recent check-ins and its
 * trends (teachers of the class, the wellbeing lead), the school view and CSV (the wellbeing
 * lead), the school's settings (k and year groups), and a pupil's own answers. Every number a
 * member of staff reads has been through suppression in core/checkin/trends.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { hasRole } from '../../core/access.js';
import type { CheckinService } from '../../core/checkin/checkin-service.js';
import { yearGroupValues, type CheckinSettingsStore } from '../../core/checkin/checkin-settings.js';
import type { ClassCheckins } from '../../core/checkin/class-checkins.js';
import { checkinTemplateIds } from '../../core/checkin/templates.js';
import type { TrendsService } from '../../core/checkin/trends-service.js';
import { phases } from '../../core/content/content.js';
import { BelongError } from '../../core/errors.js';
import { locales } from '../../core/i18n/index.js';
import { accessOf, requireRole, type AccessDeps } from './auth.js';
import { handle, jsonBody, parse } from './body.js';
import { ids, pathId, unknownIdProblems } from './ids.js';
import type {
  CheckinSettingsBody,
  ClassCheckinsResponse,
  ClassTrendsResponse,
  MyCheckinsResponse,
  PostCheckinResponse,
  SchoolTrendsResponse,
} from '../../core/api/checkins.js';

const postBody = z
  .object({
    templateId: z.enum(checkinTemplateIds),
    phase: z.enum(phases),
    channelId: ids.channelId,
    locale: z.enum(locales).optional(),
  })
  .strict();
const settingsBody = z
  .object({
    k: z.number().int(),
    yearGroups: z.record(ids.teamId, z.enum(yearGroupValues as [string, ...string[]])),
  })
  .strict();
const trendsQuery = z
  .object({
    question: z
      .string()
      .regex(/^[a-z-]{1,40}$/)
      .default('mood'),
    period: z.enum(['week', 'term']).default('week'),
  })
  .strict();

export interface CheckinApiDeps extends AccessDeps {
  config: { bodyLimit: string };
  /** Posting a check-in and a pupil's own answers (the one the bot and the scheduler use). */
  checkin: CheckinService;
  /** A class's list of check-ins, and who may post one. */
  classCheckins: ClassCheckins;
  trends: TrendsService;
  /** The school's k and year groups; the store checks what it is given. */
  checkinSettings: CheckinSettingsStore;
}

export function checkinRouter(services: CheckinApiDeps): Router {
  const api = Router();
  const json = jsonBody(services.config.bodyLimit);
  const { checkin: checkins, classCheckins, checkinSettings: settings, trends } = services;

  api.post(
    '/teams/:teamId/checkins',
    json,
    handle(async (req, res) => {
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      await classCheckins.mayPost(access, teamId);
      const sent = req.body as { channelId?: unknown };
      const unknown = unknownIdProblems([[sent.channelId, 'channelId', 'channelUnknown']]);
      if (unknown.length) throw new BelongError('invalidInput', 'unknown channel', unknown);
      const body = parse(postBody, req.body, 'check-in');
      const checkin = await checkins.post(access, {
        teamId,
        channelId: body.channelId,
        templateId: body.templateId,
        phase: body.phase,
        locale: body.locale ?? 'en-GB',
      });
      res.status(201).json({
        checkinId: checkin.id,
        templateId: checkin.templateId,
        date: checkin.date,
        closesAt: checkin.closesAt,
        timeZone: checkin.timeZone,
        channelId: checkin.channelId,
      } satisfies PostCheckinResponse);
    }),
  );

  api.get(
    '/teams/:teamId/checkins',
    handle(async (req, res) => {
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      // What was posted and when it closes: never answers, counts or who answered. `ready`: whether
      // a check-in can be posted at all (the school can take talk requests), so the form can say.
      res.json((await classCheckins.list(access, teamId)) satisfies ClassCheckinsResponse);
    }),
  );

  api.get(
    '/teams/:teamId/checkins/trends',
    handle(async (req, res) => {
      // classTrends says 404 for an unknown class before it says 403.
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      res.json((await trends.classTrends(access, teamId)) satisfies ClassTrendsResponse);
    }),
  );

  api.get(
    '/school/checkins/trends',
    requireRole(services, 'wellbeing_lead'),
    handle(async (req, res) => {
      const access = await accessOf(services, res);
      const query = parse(trendsQuery, req.query, 'trends query');
      res.json(
        (await trends.schoolTrends(
          access,
          query.question,
          query.period,
        )) satisfies SchoolTrendsResponse,
      );
    }),
  );

  api.get(
    '/school/checkins/trends.csv',
    requireRole(services, 'wellbeing_lead'),
    handle(async (req, res) => {
      const access = await accessOf(services, res);
      const query = parse(trendsQuery, req.query, 'trends query');
      const csv = await trends.schoolCsv(access, query.question, query.period);
      res
        .type('text/csv; charset=utf-8')
        .attachment(`belong-checkins-${query.question}-${query.period}.csv`)
        .send(csv);
    }),
  );

  api.get(
    '/school/checkin-settings',
    requireRole(services, 'wellbeing_lead', 'admin'),
    handle(async (_req, res) => {
      const access = await accessOf(services, res);
      res.json((await settings.get(access.tenantId)) satisfies CheckinSettingsBody);
    }),
  );

  api.put(
    '/school/checkin-settings',
    requireRole(services, 'wellbeing_lead', 'admin'),
    json,
    handle(async (req, res) => {
      const access = await accessOf(services, res);
      const body = parse(settingsBody, req.body, 'check-in settings');
      await settings.put(access.tenantId, body);
      res.json((await settings.get(access.tenantId)) satisfies CheckinSettingsBody);
    }),
  );

  api.get(
    '/me/checkins',
    handle(async (_req, res) => {
      const access = await accessOf(services, res);
      // Only the caller's own answers; staff have none, so they get an empty list.
      res.json({
        checkins: hasRole(access, 'pupil') ? await checkins.myCheckins(access) : [],
      } satisfies MyCheckinsResponse);
    }),
  );

  return api;
}
