import { describe, expect, it } from 'vitest';
import { isBelongError } from '../errors.js';
import {
  checkCalendar,
  closureOn,
  emptyCalendar,
  isSchoolDay,
  schoolDaysBetween,
  type SchoolCalendar,
} from './calendar.js';
import { isIsoDate } from '../dates.js';

const calendar: SchoolCalendar = {
  terms: [
    { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
    { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  ],
  closures: [{ name: 'INSET day', kind: 'inset', start: '2026-01-05', end: '2026-01-05' }],
};

describe('school days', () => {
  it('are weekdays in term that are not closed', () => {
    expect(isSchoolDay(calendar, '2026-01-06')).toBe(true); // Tuesday in term
    expect(isSchoolDay(calendar, '2026-01-05')).toBe(false); // INSET day
    expect(isSchoolDay(calendar, '2026-01-10')).toBe(false); // Saturday
    expect(isSchoolDay(calendar, '2026-02-16')).toBe(false); // half term
    expect(isSchoolDay(calendar, '2026-02-23')).toBe(true);
    expect(closureOn(calendar, '2026-01-05')?.kind).toBe('inset');
  });

  it('are every weekday when the school has not entered terms yet', () => {
    expect(isSchoolDay(emptyCalendar(), '2026-08-03')).toBe(true);
    expect(isSchoolDay(emptyCalendar(), '2026-08-08')).toBe(false);
  });

  it('lists a range, skipping half term', () => {
    expect(schoolDaysBetween(calendar, '2026-02-12', '2026-02-24')).toEqual([
      '2026-02-12',
      '2026-02-13',
      '2026-02-23',
      '2026-02-24',
    ]);
  });

  it('knows real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('28/02/2026')).toBe(false);
    expect(isIsoDate(20260228)).toBe(false);
  });
});

describe('checking a calendar someone typed in', () => {
  const problemsOf = (c: SchoolCalendar) => {
    try {
      checkCalendar(c);
      return [];
    } catch (e) {
      if (!isBelongError(e, 'invalidInput')) throw e;
      return e.problems;
    }
  };

  it('accepts a good one and sorts it', () => {
    const reversed = { ...calendar, terms: [...calendar.terms].reverse() };
    expect(checkCalendar(reversed).terms.map((t) => t.name)).toEqual(['Spring 1', 'Spring 2']);
  });

  it('names every problem', () => {
    expect(
      problemsOf({
        terms: [
          { name: 'A', start: '2026-01-05', end: '2026-02-13' },
          { name: 'B', start: '2026-02-01', end: '2026-03-27' },
          { name: ' ', start: '2026-05-01', end: '2026-04-01' },
        ],
        closures: [
          { name: 'X', kind: 'holiday', start: '2026-13-01', end: '2026-13-02' },
          { name: 'Y', kind: 'closure', start: '2026-01-01', end: '2028-01-01' },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        'calendarName',
        'calendarOrder',
        'calendarDates',
        'calendarLength',
        'calendarOverlap',
      ]),
    );
  });
});
