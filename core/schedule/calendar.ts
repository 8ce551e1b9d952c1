/**
 * The school calendar: terms, holidays, INSET days and other closures, in school-local dates
 * (ISO `YYYY-MM-DD`). School-day schedules and rotas skip every day that is not a school day.
 * Dates are plain local dates on purpose: a term starts on a day, not at an instant.
 */
import { DateTime } from 'luxon';
import { datesBetween, isIsoDate, weekdayOf } from '../dates.js';
import { inputProblems, type ConnectProblem } from './problems.js';

export const closureKinds = ['holiday', 'inset', 'bank_holiday', 'closure'] as const;
export type ClosureKind = (typeof closureKinds)[number];

export interface Term {
  name: string;
  start: string;
  end: string;
}

export interface Closure {
  name: string;
  kind: ClosureKind;
  start: string;
  /** Inclusive; the same as `start` for a single day. */
  end: string;
}

export interface SchoolCalendar extends Record<string, unknown> {
  terms: Term[];
  closures: Closure[];
  updatedAt?: string;
  updatedBy?: string;
}

export const emptyCalendar = (): SchoolCalendar => ({ terms: [], closures: [] });

const inRange = (date: string, r: { start: string; end: string }) =>
  date >= r.start && date <= r.end;

/**
 * Monday to Friday, inside a term (when the school has entered terms) and not closed. A school
 * that has not entered its terms yet gets every weekday that isn't a listed closure, so schedules
 * work from day one; the tab tells staff to add term dates.
 */
export function isSchoolDay(calendar: SchoolCalendar, date: string): boolean {
  if (weekdayOf(date) > 5) return false;
  if (calendar.terms.length && !calendar.terms.some((t) => inRange(date, t))) return false;
  return !calendar.closures.some((c) => inRange(date, c));
}

export function schoolDaysBetween(calendar: SchoolCalendar, start: string, end: string): string[] {
  return datesBetween(start, end).filter((d) => isSchoolDay(calendar, d));
}

/** Why a date is not a school day, for people ("INSET day", "Half term"), or undefined. */
export function closureOn(calendar: SchoolCalendar, date: string): Closure | undefined {
  return calendar.closures.find((c) => inRange(date, c));
}

const maxSpanDays = 400;

/**
 * Checks a calendar someone typed in. Throws BelongError('invalidInput') with a code per problem
 * (see `connect.problem.calendar*`); nothing is stored when it throws.
 */
export function checkCalendar(calendar: SchoolCalendar): SchoolCalendar {
  const problems: ConnectProblem[] = [];
  const checkRange = (r: { name: string; start: string; end: string }) => {
    if (!r.name.trim()) problems.push('calendarName');
    if (!isIsoDate(r.start) || !isIsoDate(r.end)) problems.push('calendarDates');
    else if (r.end < r.start) problems.push('calendarOrder');
    else if (DateTime.fromISO(r.end).diff(DateTime.fromISO(r.start), 'days').days > maxSpanDays)
      problems.push('calendarLength');
  };
  calendar.terms.forEach(checkRange);
  calendar.closures.forEach(checkRange);
  const terms = [...calendar.terms].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < terms.length; i++) {
    if (terms[i]!.start <= terms[i - 1]!.end) problems.push('calendarOverlap');
  }
  if (problems.length) throw inputProblems(problems);
  return {
    terms,
    closures: [...calendar.closures].sort((a, b) => a.start.localeCompare(b.start)),
  };
}
