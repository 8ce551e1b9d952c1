/**
 * Talk requests (issue 17): a pupil asks to talk to a trusted adult. Unlike check-in answers they
 * are identified — the designated safeguarding lead (DSL) and deputies see who asked — and they
 * never appear in trends, counts or any other role's view. The pure rules live here: who may
 * receive one, when it is school time, when a request alerts and escalates, and what a low
 * check-in answer is.
 */
import { addDays, instantOf, localDateOf } from '../dates.js';
import { isSchoolDay, type SchoolCalendar } from '../schedule/index.js';
import type { Locale } from '../i18n/index.js';
import type { SchoolRole } from '../roles.js';
import type {
  PupilTalkState,
  ReferralTarget,
  TalkSource,
  TalkStatus,
  TalkUrgency,
} from '../talk-kinds.js';

export {
  referralTargets,
  talkSources,
  talkStatuses,
  talkUrgencies,
  type PupilTalkState,
  type ReferralTarget,
  type TalkSource,
  type TalkStatus,
  type TalkUrgency,
} from '../talk-kinds.js';

/** The school roles a talk request goes to. */
export const talkRecipientRoles: readonly SchoolRole[] = ['dsl', 'deputy_dsl'];
/** A safe school has at least this many reachable recipients before talk is offered. */
export const minReachableRecipients = 2;
/** Notes are for the record, not case files: short, and checked here and at the edge. */
export const maxNoteLength = 1_000;

export interface TalkNote {
  by: string;
  at: string;
  text: string;
}

/** One alert round: the first one, or an escalation (`level` ≥ 1, wellbeing leads too). */
export interface TalkAlert {
  at: string;
  level: number;
  /** Recipients it went to (Entra object ids), and those who could not be messaged. */
  sentTo: string[];
  unreachable: string[];
}

export interface TalkRequest extends Record<string, unknown> {
  id: string;
  /** The pupil's Entra object id and Teams id (to message them back). */
  pupilId: string;
  /** Absent when Belong has not seen the pupil in a roster or chat yet (asked from the tab). */
  pupilTeamsId?: string;
  /** Class teams the pupil is a member of when asking (ids; names are looked up to show). */
  classTeamIds: string[];
  urgency?: TalkUrgency;
  source: TalkSource;
  /** The pupil's language, for what Belong tells them back. */
  locale: Locale;
  status: TalkStatus;
  createdAt: string;
  /** When recipients are (next) to be alerted: now in school hours, else the next school session. */
  alertAt: string;
  alerts: TalkAlert[];
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  /** When the pupil was told an adult has seen it (queued). */
  pupilToldAt?: string;
  closedBy?: string;
  closedAt?: string;
  referredTo?: ReferralTarget;
  notes: TalkNote[];
}

/** The school's support settings: school hours and how long before a request escalates. */
export interface SupportSettings {
  /** `HH:MM`, school-local: requests alert and escalate only between these times on school days. */
  dayStart: string;
  dayEnd: string;
  escalationMinutes: number;
  /** The language of messages to staff (Teams doesn't tell Belong each person's). */
  locale: Locale;
}

export const defaultSupportSettings = (): SupportSettings => ({
  dayStart: '08:30',
  dayEnd: '16:00',
  escalationMinutes: 15,
  locale: 'en-GB',
});

export interface SchoolTime {
  calendar: SchoolCalendar;
  timeZone: string;
  settings: SupportSettings;
}

/** Whether `at` is during a school session (a school day, between the day's start and end). */
export function inSchoolHours(at: Date, school: SchoolTime): boolean {
  const date = localDateOf(at, school.timeZone);
  if (!isSchoolDay(school.calendar, date)) return false;
  const start = instantOf(date, school.settings.dayStart, school.timeZone);
  const end = instantOf(date, school.settings.dayEnd, school.timeZone);
  return at >= start && at < end;
}

/**
 * `at` itself during school hours; otherwise the start of the next school session. A calendar
 * with no school day in the next year (which checkCalendar never lets through) gives `at`: a
 * request is then alerted at once rather than never.
 */
export function nextSchoolTime(at: Date, school: SchoolTime): Date {
  if (inSchoolHours(at, school)) return at;
  const today = localDateOf(at, school.timeZone);
  for (let i = 0; i < 370; i++) {
    const date = addDays(today, i);
    if (!isSchoolDay(school.calendar, date)) continue;
    const start = instantOf(date, school.settings.dayStart, school.timeZone);
    if (start > at) return start;
  }
  return at;
}

/**
 * When a still-unacknowledged request next alerts: `escalationMinutes` after the last alert,
 * counted in school time (minutes outside school hours don't count; it goes on next session).
 */
export function nextEscalationAt(lastAlert: Date, school: SchoolTime): Date {
  // An alert sent out of hours (a worker that was down) starts the wait at the next session.
  const from = nextSchoolTime(lastAlert, school);
  const due = new Date(from.getTime() + school.settings.escalationMinutes * 60_000);
  if (inSchoolHours(due, school)) return due;
  // The rest of the wait after the session ends counts from the next session's start.
  const date = localDateOf(from, school.timeZone);
  const end = instantOf(date, school.settings.dayEnd, school.timeZone);
  const used = Math.max(0, end.getTime() - from.getTime());
  const left = Math.max(0, school.settings.escalationMinutes * 60_000 - used);
  const next = nextSchoolTime(due, school);
  return new Date(next.getTime() + left);
}

export const isOpen = (r: Pick<TalkRequest, 'status'>) =>
  r.status === 'new' || r.status === 'acknowledged';

export function pupilStateOf(request: TalkRequest | undefined, now: Date): PupilTalkState {
  if (!request) return 'none';
  if (request.status === 'new') return 'sent';
  if (isOpen(request)) return 'seen';
  const closed = Date.parse(request.closedAt ?? request.createdAt);
  return now.getTime() - closed < 7 * 24 * 3_600_000 ? 'seen' : 'none';
}

/**
 * A low check-in answer: 😞/🙁 on mood, or Never/Rarely on feeling safe or connected. Points run
 * 1 (lowest) to 5. The answer is never stored with the request; only the pupil's own card view
 * changes, to offer the talk action gently.
 */
export function isLowAnswer(points: Readonly<Record<string, number | undefined>>): boolean {
  const low = (id: string) => {
    const p = points[id];
    return p !== undefined && p <= 2;
  };
  return ['mood', 'safe', 'connected'].some(low);
}

/** Request ids sort newest first (a reversed time part), then a random part. */
export function newTalkId(now: Date, random: () => string): string {
  const reversed = String(9_999_999_999_999 - now.getTime()).padStart(13, '0');
  return `${reversed}-${random()}`;
}
