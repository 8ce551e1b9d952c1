/**
 * The four leaks of issue 22, each as a member of staff found it: ordinary reads of the trends
 * and arithmetic on everything read. The attacker (trends-attacker.ts) keeps every figure and
 * works on linear combinations of them.
 */
import { describe, expect, it } from 'vitest';
import { attack } from './trends-attacker.js';
import { trendsHarness } from '../testing/trends-harness.js';
import { atomsOf, equationOf, type Figure, type SchoolState } from './trends-scenario.js';

const checkin = (id: string, teamId: string, date: string, counts: number[], closed = true) => ({
  id,
  teamId,
  date,
  counts,
  closed,
  classSize: 25,
});

/** Runs the steps, reading after each, and attacks everything read. */
async function leaksOf(start: SchoolState, steps: ((s: SchoolState) => void)[]) {
  const harness = await trendsHarness();
  const s: SchoolState = structuredClone(start);
  const figures: Figure[] = [...(await harness.read(s))];
  let smallestK = s.k;
  for (const step of steps) {
    step(s);
    smallestK = Math.min(smallestK, s.k);
    figures.push(...(await harness.read(s)));
  }
  // Something was shown: an attack on nothing proves nothing.
  expect(figures.length).toBeGreaterThan(0);
  return attack(
    atomsOf(s),
    figures.map((f) => equationOf(s, f)),
    { k: smallestK },
  );
}

export const leakScenarios = {
  /** 1. Two sums, one read: total − option 2 − high band = options 1 and 3 together. */
  twoSums: (): [SchoolState, ((s: SchoolState) => void)[]] => [
    {
      k: 10,
      yearGroups: { A: '7' },
      teamIds: ['A'],
      checkins: [checkin('a1', 'A', '2026-11-23', [0, 10, 1, 6, 6])],
      today: '2026-11-30',
    },
    [],
  ],
  /** 2. Reading again after each check-in closes: the week's total moves by one day's count. */
  rereads: (): [SchoolState, ((s: SchoolState) => void)[]] => {
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    const counts = [
      [0, 0, 3, 5, 3],
      [0, 0, 3, 5, 3],
      [0, 0, 3, 5, 3],
      [0, 0, 3, 5, 3],
      [0, 0, 2, 4, 2],
    ];
    return [
      {
        k: 10,
        yearGroups: { A: '7' },
        teamIds: ['A'],
        checkins: days.map((d, i) => checkin(`a${i}`, 'A', d, counts[i]!, false)),
        today: '2026-11-23',
      },
      [
        ...days.map((_, i) => (s: SchoolState) => {
          s.checkins[i]!.closed = true;
        }),
        // The next Monday: the week is over and every check-in has closed.
        (s: SchoolState) => void (s.today = '2026-11-30'),
      ],
    ];
  },
  /** 3. Changing k and back: the year and a class's total at one k, other figures at another. */
  kChanges: (): [SchoolState, ((s: SchoolState) => void)[]] => [
    {
      k: 10,
      yearGroups: { A: '7', B: '7' },
      teamIds: ['A', 'B'],
      checkins: [
        checkin('a1', 'A', '2026-11-23', [2, 3, 1, 5, 7]),
        checkin('b1', 'B', '2026-11-23', [1, 1, 0, 7, 2]),
        checkin('b2', 'B', '2026-11-24', [1, 1, 2, 1, 8]),
      ],
      today: '2026-11-30',
    },
    [(s) => void (s.k = 5), (s) => void (s.k = 10)],
  ],
  /** 4. A set marked "not in totals" after its year and school figures were seen. */
  totalsChange: (): [SchoolState, ((s: SchoolState) => void)[]] => [
    {
      k: 10,
      yearGroups: { A: '7', B: '7', S: '7' },
      teamIds: ['A', 'B', 'S'],
      checkins: [
        checkin('a1', 'A', '2026-11-23', [0, 0, 2, 5, 5]),
        checkin('b1', 'B', '2026-11-23', [0, 0, 2, 5, 5]),
        checkin('s1', 'S', '2026-11-23', [0, 0, 1, 5, 5]),
      ],
      today: '2026-11-30',
    },
    [(s) => void (s.yearGroups.S = 'none')],
  ],
};

describe('the four leaks of issue 22 are gone', () => {
  // Each of these was found on the engine before the fix (commit 88aaaa9 of this file).
  for (const [name, scenario] of Object.entries(leakScenarios)) {
    it(name, async () => {
      const [start, steps] = scenario();
      expect(await leaksOf(start, steps)).toEqual([]);
    });
  }
});
