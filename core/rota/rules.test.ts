/** The rota's shared rules (rules.ts): weeks by their Monday, date ranges, why a duty is short. */
import { beforeEach, describe, expect, it } from 'vitest';
import { BelongError } from '../errors.js';
import { assign, coordinator, id, school, service } from '../testing/rota-school.js';
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
    expect(unfilledReason(3, 3, 1)).toBe('someone_free');
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
        const said = view.unfilled
          .filter((u) => u.date > view.today)
          .map(({ date, slotId, missing, reason }) => ({ date, slotId, missing, reason }));
        expect(said).toEqual(fromFill);
      }
    });
  });

  describe('tells one story: the reason, the Add dialog and the server agree', () => {
    beforeEach(() => school({ maxPerWeek: 1 }));

    it("says someone is free on today's short duty, which a fill leaves alone", async () => {
      await school(); // at most 3 a week: someone is still free on Tuesday
      // Tuesday 24 November is today: a fill changes only later days.
      await service.fill(coordinator);
      const view = await service.overview(coordinator, '2026-11-23');
      const today = view.unfilled.filter((u) => u.date === view.today && u.slotId === 'lunch-2');
      expect(today).toHaveLength(1);
      const [duty] = today;
      const free = duty!.candidates.filter((c) => c.problems.length === 0);
      expect(free.length).toBeGreaterThan(0);
      expect(duty!.reason).toBe('someone_free');
      // Those who can come first; nobody on the duty or inactive is a candidate.
      expect(duty!.candidates.slice(0, free.length)).toEqual(free);
    });

    it('every candidate the overview offers can be added, and every one it says cannot is refused', async () => {
      await assign(1, '2026-11-25', 'lunch-3'); // ambassador 1 reaches the weekly maximum of 1
      const view = await service.overview(coordinator, '2026-11-23');
      const duty = view.unfilled.find((u) => u.date === '2026-11-26' && u.slotId === 'lunch-4')!;
      const blocked = duty.candidates.find((c) => c.ambassadorId === id(1))!;
      expect(blocked.problems).toContain('atMaximum');
      for (const c of duty.candidates) {
        const outcome = await service
          .changeAssignment(coordinator, {
            action: 'assign',
            date: duty.date,
            slotId: duty.slotId,
            ambassadorId: c.ambassadorId,
          })
          .then(
            () => 'added',
            (e: BelongError) => e.problems?.join(','),
          );
        expect(outcome, c.ambassadorId).toBe(
          c.problems.length === 0 ? 'added' : c.problems.join(','),
        );
        if (outcome === 'added')
          await service.changeAssignment(coordinator, {
            action: 'clear',
            date: duty.date,
            slotId: duty.slotId,
            ambassadorId: c.ambassadorId,
          });
      }
    });
  });
});
