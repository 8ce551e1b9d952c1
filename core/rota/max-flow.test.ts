/** Auto-fill's first pass (max-flow.ts): the most places filled, then the fairest loads. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ambassador,
  arbSchool,
  bestByBruteForce,
  checkHardRules,
  lockSome,
  periods,
  rota,
  slot,
  small,
  sortedDown,
  type Shape,
} from '../testing/autofill-schools.js';
import { autofill } from './autofill.js';
import { dutiesOf, type Availability, type Weekday } from './rota.js';

describe('autofill: most places filled, then fairest loads', () => {
  const tiny: Shape = { ambassadors: [2, 3], slots: [2, 4], days: 10, needed: 2, weekdays: 3 };
  it('matches brute force on tiny schools (with and without locks)', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbSchool(tiny), fc.array(fc.boolean(), { minLength: 1 }), (input, mask) => {
        const duties = dutiesOf(input.rota, input.slots).length;
        fc.pre(duties >= 2 && duties <= 7);
        for (const variant of [input, lockSome(input, autofill(input), mask)]) {
          const result = autofill(variant);
          const best = bestByBruteForce(variant);
          expect(result.stats.filled).toBe(best.filled);
          expect(sortedDown(result.loads)).toEqual(best.loads);
        }
        compared++;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('keeps the gap between most and least loaded ≤ 1 when everyone can do every time', () => {
    const everything: Availability[] = [1, 2, 3, 4, 5].flatMap((weekday) =>
      periods.map((periodId) => ({ weekday: weekday as Weekday, periodId })),
    );
    fc.assert(
      fc.property(
        arbSchool({ ambassadors: [1, 12], slots: [1, 10], days: 28, needed: 4, weekdays: 5 }),
        (school) => {
          const input = {
            ...school,
            ambassadors: school.ambassadors.map((a) => ({ ...a, availability: everything })),
          };
          const result = autofill(input);
          checkHardRules(input, result);
          expect(result.stats.maxMinGap).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never fills fewer places or balances worse for the sake of rest days and mixing', () => {
    fc.assert(
      fc.property(arbSchool(small), (input) => {
        const plain = autofill(input, { improve: false });
        const improved = autofill(input);
        checkHardRules(input, plain);
        expect(improved.stats.filled).toBe(plain.stats.filled);
        expect(sortedDown(improved.loads)).toEqual(sortedDown(plain.loads));
        const { closePairs: c1, sameYearPairs: y1 } = plain.stats;
        const { closePairs: c2, sameYearPairs: y2 } = improved.stats;
        expect(c2 < c1 || (c2 === c1 && y2 <= y1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('autofill: fairness needs chains across weeks', () => {
  it('moves ada to week B so that ben, who can only do week A, gets a duty', () => {
    const result = autofill({
      rota: rota({
        endDate: '2026-09-18',
        weekAB: true,
        schoolDates: ['2026-09-07', '2026-09-14'],
      }),
      slots: [slot('mon', 1, 'lunch')],
      ambassadors: [
        ambassador('ada', [{ weekday: 1, periodId: 'lunch' }]),
        ambassador('ben', [{ weekday: 1, periodId: 'lunch', week: 'A' }]),
      ],
    });
    expect(result.assignments).toEqual([
      { date: '2026-09-07', slotId: 'mon', ambassadorId: 'ben' },
      { date: '2026-09-14', slotId: 'mon', ambassadorId: 'ada' },
    ]);
  });
});
