import { describe, expect, it } from 'vitest';
import type { CmhwWeek } from '../../../core/api/connect.js';
import { describeCmhwWeek, openCmhwWeeks } from './cmhw.js';

const week = (year: number, startDate: string): CmhwWeek => ({
  year,
  theme: { 'en-GB': `Theme ${year}`, cy: `Thema ${year}` },
  startDate,
  endDate: startDate,
  programmes: { primary: [], secondary: [] },
});
const weeks = [week(2026, '2026-02-09'), week(2025, '2025-02-03'), week(2027, '2027-02-08')];

describe('openCmhwWeeks', () => {
  it('offers weeks whose Friday has not passed, soonest first', () => {
    expect(openCmhwWeeks(weeks, '2026-11-24').map((w) => w.year)).toEqual([2027]);
    expect(openCmhwWeeks(weeks, '2026-02-13').map((w) => w.year)).toEqual([2026, 2027]);
    expect(openCmhwWeeks(weeks, '2026-02-14').map((w) => w.year)).toEqual([2027]);
  });

  it('is empty when the next week is not known yet', () => {
    expect(openCmhwWeeks(weeks.slice(0, 2), '2026-11-24')).toEqual([]);
  });
});

describe('describeCmhwWeek', () => {
  it('names the year, theme and school days', () => {
    expect(describeCmhwWeek(weeks[0]!, 'en-GB')).toBe(
      '2026: Theme 2026 (9 February 2026 to 13 February 2026)',
    );
    expect(describeCmhwWeek(weeks[0]!, 'cy')).toMatch(/^2026: Thema 2026 \(9 Chwefror 2026 i 13/);
  });
});
