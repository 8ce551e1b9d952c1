/**
 * The coordinator's reminder settings as a form, and what happened to a day's reminders in
 * words (decision 015). Pure, so the panel only wires them up.
 */
import { t, type Locale } from '../../../../core/i18n/index.js';
import { ApiRequestError } from '../../api/client.js';
import type {
  NoticeSettingsInput,
  NoticeSettingsView,
  ReminderRecord,
} from '../../../../core/api/rota.js';
import { rotaProblems } from './rota-problems.js';
import { isOneOf } from '../../../../core/one-of.js';

export interface NoticesDraft {
  reminderTime: string;
  locale: Locale;
  /** Post the "today's wellbeing ambassadors" card. */
  cardOn: boolean;
  /** Kept while the card is off, so turning it back on remembers the choice. */
  teamId: string;
  channelId: string;
}

export function noticesDraft(settings: NoticeSettingsView): NoticesDraft {
  return {
    reminderTime: settings.reminderTime,
    locale: settings.locale,
    cardOn: !!settings.todayCard,
    teamId: settings.todayCard?.teamId ?? '',
    channelId: settings.todayCard?.channelId ?? '',
  };
}

/** The PUT body; the server wants `todayCard: null` (not absent) to turn the card off. */
export function noticesRequest(draft: NoticesDraft): NoticeSettingsInput {
  return {
    reminderTime: draft.reminderTime,
    locale: draft.locale,
    todayCard: draft.cardOn ? { teamId: draft.teamId, channelId: draft.channelId } : null,
  };
}

/** What stops the form being sent at all (the server would only say it could not read it). */
export function draftProblems(draft: NoticesDraft, locale: Locale): string[] {
  return draft.cardOn && (!draft.teamId || !draft.channelId)
    ? [t(locale, 'tab.rota.notices.problem.noChannel')]
    : [];
}

/** Matches the server's rule (core/rota/rota-notices.ts isReminderTime). */
export const isReminderTime = (time: string): boolean =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(time) && time >= '06:00' && time <= '12:00';

/**
 * Why the server refused the settings, in words. It says `rotaInvalid` both for a time out of
 * range and for a channel Belong is not in, so which one is told from what was sent.
 */
export function noticesProblems(
  error: unknown,
  sent: NoticeSettingsInput,
  locale: Locale,
): string[] | undefined {
  if (error instanceof ApiRequestError && error.status === 400) {
    const badTime = !isReminderTime(sent.reminderTime);
    if (error.problems.includes('rotaInvalid') || error.problems.length === 0) {
      // A time the API cannot read at all ("", "9:5") is a 400 without codes.
      if (badTime) return [t(locale, 'tab.rota.notices.problem.time')];
      if (error.problems.length && sent.todayCard)
        return [t(locale, 'tab.rota.notices.problem.channel')];
    }
  }
  return rotaProblems(error, locale);
}

/** Known reasons for a reminder or the card not being sent; a newer server's get general words. */
const reasons = ['noPersonalChat', 'missed', 'channelGone', 'nobodyOnDuty'] as const;
const hinted = ['noPersonalChat', 'missed', 'channelGone'] as const;

export function skipReason(reason: string | undefined, locale: Locale): string {
  return isOneOf(reasons, reason)
    ? t(locale, `tab.rota.notices.reason.${reason}`)
    : t(locale, 'tab.rota.notices.reason.unknown');
}

/** "Sent", or "Not sent: <why>". */
export function reminderStatus(record: ReminderRecord, locale: Locale): string {
  return record.status === 'queued'
    ? t(locale, 'tab.rota.notices.sent')
    : t(locale, 'tab.rota.notices.notSent', { reason: skipReason(record.reason, locale) });
}

export function cardStatus(record: ReminderRecord, locale: Locale): string {
  return record.status === 'queued'
    ? t(locale, 'tab.rota.notices.cardSent')
    : t(locale, 'tab.rota.notices.cardNotSent', { reason: skipReason(record.reason, locale) });
}

/** What the coordinator can do, once for each reason that came up (in a fixed order). */
export function reminderHints(
  records: readonly (ReminderRecord | undefined)[],
  locale: Locale,
): string[] {
  const found = new Set(records.filter((r) => r?.status === 'skipped').map((r) => r!.reason));
  return hinted
    .filter((reason) => found.has(reason))
    .map((reason) => t(locale, `tab.rota.notices.hint.${reason}`));
}
