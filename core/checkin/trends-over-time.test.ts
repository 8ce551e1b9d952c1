/**
 * The rule of decision 012 over time: for random schools and random sequences of events —
 * check-ins closing one by one with reads in between, days passing, k changed, classes moved in
 * and out of the totals, pupils joining and leaving — everything ever read, taken together,
 * pins no group of 1 to k−1 pupils (the attacker works on linear combinations of it all).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { attack } from './trends-attacker.js';
import { trendsHarness } from '../testing/trends-harness.js';
import { atomsOf, equationOf, type Figure, type SchoolState } from './trends-scenario.js';

const weeks = ['2026-11-16', '2026-11-23'];
const counts = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 5, maxLength: 5 });
const classArb = fc.record({
  year: fc.constantFrom('7', '8', 'none'),
  // Days of each week with a check-in (0 = Monday).
  days: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 })), {
    minLength: 1,
    maxLength: 3,
  }),
  counts: fc.array(counts, { minLength: 3, maxLength: 3 }),
});
const event = fc.oneof(
  fc.constant({ kind: 'close' as const }),
  fc.constant({ kind: 'close' as const }),
  fc.constant({ kind: 'day' as const }),
  fc.record({ kind: fc.constant('k' as const), k: fc.integer({ min: 5, max: 10 }) }),
  fc.record({
    kind: fc.constant('totals' as const),
    class: fc.nat(),
    year: fc.constantFrom('7', '8', 'none'),
  }),
  fc.record({
    kind: fc.constant('pupils' as const),
    class: fc.nat(),
    size: fc.integer({ min: 5, max: 30 }),
  }),
);

describe('trends over time, attacked', () => {
  it('nothing ever read, taken together, pins 1..k−1 pupils', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(classArb, { minLength: 1, maxLength: 4 }),
        fc.array(event, { minLength: 3, maxLength: 14 }),
        fc.integer({ min: 5, max: 10 }),
        async (spec, events, k0) => {
          const teamIds = spec.map((_, i) => `c${i}`);
          const start: SchoolState = {
            k: k0,
            yearGroups: Object.fromEntries(spec.map((c, i) => [`c${i}`, c.year])),
            teamIds,
            checkins: spec.flatMap((c, i) =>
              [...new Set(c.days.map(([w, d]) => addDays(weeks[w]!, d)))].sort().map((date, j) => ({
                id: `c${i}-${date}`,
                teamId: `c${i}`,
                date,
                counts: c.counts[j % 3]!,
                closed: false,
                classSize: 25,
              })),
            ),
            today: weeks[0]!,
          };
          const s = structuredClone(start);
          const harness = await trendsHarness();
          const figures: Figure[] = [];
          let smallestK = s.k;
          const read = async () => figures.push(...(await harness.read(s)));
          await read();
          for (const e of [...events, { kind: 'end' as const }]) {
            if (e.kind === 'close') {
              // The next open check-in closes (in date order), as the scheduler closes them.
              const next = [...s.checkins]
                .filter((c) => !c.closed)
                .sort((a, b) => a.date.localeCompare(b.date))[0];
              if (next) {
                next.closed = true;
                if (next.date > s.today) s.today = next.date;
              }
            } else if (e.kind === 'day') s.today = addDays(s.today, 2);
            else if (e.kind === 'k') s.k = e.k;
            else if (e.kind === 'totals') s.yearGroups[teamIds[e.class % teamIds.length]!] = e.year;
            else if (e.kind === 'pupils') {
              for (const c of s.checkins)
                if (c.teamId === teamIds[e.class % teamIds.length] && !c.closed)
                  c.classSize = e.size;
            } else {
              // At the end everything closes and both weeks are over.
              for (const c of s.checkins) c.closed = true;
              s.today = '2026-12-01';
            }
            smallestK = Math.min(smallestK, s.k);
            await read();
          }
          const leaks = attack(
            atomsOf(s),
            figures.map((f) => equationOf(s, f)),
            { k: smallestK },
          );
          expect(leaks).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
