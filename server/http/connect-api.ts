/**
 * Connect in the tab API: the prompt library, CMHW weeks, class schedules, the school calendar,
 * and the wellbeing lead's CMHW plan for many classes at once. Bodies are parsed strictly with
 * zod; the domain checks (dates, channels, times) answer with a code per problem.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';

import {
  cmhwWeeks,
  findPrompts,
  keyStages,
  phases,
  promptThemes,
} from '../../core/content/content.js';
import { checkinTemplateIds } from '../../core/checkin/templates.js';
import { BelongError } from '../../core/errors.js';
import { locales } from '../../core/i18n/index.js';
import { closureKinds } from '../../core/schedule/calendar.js';
import {
  nextPlannableCmhw,
  type PlannedPost,
  type Schedule,
  type ScheduleInput,
} from '../../core/schedule/schedule.js';
import type { ScheduleService } from '../../core/schedule/schedule-service.js';
import type { Clock } from '../../core/ports/directory.js';
import type { DevClock } from '../dev-clock.js';
import { accessOf, requireRole, type AccessDeps } from './auth.js';
import { handle, jsonBody, parse } from './body.js';
import { ids, pathId, unknownIdProblems } from './ids.js';
import { localDateOf } from '../../core/dates.js';
import { plannableCmhwWeeks } from '../../core/content/cmhw-plan.js';
import type {
  CalendarResponse,
  CancelScheduleResponse,
  CmhwPlanResponse,
  CmhwResponse,
  CreateScheduleResponse,
  DevClockResponse,
  PromptsResponse,
  SaveCalendarResponse,
  SchedulesResponse,
} from '../../core/api/connect.js';

const noSchedule = 'There is no schedule with that id in this class';
const date = z.string().max(10);
const content = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prompt'), promptId: ids.promptId }).strict(),
  z
    .object({
      kind: z.literal('cmhw'),
      year: z.number().int().min(2000).max(2100),
      phase: z.enum(phases),
      // The school's own Monday and theme (core/content/cmhw-plan.ts checks them).
      startDate: date.optional(),
      theme: z.string().max(200).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('checkin'),
      templateId: z.enum(checkinTemplateIds),
      phase: z.enum(phases),
    })
    .strict(),
]);
const repeat = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once'), date }).strict(),
  z.object({ kind: z.literal('daily'), start: date, end: date.optional() }).strict(),
  z
    .object({
      kind: z.literal('weekly'),
      weekdays: z.array(z.number()).max(7),
      start: date,
      end: date.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('cmhw') }).strict(),
]);
const scheduleBody = z
  .object({
    channelId: ids.channelId,
    time: z.string().max(5),
    content,
    repeat,
    locale: z.enum(locales).optional(),
  })
  .strict();
const range = z.object({ name: z.string().max(100), start: date, end: date }).strict();
const calendarBody = z
  .object({
    terms: z.array(range).max(12),
    closures: z.array(range.extend({ kind: z.enum(closureKinds) }).strict()).max(100),
  })
  .strict();
const cmhwPlanBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    startDate: date.optional(),
    theme: z.string().max(200).optional(),
    locale: z.enum(locales).optional(),
    classes: z
      .array(
        z
          .object({
            teamId: ids.teamId,
            channelId: ids.channelId,
            time: z.string().max(5),
            phase: z.enum(phases),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
const clockBody = z.object({ now: z.iso.datetime() }).strict();

export interface ConnectApiDeps extends AccessDeps {
  config: { bodyLimit: string };
  clock: Clock;
  /** Schedules and the school calendar (the one the bot uses too). */
  schedule: ScheduleService;
  /** Only in local mode with DEV_CLOCK: the clock the admin may move forward. */
  devClock?: DevClock;
}

export function connectRouter(services: ConnectApiDeps): Router {
  const api = Router();
  const service = services.schedule;
  const json = jsonBody(services.config.bodyLimit);

  api.get(
    '/prompts',
    handle((req, res) => {
      const theme = req.query.theme;
      const keyStage = req.query.keyStage;
      if (theme !== undefined && !promptThemes.includes(theme as never))
        throw new BelongError('invalidInput', 'Unknown theme');
      if (keyStage !== undefined && !keyStages.includes(keyStage as never))
        throw new BelongError('invalidInput', 'Unknown key stage');
      res.json({
        prompts: findPrompts({
          ...(theme ? { theme: theme as never } : {}),
          ...(keyStage ? { keyStage: keyStage as never } : {}),
        }),
      } satisfies PromptsResponse);
    }),
  );

  api.get(
    '/cmhw',
    handle(async (_req, res) => {
      const access = await accessOf(services, res);
      const ctx = await service.planContext(access.tenantId);
      const today = localDateOf(services.clock.now(), ctx.timeZone);
      // Place2Be's weeks, and the likely week of a year not published yet (cmhw-plan.ts).
      const weeks = [...cmhwWeeks(), ...plannableCmhwWeeks(today).filter((w) => w.provisional)];
      res.json({ weeks, next: nextPlannableCmhw(today) ?? null, today } satisfies CmhwResponse);
    }),
  );

  api.get(
    '/teams/:teamId/schedules',
    handle(async (req, res) => {
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      res.json({ schedules: await service.list(access, teamId) } satisfies SchedulesResponse);
    }),
  );

  /** The class's schedule as sent, once the sender may plan posts there (403 before 400). */
  const scheduleInput = async (req: Request, res: Response) => {
    const teamId = pathId(req, 'teamId', 'teamId');
    const access = await accessOf(services, res);
    await service.teamFor(access, teamId);
    const sent = req.body as { channelId?: unknown; content?: { promptId?: unknown } };
    const unknown = unknownIdProblems([
      [sent.channelId, 'channelId', 'channelUnknown'],
      [sent.content?.promptId, 'promptId', 'promptUnknown'],
    ]);
    if (unknown.length) throw new BelongError('invalidInput', 'Unknown channel or prompt', unknown);
    const body = parse(scheduleBody, req.body, 'schedule');
    const input: ScheduleInput = { ...body, teamId, locale: body.locale ?? 'en-GB' };
    return { access, input };
  };
  const saved = ({ schedule, next }: { schedule: Schedule; next: PlannedPost | undefined }) => ({
    schedule,
    next: next ? { ...next, at: next.at.toISOString() } : null,
  });

  api.post(
    '/teams/:teamId/schedules',
    ...json,
    handle(async (req, res) => {
      const { access, input } = await scheduleInput(req, res);
      res
        .status(201)
        .json(saved(await service.create(access, input)) satisfies CreateScheduleResponse);
    }),
  );

  api.put(
    '/teams/:teamId/schedules/:scheduleId',
    ...json,
    handle(async (req, res) => {
      const { access, input } = await scheduleInput(req, res);
      const scheduleId = pathId(req, 'scheduleId', 'scheduleId', { notFound: noSchedule });
      res.json(
        saved(await service.update(access, scheduleId, input)) satisfies CreateScheduleResponse,
      );
    }),
  );

  api.delete(
    '/teams/:teamId/schedules/:scheduleId',
    handle(async (req, res) => {
      const teamId = pathId(req, 'teamId', 'teamId');
      const access = await accessOf(services, res);
      // Whether the class can be reached (404, 403) is said before anything about the schedule.
      if (!ids.scheduleId.safeParse(req.params.scheduleId).success)
        await service.teamFor(access, teamId);
      const scheduleId = pathId(req, 'scheduleId', 'scheduleId', { notFound: noSchedule });
      res.json({
        schedule: await service.cancel(access, teamId, scheduleId),
      } satisfies CancelScheduleResponse);
    }),
  );

  api.get(
    '/school/calendar',
    handle(async (_req, res) => {
      const access = await accessOf(services, res);
      const ctx = await service.calendarFor(access);
      res.json({ calendar: ctx.calendar, timeZone: ctx.timeZone } satisfies CalendarResponse);
    }),
  );

  api.put(
    '/school/calendar',
    requireRole(services, 'wellbeing_lead', 'admin'),
    ...json,
    handle(async (req, res) => {
      const access = await accessOf(services, res);
      const calendar = parse(calendarBody, req.body, 'calendar');
      res.json({
        calendar: await service.setCalendar(access, calendar),
      } satisfies SaveCalendarResponse);
    }),
  );

  api.post(
    '/school/cmhw-plan',
    requireRole(services, 'wellbeing_lead', 'admin'),
    ...json,
    handle(async (req, res) => {
      const access = await accessOf(services, res);
      const rows = (req.body as { classes?: unknown }).classes;
      const unknown = unknownIdProblems(
        (Array.isArray(rows) ? rows : []).flatMap(
          (row: { teamId?: unknown; channelId?: unknown }) => [
            [row?.channelId, 'channelId', 'channelUnknown'] as const,
          ],
        ),
      );
      if (unknown.length) throw new BelongError('invalidInput', 'Unknown channel', unknown);
      const plan = parse(cmhwPlanBody, req.body, 'CMHW plan');
      if (new Set(plan.classes.map((c) => c.teamId)).size !== plan.classes.length)
        throw new BelongError('invalidInput', 'A class is in the plan twice');
      const created = await service.createMany(
        access,
        plan.classes.map((c) => ({
          teamId: c.teamId,
          channelId: c.channelId,
          time: c.time,
          content: {
            kind: 'cmhw',
            year: plan.year,
            phase: c.phase,
            ...(plan.startDate ? { startDate: plan.startDate } : {}),
            ...(plan.theme?.trim() ? { theme: plan.theme.trim() } : {}),
          },
          repeat: { kind: 'cmhw' },
          locale: plan.locale ?? 'en-GB',
        })),
      );
      res
        .status(201)
        .json({ schedules: created.map((c) => c.schedule) } satisfies CmhwPlanResponse);
    }),
  );

  const devClock = services.devClock;
  if (devClock) {
    api.get('/dev/clock', (_req, res) => {
      res.json({ now: services.clock.now().toISOString() } satisfies DevClockResponse);
    });
    // Moving the clock moves every schedule, reminder and escalation: the admin's, even locally.
    api.post(
      '/dev/clock',
      requireRole(services, 'admin'),
      ...json,
      handle((req, res) => {
        const { now } = parse(clockBody, req.body, 'clock setting');
        if (!devClock.moveTo(new Date(now)))
          throw new BelongError('invalidInput', 'The clock only moves forward');
        res.json({ now: services.clock.now().toISOString() } satisfies DevClockResponse);
      }),
    );
  }
  return api;
}
