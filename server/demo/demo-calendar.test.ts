import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCalendar, isSchoolDay, type SchoolCalendar } from '../../core/schedule/calendar.js';
import { demoCalendar, easterSunday } from './demo-calendar.js';
import { addDays, datesBetween, localDateOf, weekdayOf } from '../../core/dates.js';

/** The fixed calendar the demo had before it was built around the date; tests in 2026–27 rely on it. */
const fixed2026: SchoolCalendar = {
  terms: [
    { name: 'Autumn 2026', start: '2026-09-01', end: '2026-12-18' },
    { name: 'Spring 2027', start: '2027-01-04', end: '2027-03-26' },
    { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' },
  ],
  closures: [
    { name: 'INSET day', kind: 'inset', start: '2026-09-01', end: '2026-09-01' },
    { name: 'October half term', kind: 'holiday', start: '2026-10-26', end: '2026-10-30' },
    { name: 'INSET day', kind: 'inset', start: '2027-01-04', end: '2027-01-04' },
    { name: 'February half term', kind: 'holiday', start: '2027-02-15', end: '2027-02-19' },
    {
      name: 'Early May bank holiday',
      kind: 'bank_holiday',
      start: '2027-05-03',
      end: '2027-05-03',
    },
    { name: 'May half term', kind: 'holiday', start: '2027-05-31', end: '2027-06-04' },
  ],
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The term on `today`, or the first one after it. */
const currentOrNext = (calendar: SchoolCalendar, today: string) =>
  calendar.terms.find((t) => t.end >= today);

describe('the demo calendar', () => {
  it('is the fixed 2026–27 calendar on every day from the end of summer 2026 to the end of summer 2027', () => {
    // The summer term of 2025–26 ends on Tuesday 21 July 2026; from the next day the demo
    // shows 2026–27 until its own summer term ends.
    expect(demoCalendar('2026-07-21').terms.map((t) => t.name)).toEqual([
      'Autumn 2025',
      'Spring 2026',
      'Summer 2026',
    ]);
    for (const date of datesBetween('2026-07-22', '2027-07-21')) {
      expect(demoCalendar(date), date).toEqual(fixed2026);
    }
    expect(demoCalendar('2027-07-22').terms[0]!.name).toBe('Autumn 2027');
  });

  it('finds Easter Sunday', () => {
    const known: Record<number, string> = {
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2035: '2035-03-25',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('in August, shows the coming autumn term', () => {
    const calendar = demoCalendar('2027-08-10');
    expect(currentOrNext(calendar, '2027-08-10')).toEqual({
      name: 'Autumn 2027',
      start: '2027-09-01',
      end: '2027-12-17',
    });
    expect(calendar.terms.map((t) => t.name)).toEqual([
      'Autumn 2027',
      'Spring 2028',
      'Summer 2028',
    ]);
  });

  it('29 February 2028 is a school day in the spring term', () => {
    const calendar = demoCalendar('2028-02-29');
    expect(currentOrNext(calendar, '2028-02-29')).toEqual({
      name: 'Spring 2028',
      start: '2028-01-04',
      end: '2028-04-14',
    });
    expect(isSchoolDay(calendar, '2028-02-29')).toBe(true);
    // Half term is the week of the third Monday of February.
    expect(calendar.closures).toContainEqual({
      name: 'February half term',
      kind: 'holiday',
      start: '2028-02-21',
      end: '2028-02-25',
    });
  });

  it('in the Easter holiday of 2029, the summer term comes next', () => {
    // Easter Sunday is 1 April 2029: spring ends on Good Friday, summer starts two weeks after
    // Easter Monday.
    const calendar = demoCalendar('2029-04-04');
    expect(calendar.terms.map((t) => t.name)).toEqual([
      'Autumn 2028',
      'Spring 2029',
      'Summer 2029',
    ]);
    expect(calendar.terms[1]!.end).toBe('2029-03-30');
    expect(currentOrNext(calendar, '2029-04-04')).toEqual({
      name: 'Summer 2029',
      start: '2029-04-16',
      end: '2029-07-20',
    });
  });

  it('after a late Easter, the Early May bank holiday is in the holiday, not the term', () => {
    // Easter Sunday is 25 April 2038: summer starts on 10 May, after Monday 3 May.
    const calendar = demoCalendar('2038-03-01');
    expect(calendar.terms[2]).toEqual({
      name: 'Summer 2038',
      start: '2038-05-10',
      end: '2038-07-21',
    });
    expect(calendar.closures.map((c) => c.name)).not.toContain('Early May bank holiday');
  });

  it('on the day the clocks go forward', () => {
    // Sunday 28 March 2027 is both the last Sunday of March and Easter Sunday. London's midnight
    // is still Saturday in UTC; the demo is built around the school-local date.
    const today = localDateOf(new Date('2027-03-28T00:30:00Z'), 'Europe/London');
    expect(today).toBe('2027-03-28');
    const calendar = demoCalendar(today);
    expect(calendar).toEqual(fixed2026);
    expect(currentOrNext(calendar, today)!.name).toBe('Summer 2027');
    // The same day in 2026 is in the spring term (Easter is later that year).
    expect(currentOrNext(demoCalendar('2026-03-29'), '2026-03-29')).toEqual({
      name: 'Spring 2026',
      start: '2026-01-05',
      end: '2026-04-03',
    });
  });

  it('refuses what is not a date', () => {
    expect(() => demoCalendar('2026-02-30')).toThrow(RangeError);
    expect(() => demoCalendar('24/11/2026')).toThrow(RangeError);
  });

  it('on any day from 2020 to 2040: a valid school year with a term on or soon after the day', () => {
    const first = '2020-01-01';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: daysBetween(first, '2040-12-31') }), (offset) => {
        const today = addDays(first, offset);
        const calendar = demoCalendar(today);
        // It passes the school's own calendar check, unchanged (already in order).
        expect(checkCalendar(calendar)).toEqual(calendar);
        const { terms, closures } = calendar;
        expect(terms).toHaveLength(3);
        // Terms are in order and do not overlap; each starts and ends on a weekday.
        for (let i = 1; i < terms.length; i++) {
          expect(terms[i]!.start > terms[i - 1]!.end).toBe(true);
        }
        for (const t of terms) {
          expect(t.start < t.end).toBe(true);
          expect(weekdayOf(t.start)).toBeLessThanOrEqual(5);
          expect(weekdayOf(t.end)).toBeLessThanOrEqual(5);
        }
        // A term is on today, or starts within seven weeks (the summer holiday is the longest).
        const term = currentOrNext(calendar, today);
        expect(term).toBeDefined();
        if (term!.start > today) expect(daysBetween(today, term!.start)).toBeLessThanOrEqual(49);
        // Every closure is Monday to Friday days inside a term, and leaves school days around it.
        for (const c of closures) {
          expect(terms.some((t) => c.start >= t.start && c.end <= t.end)).toBe(true);
          expect(c.start <= c.end).toBe(true);
          expect(weekdayOf(c.start)).toBeLessThanOrEqual(5);
          expect(weekdayOf(c.end)).toBeLessThanOrEqual(5);
          expect(daysBetween(c.start, c.end)).toBeLessThanOrEqual(4);
        }
        // Each term has school days in it.
        for (const t of terms) {
          expect(datesBetween(t.start, t.end).some((d) => isSchoolDay(calendar, d))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
