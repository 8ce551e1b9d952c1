/**
 * Reminders and notices in the tab API (issue 7, decision 015), for the coordinator (or admin):
 * `GET|PUT /api/rota/notices` (reminder time, language, the daily card's channel) and
 * `GET /api/rota/reminders?date=` (each reminder of a day: queued, or skipped and why).
 */
import { Router } from 'express';
import { z } from 'zod';
import { locales } from '../../core/i18n/index.js';
import type { RotaNoticeService } from '../../core/rota/rota-notice-service.js';
import { accessOf, requireRole, type AccessDeps } from '../http/auth.js';
import { handle, jsonBody, parse } from '../http/body.js';
import { ids } from '../http/ids.js';
import type { NoticeSettingsView, ReminderDayView } from '../../core/api/rota.js';

const noticesBody = z
  .object({
    reminderTime: z.string().regex(/^\d{2}:\d{2}$/),
    locale: z.enum(locales),
    todayCard: z.object({ teamId: ids.teamId, channelId: ids.channelId }).strict().nullable(),
  })
  .strict();
const dayQuery = z.object({
  date: ids.date.optional(),
});

export interface RotaNoticesApiDeps extends AccessDeps {
  config: { bodyLimit: string };
  /** Reminder settings and each day's record (on the same store the notifier writes). */
  rotaNotices: RotaNoticeService;
}

export function rotaNoticesRouter(services: RotaNoticesApiDeps): Router {
  const api = Router();
  const notices = services.rotaNotices;
  const coordinator = requireRole(services, 'coordinator', 'admin');

  api.get(
    '/rota/notices',
    coordinator,
    handle(async (_req, res) => {
      res.json(
        (await notices.settings(await accessOf(services, res))) satisfies NoticeSettingsView,
      );
    }),
  );

  api.put(
    '/rota/notices',
    coordinator,
    ...jsonBody(services.config.bodyLimit),
    handle(async (req, res) => {
      const body = parse(noticesBody, req.body, 'reminder settings');
      res.json(
        (await notices.setSettings(
          await accessOf(services, res),
          body,
        )) satisfies NoticeSettingsView,
      );
    }),
  );

  api.get(
    '/rota/reminders',
    coordinator,
    handle(async (req, res) => {
      const { date } = parse(dayQuery, req.query, 'date');
      res.json(
        (await notices.reminders(await accessOf(services, res), date)) satisfies ReminderDayView,
      );
    }),
  );

  return api;
}
