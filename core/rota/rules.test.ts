/** The rota's shared rules (rules.ts): weeks by their Monday, date ranges, why a duty is short. */
import { beforeEach, describe, expect, it } from 'vitest';
import { BelongError } from '../errors.js';
import { coordinator, school, service } from '../testing/rota-school.js';
import { checkRange, mondaysOf, unfilledReason } from './rules.js';
import { mondayOf } from '../dates.js';

describe('weeks by their Monday', () => {
  it('finds the Monday of any day, across months, years and clock changes', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2026-10-25')).toBe('2026-10-19'); // the clocks go back
    expect(mondayOf('2026-03-29')).toBe('2026-03-23'); // the clocks go forward
  });

  it('lists the Mondays of every week with a day in a range', () => {
    expect(mondaysOf('2026-11-26', '2026-12-08')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(mondaysOf('2026-12-28', '2027-01-04')).toEqual(['2026-12-28', '2027-01-04']);
    expect(mondaysOf('2026-11-28', '2026-11-29')).toEqual(['2026-11-23']);
  });
});

describe('date ranges', () => {
  const problems = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as BelongError).problems;
    }
    return undefined;
  };

  it('defaults the end, and refuses what cannot be a range', () => {
    expect(checkRange('2026-11-23', undefined, 6)).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(checkRange('2026-12-28', undefined, 6)).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(checkRange('2026-11-23', '2026-11-23', 6)).toEqual({
      from: '2026-11-23',
      to: '2026-11-23',
    });
    expect(problems(() => checkRange('2026-02-30', undefined, 6))).toEqual(['dateInvalid']);
    expect(problems(() => checkRange('2026-11-23', '2026-11-22', 0))).toEqual(['endBeforeStart']);
    expect(problems(() => checkRange('2026-11-23', '2027-11-24', 0))).toEqual(['rangeTooLong']);
    expect(() => checkRange('2026-11-23', '2027-11-23', 0)).not.toThrow(); // 365 days;
  });
});

describe('why a duty is short', () => {
  it('nobody else could do it; all who could are at the maximum; or they are busy', () => {
    expect(unfilledReason(0, 0)).toBe('nobody_available');
    expect(unfilledReason(3, 3)).toBe('everyone_at_maximum');
    expect(unfilledReason(3, 1)).toBe('everyone_busy');
    expect(unfilledReason(2, 0)).toBe('everyone_busy');
  });

  describe('says the same after a fill as the overview does', () => {
    beforeEach(() => school({ maxPerWeek: 1 }));

    it('for every duty the fill left short', async () => {
      const { unfilled } = await service.fill(coordinator);
      expect(unfilled.length).toBeGreaterThan(0);
      const weeks = [...new Set(unfilled.map((u) => mondayOf(u.date)))];
      for (const monday of weeks) {
        const view = await service.overview(coordinator, monday);
        const fromFill = unfilled.filter((u) => mondayOf(u.date) === monday);
        expect(view.unfilled.filter((u) => u.date > view.today)).toEqual(fromFill);
      }
    });
  });
});
