/**
 * Reminders, the on-duty card and swap/cover notices (issue 7, decision 015): what is told to
 * whom, and the ids that make each message happen once. Sending is the delivery engine's job;
 * the notifier in server/rota decides and enqueues.
 */
import type { Locale } from '../i18n/index.js';
import type { DutyView } from './views.js';
import type { SwapRequest } from './rota-store.js';

/** When the morning reminders go, school time, unless the coordinator chose another time. */
export const defaultReminderTime = '08:15';

/** The coordinator's choices for reminders and the daily card. */
export interface NoticeSettings {
  /** `HH:MM`, school-local, 06:00–12:00: reminders and the daily card go then on school days. */
  reminderTime: string;
  /** The language of reminders and notices (Teams doesn't tell us each pupil's). */
  locale: Locale;
  /** Where the "today's wellbeing ambassadors" card goes; absent = not posted (the default). */
  todayCard?: { teamId: string; channelId: string };
}

/** As stored (rotas/settings/notices). */
export interface RotaNoticeSettings extends NoticeSettings, Record<string, unknown> {
  updatedAt: string;
  updatedBy: string;
}

export const defaultNoticeSettings = (): NoticeSettings => ({
  reminderTime: defaultReminderTime,
  locale: 'en-GB',
});

/** A reminder time a school might really use: before school or by lunch. */
export const isReminderTime = (time: string): boolean =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(time) && time >= '06:00' && time <= '12:00';

/** Why a reminder or the daily card was not sent, for the coordinator. */
export type ReminderSkip =
  /** The pupil has no personal chat with the bot (they haven't opened Belong in Teams). */
  | 'noPersonalChat'
  /** Belong was not running at reminder time and it was too late to help by then. */
  | 'missed'
  /** The daily card's team or channel is gone, or the bot was removed from it. */
  | 'channelGone'
  /** Nobody is on duty today: no daily card. */
  | 'nobodyOnDuty';

/**
 * What was decided about one reminder (or, with `ambassadorId` absent, the daily card) on one
 * school day. Written once (insert-only): the first instance to decide wins, the rest follow it.
 */
export interface ReminderRecord extends Record<string, unknown> {
  date: string;
  /** Absent for the daily card. */
  ambassadorId?: string;
  status: 'queued' | 'skipped';
  reason?: ReminderSkip;
  occurrenceId: string;
  decidedAt: string;
  /** Set once its deliveries are in the outbox (a crash in between leaves it for the next tick). */
  queuedAt?: string;
}

export const reminderOccurrenceId = (date: string, ambassadorId: string) =>
  `rota-reminder:${date}:${ambassadorId}`;
export const todayCardOccurrenceId = (date: string) => `rota-today:${date}`;
export const noticeOccurrenceId = (requestId: string, event: RotaNoticeEvent) =>
  `rota-notice:${requestId}:${event}`;

/** Each ambassador's duties of the day (one reminder each, however many duties), by id. */
export function remindersOf(duties: readonly DutyView[]): Map<string, DutyView[]> {
  const byAmbassador = new Map<string, DutyView[]>();
  for (const duty of duties)
    for (const id of duty.ambassadorIds)
      byAmbassador.set(id, [...(byAmbassador.get(id) ?? []), duty]);
  return byAmbassador;
}

// ---------------------------------------------------------------------------------------------
// Swap and cover notices

/** The changes to a request that people are told about. */
export type RotaNoticeEvent = 'accepted' | 'approved' | 'declined';
export type NoticeAudience = 'requester' | 'acceptor' | 'coordinator';

/**
 * RotaService tells this port about every request it accepted, approved or declined, after the
 * change is stored (and, for an approval, applied to the rota). Implementations must not throw:
 * the rota has already changed, and a message that could not be queued is logged, not refused.
 */
export interface RotaEvents {
  requestChanged(tenantId: string, request: SwapRequest): Promise<void>;
}

/** Which event a request's current state is, if it is one people are told about. */
export function noticeEventOf(request: SwapRequest): RotaNoticeEvent | undefined {
  switch (request.status) {
    case 'accepted':
      return 'accepted';
    case 'approved':
      return request.acceptorId ? 'approved' : undefined;
    case 'declined':
      return 'declined';
    default:
      return undefined;
  }
}

/**
 * Who hears about it: the requester and the acceptor always; the coordinators when an accepted
 * request waits for their approval (approvals they make themselves need no message).
 */
export function noticeAudience(
  request: SwapRequest,
  event: RotaNoticeEvent,
  coordinatorIds: readonly string[],
): { userId: string; audience: NoticeAudience }[] {
  const out: { userId: string; audience: NoticeAudience }[] = [
    { userId: request.requesterId, audience: 'requester' },
  ];
  if (request.acceptorId) out.push({ userId: request.acceptorId, audience: 'acceptor' });
  if (event === 'accepted')
    for (const id of coordinatorIds)
      if (!out.some((o) => o.userId === id)) out.push({ userId: id, audience: 'coordinator' });
  return out;
}

/** People's names, for cards. Undefined when unknown: a card then leaves the name out. */
export interface PersonNames {
  displayName(tenantId: string, userId: string): Promise<string | undefined>;
}

export const noNames: PersonNames = { displayName: async () => undefined };
