import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesBetween,
  dayNumber,
  instantOf,
  isIsoDate,
  isStrictIsoDate,
  localDateOf,
  weekdayOf,
  weekdayOfChecked,
} from './dates.js';

const london = 'Europe/London';

describe('local dates', () => {
  it('adds days across months, years and a leap day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // the clocks go forward
  });

  it('lists every date in a range, both ends included', () => {
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(datesBetween('2026-11-25', '2026-11-25')).toEqual(['2026-11-25']);
    expect(datesBetween('2026-11-26', '2026-11-25')).toEqual([]);
  });

  it('knows the ISO weekday, with and without Luxon', () => {
    for (const [date, weekday] of [
      ['2026-11-23', 1],
      ['2026-11-27', 5],
      ['2026-11-29', 7],
      ['1970-01-01', 4],
      ['1969-12-29', 1],
      ['2028-02-29', 2],
    ] as const) {
      expect(weekdayOf(date)).toBe(weekday);
      expect(weekdayOfChecked(date)).toBe(weekday);
    }
  });

  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2026-11-25') - dayNumber('2026-10-25')).toBe(31);
  });

  it('checks ISO dates; the strict check also refuses years 0000–0099', () => {
    for (const check of [isIsoDate, isStrictIsoDate]) {
      expect(check('2028-02-29')).toBe(true);
      expect(check('2026-02-29')).toBe(false);
      expect(check('2026-13-01')).toBe(false);
      expect(check('2026-1-01')).toBe(false);
      expect(check(undefined)).toBe(false);
    }
    expect(isIsoDate('0050-06-01')).toBe(true);
    expect(isStrictIsoDate('0050-06-01')).toBe(false);
    expect(isStrictIsoDate('0100-06-01')).toBe(true);
  });
});

describe('time zones', () => {
  it('gives the school-local date of an instant, around midnight and the clock changes', () => {
    // 23:30 UTC on 31 March is 00:30 on 1 April in British Summer Time.
    expect(localDateOf(new Date('2026-03-31T23:30:00Z'), london)).toBe('2026-04-01');
    expect(localDateOf(new Date('2026-12-31T23:30:00Z'), london)).toBe('2026-12-31');
    // Spring change, Sunday 29 March 2026: 00:30 UTC is 00:30 GMT; 23:30 UTC is 00:30 BST next day.
    expect(localDateOf(new Date('2026-03-29T00:30:00Z'), london)).toBe('2026-03-29');
    expect(localDateOf(new Date('2026-03-29T23:30:00Z'), london)).toBe('2026-03-30');
    // Autumn change, Sunday 25 October 2026.
    expect(localDateOf(new Date('2026-10-24T23:30:00Z'), london)).toBe('2026-10-25');
    expect(localDateOf(new Date('2026-10-25T23:30:00Z'), london)).toBe('2026-10-25');
  });

  it('turns a school-local date and time into an instant on both sides of a clock change', () => {
    expect(instantOf('2026-03-28', '09:00', london).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(instantOf('2026-03-29', '09:00', london).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(instantOf('2026-10-25', '09:00', london).toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(instantOf('2026-10-24', '09:00', london).toISOString()).toBe('2026-10-24T08:00:00.000Z');
  });

  it('round-trips the date of every instant it makes on a clock-change day', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      for (const time of ['00:00', '03:00', '12:00', '23:59']) {
        expect(localDateOf(instantOf(date, time, london), london)).toBe(date);
      }
    }
  });

  it('refuses a date and time that is not real', () => {
    expect(() => instantOf('2026-02-30', '09:00', london)).toThrow();
    expect(() => instantOf('2026-11-25', '25:00', london)).toThrow();
  });
});
