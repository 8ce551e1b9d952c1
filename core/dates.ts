/**
 * School-local dates, weeks, ranges and time zones: the one home for plain date helpers, used by
 * every feature (schedule, check-ins, rota) and by the tab. Pure functions, no I/O.
 *
 * A local date is an ISO `YYYY-MM-DD` string with no time zone: a term starts on a day, not at an
 * instant. Weeks run Monday to Sunday and are named by their Monday. Only `instantOf` and
 * `localDateOf` involve a time zone (the school's, e.g. `Europe/London`).
 *
 * Two families on purpose: Luxon for general use (`isIsoDate`, `weekdayOf`, `addDays`), and plain
 * arithmetic on day numbers for the rota's hot paths (`dayNumber`, `isStrictIsoDate`,
 * `weekdayOfChecked`), which also refuse years 0000–0099.
 */
import { DateTime } from 'luxon';
import { BelongError } from './errors.js';

// ---------------------------------------------------------------------------------------------
// Local dates (Luxon)

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (not 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isoDate.test(value) && DateTime.fromISO(value).isValid;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date).weekday;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate()!;
}

/** Every date from `start` to `end`, both included. */
export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

// ---------------------------------------------------------------------------------------------
// Day numbers (plain arithmetic, for hot paths)

const dayMs = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date (no time zone involved: local dates). */
export function dayNumber(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / dayMs;
}

/**
 * A real calendar date written `YYYY-MM-DD` (not 2026-02-30), without Luxon. Stricter than
 * `isIsoDate`: years 0000–0099 are refused (so `dayNumber` and `weekdayOfChecked` are right for
 * every date it accepts).
 */
export function isStrictIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !isoDate.test(value)) return false;
  return new Date(dayNumber(value) * dayMs).toISOString().slice(0, 10) === value;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date `isStrictIsoDate` accepts; no Luxon. */
export function weekdayOfChecked(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------
// Weeks

/**
 * The Monday of a date's week; weeks are stored by their Monday (decision 011). Every rota rule
 * check asks for the Monday of each assignment it looks at, thousands per fill, and Luxon's date
 * arithmetic costs microseconds a call; a rota has a few hundred dates, so each one's Monday is
 * remembered.
 */
export function mondayOf(date: string): string {
  let monday = mondays.get(date);
  if (monday === undefined) {
    monday = addDays(date, 1 - weekdayOfChecked(date));
    if (mondays.size >= maxRemembered) mondays.clear();
    mondays.set(date, monday);
  }
  return monday;
}

const mondays = new Map<string, string>();
const maxRemembered = 4096;

// ---------------------------------------------------------------------------------------------
// Time zones

/**
 * The instant a school-local date and time happen. Across the spring change a time that doesn't
 * exist (01:30 on the last Sunday of March in London) moves forward by the gap; in autumn a time
 * that happens twice means the first one. School hours are never affected in the UK.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!local.isValid) throw new BelongError('invalidInput', `Not a valid date and time`);
  // Luxon resolves a repeated wall time to the later offset; school means the first one.
  const shift = local.plus({ hours: 12 }).offset - local.minus({ hours: 12 }).offset;
  if (shift < 0) {
    const earlier = local.plus({ minutes: shift });
    if (earlier.toFormat('yyyy-MM-dd HH:mm') === local.toFormat('yyyy-MM-dd HH:mm'))
      return earlier.toJSDate();
  }
  return local.toJSDate();
}

/** The school-local date of an instant. */
export function localDateOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
