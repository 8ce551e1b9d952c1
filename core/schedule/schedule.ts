/**
 * Schedules: what a teacher (or the wellbeing lead) asked Belong to post into a class channel,
 * and when. A schedule is planned into posts on school-local dates at a school-local time; the
 * scheduler worker turns each due post into a delivery exactly once.
 */
import {
  cmhwChoiceProblemsOf,
  cmhwWeekFor,
  plannableCmhwWeeks,
  plannedCmhwWeek,
  promptById,
  type CmhwWeek,
  type Phase,
} from '../content/index.js';
import { isCheckinTemplateId, type CheckinTemplateId } from '../checkin/index.js';
import type { Locale } from '../i18n/index.js';
import { inputProblems, type ConnectProblem } from './problems.js';
import { addDays, datesBetween, instantOf, isIsoDate, localDateOf, weekdayOf } from '../dates.js';
import { isSchoolDay, type SchoolCalendar } from './calendar.js';
import { isSchoolWeekday } from './weekdays.js';

/** What is posted. */
export type ScheduleContent =
  | { kind: 'prompt'; promptId: string }
  /**
   * Children's Mental Health Week: the year's five-day programme for the phase, one a day — on
   * the school's own Monday and with its own theme, if it chose them (core/content/cmhw-plan.ts).
   */
  | { kind: 'cmhw'; year: number; phase: Phase; startDate?: string; theme?: string }
  /** A check-in card for the class to answer, worded for the phase. */
  | { kind: 'checkin'; templateId: CheckinTemplateId; phase: Phase };

/** What a check-in post is called where a prompt id would be: `checkin:<template>`. */
export const checkinPostId = (templateId: CheckinTemplateId) => `checkin:${templateId}`;

/** The check-in template a planned post is for, if it is a check-in. */
export function checkinTemplateOf(postId: string): CheckinTemplateId | undefined {
  const id = postId.startsWith('checkin:') ? postId.slice('checkin:'.length) : undefined;
  return isCheckinTemplateId(id) ? id : undefined;
}

export type Repeat =
  | { kind: 'once'; date: string }
  /** Every school day from `start` (until `end`, if given). */
  | { kind: 'daily'; start: string; end?: string }
  /** On the chosen weekdays (1 = Monday … 5 = Friday) that are school days. */
  | { kind: 'weekly'; weekdays: number[]; start: string; end?: string }
  /** The school days of the CMHW week of the content's year. */
  | { kind: 'cmhw' };

export const repeatKinds = ['once', 'daily', 'weekly', 'cmhw'] as const;

export interface ScheduleInput {
  teamId: string;
  channelId: string;
  /** School-local time, HH:mm. */
  time: string;
  content: ScheduleContent;
  repeat: Repeat;
  /** The language the posts are written in; the creator's Teams language by default. */
  locale?: Locale;
}

export interface Schedule extends ScheduleInput, Record<string, unknown> {
  id: string;
  status: 'active' | 'ended' | 'cancelled';
  /** Entra object id of the member of staff who made it (staff, never a pupil). */
  createdBy: string;
  createdAt: string;
  cancelledAt?: string;
  cancelledBy?: string;
  /** Posts at or before this instant have been dealt with (queued or skipped). */
  checkedUntil: string;
}

/** One post of a schedule on one school day. */
export interface PlannedPost {
  scheduleId: string;
  /** School-local date. */
  date: string;
  /** The instant it is due. */
  at: Date;
  /** What is posted: a prompt id, or `checkin:<template>` for a check-in (see checkinPostId). */
  promptId: string;
  /** The occurrence (and delivery) id: the same post is never enqueued twice. */
  occurrenceId: string;
}

export interface PlanContext {
  calendar: SchoolCalendar;
  timeZone: string;
}

export const earliestTime = '06:00';
export const latestTime = '21:00';
/** A schedule may run for at most a year: longer is more likely a typo than a plan. */
export const maxScheduleDays = 366;

const hhmm = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const occurrenceIdOf = (scheduleId: string, date: string) => `${scheduleId}@${date}`;

/**
 * The CMHW week a class can still run: the first whose Friday is today or later — a year not
 * published yet on its likely dates (cmhw-plan.ts).
 */
export function nextPlannableCmhw(today: string): CmhwWeek | undefined {
  return plannableCmhwWeeks(today)[0];
}

function dateRange(schedule: ScheduleInput): { start: string; end: string } {
  const { repeat, content } = schedule;
  switch (repeat.kind) {
    case 'once':
      return { start: repeat.date, end: repeat.date };
    case 'daily':
    case 'weekly':
      return { start: repeat.start, end: repeat.end ?? addDays(repeat.start, maxScheduleDays) };
    case 'cmhw': {
      const week = content.kind === 'cmhw' ? plannedCmhwWeek(content.year, content) : undefined;
      if (!week) return { start: '9999-12-31', end: '0000-01-01' };
      return { start: week.startDate, end: addDays(week.startDate, 4) };
    }
  }
}

/** The prompt posted on a date, or undefined when nothing is posted that day. */
function promptOn(schedule: ScheduleInput, date: string, ctx: PlanContext): string | undefined {
  const { repeat, content } = schedule;
  const weekday = weekdayOf(date);
  switch (repeat.kind) {
    case 'once':
      // A one-off goes out on the day chosen, even outside term: the teacher picked it.
      if (date !== repeat.date) return undefined;
      break;
    case 'daily':
      if (!isSchoolDay(ctx.calendar, date)) return undefined;
      break;
    case 'weekly':
      if (!repeat.weekdays.includes(weekday) || !isSchoolDay(ctx.calendar, date)) return undefined;
      break;
    case 'cmhw':
      if (!isSchoolDay(ctx.calendar, date)) return undefined;
      break;
  }
  if (content.kind === 'prompt') return content.promptId;
  if (content.kind === 'checkin') return checkinPostId(content.templateId);
  // CMHW: Monday's prompt on Monday, and so on; a day the school is closed is simply missed.
  return plannedCmhwWeek(content.year, content)?.programmes[content.phase][weekday - 1];
}

/** Posts of a schedule due after `after` and at or before `until`, in time order. */
export function postsBetween(
  schedule: ScheduleInput & { id: string },
  ctx: PlanContext,
  after: Date,
  until: Date,
): PlannedPost[] {
  const range = dateRange(schedule);
  // One day either side of the instants' local dates covers every offset a zone can have.
  const from = maxDate(range.start, addDays(localDateOf(after, ctx.timeZone), -1));
  const to = minDate(range.end, addDays(localDateOf(until, ctx.timeZone), 1));
  if (from > to) return [];
  const posts: PlannedPost[] = [];
  for (const date of datesBetween(from, to)) {
    const promptId = promptOn(schedule, date, ctx);
    if (!promptId) continue;
    const at = instantOf(date, schedule.time, ctx.timeZone);
    if (at > after && at <= until) {
      posts.push({
        scheduleId: schedule.id,
        date,
        at,
        promptId,
        occurrenceId: occurrenceIdOf(schedule.id, date),
      });
    }
  }
  return posts;
}

/** The next `limit` posts after `now`, for lists and confirmations. */
export function upcomingPosts(
  schedule: ScheduleInput & { id: string },
  ctx: PlanContext,
  now: Date,
  limit: number,
): PlannedPost[] {
  const range = dateRange(schedule);
  const end = instantOf(addDays(range.end, 1), '23:59', ctx.timeZone);
  return postsBetween(schedule, ctx, now, end).slice(0, limit);
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

export interface CheckContext extends PlanContext {
  now: Date;
  /** The class team's channels, as Belong knows them. */
  channels: { id: string }[];
  /** When changing a schedule that has started: its start date, which may stay in the past. */
  unchangedStart?: string;
}

export const scheduleProblems = [
  'channelUnknown',
  'timeFormat',
  'timeRange',
  'promptUnknown',
  'cmhwUnknown',
  'cmhwOver',
  'cmhwRepeat',
  'cmhwStart',
  'cmhwTheme',
  'dateInvalid',
  'dateTooFar',
  'startPassed',
  'endBeforeStart',
  'repeatTooLong',
  'weekdaysEmpty',
  'weekdaysWeekend',
  'timePassed',
  'noSchoolDays',
  'cmhwAlready',
  'checkinUnknown',
] as const satisfies readonly ConnectProblem[];
export type ScheduleProblem = (typeof scheduleProblems)[number];

/**
 * Checks what a teacher asked for. Throws BelongError('invalidInput') listing every problem;
 * nothing is stored when it throws.
 */
export function checkSchedule(input: ScheduleInput, ctx: CheckContext): ScheduleInput {
  const problems: ScheduleProblem[] = [];
  const today = localDateOf(ctx.now, ctx.timeZone);
  const { repeat, content } = input;

  if (!ctx.channels.some((c) => c.id === input.channelId)) problems.push('channelUnknown');
  if (!hhmm.test(input.time)) problems.push('timeFormat');
  else if (input.time < earliestTime || input.time > latestTime) problems.push('timeRange');

  if (content.kind === 'prompt' && !promptById(content.promptId)) problems.push('promptUnknown');
  if (content.kind === 'checkin' && !isCheckinTemplateId(content.templateId))
    problems.push('checkinUnknown');
  if (content.kind === 'cmhw') {
    const choices = cmhwChoiceProblemsOf(content.year, content);
    problems.push(...choices);
    // A year not published is planned only when it is this one or the next: one further ahead
    // is more likely a typo than a plan.
    const tooFar = content.year > Number(today.slice(0, 4)) + 1 && !cmhwWeekFor(content.year);
    const week = choices.length || tooFar ? undefined : plannedCmhwWeek(content.year, content);
    if (!week) {
      if (!choices.length) problems.push('cmhwUnknown');
    } else if (addDays(week.startDate, 4) < today) problems.push('cmhwOver');
    if (repeat.kind !== 'cmhw') problems.push('cmhwRepeat');
  } else if (repeat.kind === 'cmhw') problems.push('cmhwRepeat');

  const realDate = (d: string | undefined) => {
    if (d !== undefined && !isIsoDate(d)) problems.push('dateInvalid');
    return d !== undefined && isIsoDate(d);
  };
  switch (repeat.kind) {
    case 'once':
      if (realDate(repeat.date) && repeat.date > addDays(today, maxScheduleDays))
        problems.push('dateTooFar');
      break;
    case 'daily':
    case 'weekly': {
      const start = realDate(repeat.start);
      const end = realDate(repeat.end);
      if (start && repeat.start < today && repeat.start !== ctx.unchangedStart)
        problems.push('startPassed');
      if (start && repeat.start > addDays(today, maxScheduleDays)) problems.push('dateTooFar');
      if (start && end) {
        if (repeat.end! < repeat.start) problems.push('endBeforeStart');
        else if (repeat.end! > addDays(repeat.start, maxScheduleDays))
          problems.push('repeatTooLong');
      }
      if (repeat.kind === 'weekly') {
        const days = repeat.weekdays;
        if (!days.length) problems.push('weekdaysEmpty');
        if (days.some((d) => !isSchoolWeekday(d)) || new Set(days).size !== days.length)
          problems.push('weekdaysWeekend');
      }
      break;
    }
    case 'cmhw':
      break;
  }
  if (problems.length) throw inputProblems(problems);

  if (!upcomingPosts({ ...input, id: 'check' }, ctx, ctx.now, 1).length) {
    throw inputProblems([repeat.kind === 'once' ? 'timePassed' : 'noSchoolDays']);
  }
  return input;
}
