/**
 * The inbox's words and choices, as pure functions: which requests a filter shows, how long one
 * waited, when things happened (in the school's time zone), each timeline step in words, and what
 * to say when an action is refused.
 */
import type {
  ReferralTarget,
  SupportRequestView,
  TalkStatus,
  TimelineEvent,
} from '../../../../core/api/support.js';
import { t, type Locale, type MessageKey } from '../../../../core/i18n/index.js';
import { ApiRequestError } from '../../api/client.js';
import { formatInstant } from '../../i18n/dates.js';
import { errorMessageKey } from '../../api/error-message.js';

export const statusFilters = ['all', 'new', 'acknowledged', 'resolved', 'referred'] as const;
export type StatusFilter = (typeof statusFilters)[number];

/** Requests a filter shows, in the order the server gave them (newest first). */
export function filtered(
  requests: readonly SupportRequestView[],
  filter: StatusFilter,
): SupportRequestView[] {
  return requests.filter((r) => filter === 'all' || r.status === filter);
}

export function countsOf(requests: readonly SupportRequestView[]): Record<StatusFilter, number> {
  const counts = { all: requests.length, new: 0, acknowledged: 0, resolved: 0, referred: 0 };
  for (const r of requests) counts[r.status] += 1;
  return counts;
}

export const statusLabel = (locale: Locale, status: TalkStatus) =>
  t(locale, `tab.support.status.${status}`);

export const filterLabel = (locale: Locale, filter: StatusFilter, count: number) =>
  t(locale, 'tab.support.inbox.filterOption', {
    label:
      filter === 'all' ? t(locale, 'tab.support.inbox.filter.all') : statusLabel(locale, filter),
    count,
  });

/** Badge colour per status: a new request wants someone now. */
export const statusColour = {
  new: 'danger',
  acknowledged: 'warning',
  resolved: 'success',
  referred: 'informative',
} as const satisfies Record<TalkStatus, string>;

/** Minutes as minutes (under two hours), hours (under two days) or days. */
export function duration(locale: Locale, minutes: number): string {
  if (minutes < 120) return t(locale, 'tab.support.duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t(locale, 'tab.support.duration.hours', { count: hours });
  return t(locale, 'tab.support.duration.days', { count: Math.floor(hours / 24) });
}

/** "Waiting 12 minutes" until someone acknowledges, "Waited 5 minutes" after. */
export function waitText(locale: Locale, request: SupportRequestView): string {
  const key = request.acknowledged ? 'tab.support.waited' : 'tab.support.waiting';
  return t(locale, key, { duration: duration(locale, request.waitedMinutes) });
}

/** A time as the school sees it: "Tue 24 Nov, 10:05". */
export function when(locale: Locale, iso: string, timeZone: string): string {
  return formatInstant(locale, new Date(iso), timeZone, {
    weekday: 'short',
    month: 'short',
    time: true,
  });
}

export const referralLabel = (locale: Locale, to: ReferralTarget) =>
  t(locale, `talk.referral.${to}`);

export const urgencyLabel = (locale: Locale, request: SupportRequestView) =>
  request.urgency ? t(locale, `talk.urgency.${request.urgency}`) : t(locale, 'talk.staff.notSaid');

/** One timeline step in words. */
export function eventText(
  locale: Locale,
  event: TimelineEvent,
  request: Pick<SupportRequestView, 'source'>,
): string {
  const name = event.byName ?? '';
  switch (event.kind) {
    case 'requested':
      return t(locale, 'tab.support.event.requested', {
        source: t(locale, `talk.source.${request.source}`),
      });
    case 'alerted':
      return t(locale, 'tab.support.event.alerted');
    case 'escalated':
      return t(locale, 'tab.support.event.escalated');
    case 'acknowledged':
      return t(locale, 'tab.support.event.acknowledged', { name });
    case 'note':
      return t(locale, 'tab.support.event.note', { name });
    case 'resolved':
      return t(locale, 'tab.support.event.resolved', { name });
    case 'referred':
      return t(locale, 'tab.support.event.referred', {
        name,
        to: event.referredTo ? referralLabel(locale, event.referredTo) : '',
      });
  }
}

/** Where the request stands, in one sentence (the words of the staff card). */
export function statusSentence(locale: Locale, request: SupportRequestView): string {
  const at = (iso: string) => when(locale, iso, request.timeZone);
  if (request.status === 'new') return t(locale, 'talk.staff.status.new');
  if (request.status === 'acknowledged' && request.acknowledged)
    return t(locale, 'talk.staff.status.acknowledged', {
      name: request.acknowledged.byName,
      when: at(request.acknowledged.at),
    });
  if (request.closed && request.status === 'referred')
    return t(locale, 'talk.staff.status.referred', {
      name: request.closed.byName,
      when: at(request.closed.at),
      to: request.referredTo ? referralLabel(locale, request.referredTo) : '',
    });
  if (request.closed)
    return t(locale, 'talk.staff.status.resolved', {
      name: request.closed.byName,
      when: at(request.closed.at),
    });
  return statusLabel(locale, request.status);
}

export const isOpen = (request: Pick<SupportRequestView, 'status'>) =>
  request.status === 'new' || request.status === 'acknowledged';

/** A note the server would take: 1 to 1,000 characters once trimmed. */
export const noteProblem = (text: string) => {
  const length = text.trim().length;
  return length === 0 || length > 1_000;
};

/** What to say when an action fails: the closed request and the note's length in their words. */
export function actionErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.status === 409) return 'talk.staff.closed';
    if (error.status === 400 && error.problems.includes('noteLength'))
      return 'talk.staff.noteProblem';
  }
  return errorMessageKey(error);
}
