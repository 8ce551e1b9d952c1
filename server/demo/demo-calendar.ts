/**
 * The demo school's calendar, built around a date so that `npm start` shows a school in term (or
 * about to be) whatever the day: a typical England and Wales school year, not a real school's.
 *
 * The rules put terms and holidays where most local authorities put them:
 * - Autumn: the first weekday on or after 1 September (an INSET day) to the Friday on or before
 *   20 December; October half term is the week of the last Monday of October.
 * - Spring: the first weekday on or after 4 January (an INSET day) to Good Friday; February half
 *   term is the week of the third Monday of February. (On or after 4 January rather than 3: when
 *   New Year's Day falls on a Saturday, Monday 3 January is the substitute bank holiday.)
 * - Summer: the Monday two weeks after Easter Monday to the weekday on or before 21 July; the
 *   Early May bank holiday (first Monday of May, when it falls in term: after a late Easter it is
 *   in the holiday) and May half term (the week of the last Monday of May) are closures.
 * These rules give exactly the fixed 2026–27 calendar the demo used to have (Autumn 2026 from
 * Tuesday 1 September to 18 December, Spring 2027 from 4 January to 26 March, Summer 2027 from
 * 12 April to Wednesday 21 July), which tests with clocks in that year rely on.
 */
import { type Closure, type SchoolCalendar } from '../../core/schedule/calendar.js';
import { addDays, isIsoDate, weekdayOf } from '../../core/dates.js';

/**
 * The school year that contains `today` (a school-local YYYY-MM-DD date; a year runs from
 * September to July), or the next one once that year's summer term has ended, so a demo started
 * in late July or August shows the coming autumn term.
 */
export function demoCalendar(today: string): SchoolCalendar {
  if (!isIsoDate(today)) throw new RangeError(`not a date: ${today}`);
  const year = Number(today.slice(0, 4));
  const startYear = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
  const calendar = schoolYear(startYear);
  return today > calendar.terms.at(-1)!.end ? schoolYear(startYear + 1) : calendar;
}

/** The school year starting in September of `year`. */
function schoolYear(year: number): SchoolCalendar {
  const next = year + 1;
  const autumn = {
    name: `Autumn ${year}`,
    start: weekdayOnOrAfter(iso(year, 9, 1)),
    end: fridayOnOrBefore(iso(year, 12, 20)),
  };
  const easter = easterSunday(next);
  const spring = {
    name: `Spring ${next}`,
    start: weekdayOnOrAfter(iso(next, 1, 4)),
    end: addDays(easter, -2),
  };
  const summer = {
    name: `Summer ${next}`,
    start: addDays(easter, 15),
    end: weekdayOnOrBefore(iso(next, 7, 21)),
  };
  const earlyMay = nthMonday(next, 5, 1);
  const closures: Closure[] = [
    inset(autumn.start),
    week('October half term', lastMonday(year, 10)),
    inset(spring.start),
    week('February half term', nthMonday(next, 2, 3)),
    ...(earlyMay >= summer.start
      ? [
          {
            name: 'Early May bank holiday',
            kind: 'bank_holiday' as const,
            start: earlyMay,
            end: earlyMay,
          },
        ]
      : []),
    week('May half term', lastMonday(next, 5)),
  ];
  return { terms: [autumn, spring, summer], closures };
}

/**
 * Easter Sunday (Western, Gregorian calendar) as YYYY-MM-DD: the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), a few lines of integer arithmetic rather than a dependency.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const inset = (date: string): Closure => ({
  name: 'INSET day',
  kind: 'inset',
  start: date,
  end: date,
});

/** A Monday-to-Friday holiday. */
const week = (name: string, monday: string): Closure => ({
  name,
  kind: 'holiday',
  start: monday,
  end: addDays(monday, 4),
});

function weekdayOnOrAfter(date: string): string {
  const weekday = weekdayOf(date);
  return weekday > 5 ? addDays(date, 8 - weekday) : date;
}

function weekdayOnOrBefore(date: string): string {
  const weekday = weekdayOf(date);
  return weekday > 5 ? addDays(date, 5 - weekday) : date;
}

function fridayOnOrBefore(date: string): string {
  return addDays(date, -((weekdayOf(date) + 2) % 7));
}

/** The `n`th Monday (1 = first) of a month. */
function nthMonday(year: number, month: number, n: number): string {
  const first = iso(year, month, 1);
  return addDays(first, ((8 - weekdayOf(first)) % 7) + 7 * (n - 1));
}

function lastMonday(year: number, month: number): string {
  const last = addDays(month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1), -1);
  return addDays(last, -(weekdayOf(last) - 1));
}
