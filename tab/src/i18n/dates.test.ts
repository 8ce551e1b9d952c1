import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant, weekdayName, type DateStyle } from './dates.js';

// Node carries full ICU, Welsh included; Chromium does not (the reason for this module). So in
// Node, Intl's own Welsh is the reference the catalogue-built Welsh must match, word for word.
const intl = (locale: string, at: Date, timeZone: string, s: DateStyle) =>
  new Intl.DateTimeFormat(locale, {
    ...(s.weekday ? { weekday: s.weekday } : {}),
    day: 'numeric',
    month: s.month,
    ...(s.year ? { year: 'numeric' as const } : {}),
    ...(s.time
      ? { hour: '2-digit' as const, minute: '2-digit' as const, hourCycle: 'h23' as const }
      : {}),
    timeZone,
  }).format(at);

const styles: DateStyle[] = [
  { month: 'long', year: true },
  { weekday: 'long', month: 'long', year: true },
  { weekday: 'long', month: 'long' },
  { weekday: 'long', month: 'long', time: true },
  { weekday: 'short', month: 'short', time: true },
  { month: 'short', year: true },
  { month: 'short', year: true, time: true },
];

describe('dates in the reader’s language', () => {
  it('writes Welsh as CLDR does, for any instant, style and school time zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.constantFrom(...styles),
        fc.constantFrom('Europe/London', 'UTC', 'Pacific/Auckland'),
        (at, style, zone) => {
          expect(formatInstant('cy', at, zone, style)).toBe(intl('cy-GB', at, zone, style));
          expect(formatInstant('en-GB', at, zone, style)).toBe(intl('en-GB', at, zone, style));
        },
      ),
    );
  });

  it('shows a school date as that day wherever the reader is', () => {
    expect(formatDay('cy', '2027-01-06', { weekday: 'long', month: 'long', year: true })).toBe(
      'Dydd Mercher, 6 Ionawr 2027',
    );
    expect(formatDay('en-GB', '2027-01-06', { month: 'short', year: true })).toBe('6 Jan 2027');
    expect(formatDay('cy', 'not a date', { month: 'long' })).toBe('not a date');
  });

  it('names ISO weekdays', () => {
    expect(weekdayName('cy', 1, 'long')).toBe('Dydd Llun');
    expect(weekdayName('cy', 7, 'short')).toBe('Sul');
    expect(weekdayName('en-GB', 5, 'long')).toBe('Friday');
  });
});
