import { describe, expect, it } from 'vitest';
import { addDays, formatDate, weekdayOf } from './dates.js';

describe('school-local dates', () => {
  it('formats the day the server meant, in English and Welsh', () => {
    expect(formatDate('en-GB', '2026-11-25')).toMatch(/^Wednesday,? 25 November 2026$/);
    expect(formatDate('en-GB', '2026-11-25', false)).toBe('25 November 2026');
    expect(formatDate('cy', '2026-11-25')).toMatch(/Mercher.*25 Tachwedd 2026/);
  });

  it('leaves something that is not a date alone', () => {
    expect(formatDate('en-GB', '')).toBe('');
    expect(formatDate('en-GB', 'soon')).toBe('soon');
  });

  it('adds days across months and years, and knows the weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });
});
