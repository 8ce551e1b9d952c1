import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownCells, suppress, type Cell, type SumRelation } from './suppression.js';

const k = 10;
const cell = (id: string, value: number, respondents = value, perPerson = 1): Cell => ({
  id,
  value,
  respondents,
  perPerson,
});
const shown = (cells: Cell[], relations: SumRelation[], kk = k) => {
  const { withheld } = suppress(cells, relations, kk);
  return cells.filter((c) => !withheld.has(c.id)).map((c) => c.id);
};

describe('suppression, by hand', () => {
  it('withholds small options and one more, so the rest cannot be worked out', () => {
    // 25 answered: 12 good, 10 okay, 2 low, 1 very low, 0 sad.
    const cells = [
      cell('all', 25),
      cell('good', 12),
      cell('okay', 10),
      cell('low', 2),
      cell('vlow', 1),
      cell('sad', 0),
    ];
    const relations = [{ parent: 'all', children: ['good', 'okay', 'low', 'vlow', 'sad'] }];
    // Showing 12 and 10 would tell anyone that 3 chose one of the small options: 10 is hidden too.
    expect(shown(cells, relations)).toEqual(['all', 'good']);
  });

  it('shows the class total when everyone is in one small option each', () => {
    const cells = [cell('all', 12), cell('a', 8), cell('b', 3), cell('c', 1)];
    expect(shown(cells, [{ parent: 'all', children: ['a', 'b', 'c'] }])).toEqual(['all']);
  });

  it('withholds a small class and a second class, so the year total cannot give it away', () => {
    const cells = [
      cell('year', 74),
      cell('7A', 28),
      cell('7B', 30),
      cell('7C', 12),
      cell('7D', 4, 4),
    ];
    const relations = [{ parent: 'year', children: ['7A', '7B', '7C', '7D'] }];
    expect(shown(cells, relations)).toEqual(['year', '7A', '7B']);
  });

  it('withholds the total when the parts that are left can only describe a small group', () => {
    const cells = [cell('all', 11), cell('a', 11), cell('b', 0, 0)];
    // 'b' (0) is withheld; the residual is 0 people, so the total and 'a' can be shown.
    expect(shown(cells, [{ parent: 'all', children: ['a', 'b'] }])).toEqual(['all', 'a']);
    const few = [cell('all', 9), cell('a', 9)];
    expect(shown(few, [{ parent: 'all', children: ['a'] }])).toEqual([]);
  });

  it('counts people, not answers, over a week of daily check-ins', () => {
    // A week of 5 check-ins: 40 answers but at most 8 different pupils on any day: withheld.
    const week = cell('week', 40, 8, 5);
    expect(shown([week], [])).toEqual([]);
    expect(shown([cell('week', 60, 12, 5)], [])).toEqual(['week']);
  });

  it('refuses k below 5 and relations to unknown cells', () => {
    expect(() => suppress([cell('a', 20)], [], 4)).toThrow(/at least 5/);
    expect(() => suppress([cell('a', 20)], [{ parent: 'a', children: ['x'] }], 10)).toThrow(
      /Unknown cell/,
    );
  });
});

/**
 * A random school view: years of classes, a week of daily check-ins, one item with a few options.
 * Cells for every (group, period, option or total) with sums over options, groups and days.
 */
const schoolView = fc
  .record({
    years: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    days: fc.integer({ min: 1, max: 3 }),
    options: fc.integer({ min: 2, max: 4 }),
    seedCounts: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 120, maxLength: 120 }),
    k: fc.integer({ min: 5, max: 12 }),
  })
  .map(({ years, days, options, seedCounts, k: kk }) => {
    let next = 0;
    const count = () => seedCounts[next++ % seedCounts.length]!;
    const classes = years.flatMap((n, y) =>
      Array.from({ length: n }, (_, c) => ({ y, id: `y${y}c${c}` })),
    );
    const groups = [
      ...classes.map((c) => ({ id: c.id, parts: [] as string[] })),
      ...years.map((_, y) => ({
        id: `y${y}`,
        parts: classes.filter((c) => c.y === y).map((c) => c.id),
      })),
      { id: 'school', parts: years.map((_, y) => `y${y}`) },
    ];
    const periods = [...Array.from({ length: days }, (_, d) => `d${d}`), 'week'];
    const opts = [...Array.from({ length: options }, (_, o) => `o${o}`), 'all'];
    const id = (g: string, p: string, o: string) => `${g}/${p}/${o}`;
    const value = new Map<string, number>();
    for (const c of classes)
      for (let d = 0; d < days; d++)
        for (let o = 0; o < options; o++) value.set(id(c.id, `d${d}`, `o${o}`), count());
    const get = (g: string, p: string, o: string): number => {
      const key = id(g, p, o);
      if (value.has(key)) return value.get(key)!;
      let v: number;
      if (o === 'all') v = opts.slice(0, -1).reduce((s, x) => s + get(g, p, x), 0);
      else if (p === 'week') v = periods.slice(0, -1).reduce((s, x) => s + get(g, x, o), 0);
      else v = groups.find((gr) => gr.id === g)!.parts.reduce((s, x) => s + get(x, p, o), 0);
      value.set(key, v);
      return v;
    };
    const cells: Cell[] = [];
    const relations: SumRelation[] = [];
    for (const g of groups)
      for (const p of periods)
        for (const o of opts) {
          const v = get(g.id, p, o);
          const respondents =
            p === 'week' ? Math.max(...periods.slice(0, -1).map((d) => get(g.id, d, o))) : v;
          cells.push({
            id: id(g.id, p, o),
            value: v,
            respondents,
            perPerson: p === 'week' ? days : 1,
          });
          if (o === 'all')
            relations.push({
              parent: id(g.id, p, o),
              children: opts.slice(0, -1).map((x) => id(g.id, p, x)),
            });
          if (p === 'week')
            relations.push({
              parent: id(g.id, p, o),
              children: periods.slice(0, -1).map((d) => id(g.id, d, o)),
            });
          if (g.parts.length)
            relations.push({ parent: id(g.id, p, o), children: g.parts.map((x) => id(x, p, o)) });
        }
    return { cells, relations, k: kk };
  });

describe('suppression, against an attacker who subtracts', () => {
  it('nothing shown or worked out describes 1 to k-1 people, and every sum leaves 0 or at least k hidden', () => {
    fc.assert(
      fc.property(schoolView, ({ cells, relations, k: kk }) => {
        const { withheld } = suppress(cells, relations, kk);
        const byId = new Map(cells.map((c) => [c.id, c]));
        for (const c of cells)
          if (!withheld.has(c.id)) expect(c.respondents).toBeGreaterThanOrEqual(kk);
        const known = knownCells(cells, relations, withheld);
        for (const id of known) {
          if (!withheld.has(id)) continue; // shown: its respondents were checked above
          const c = byId.get(id)!;
          const people = Math.ceil(c.value / c.perPerson);
          expect(people === 0 || people >= kk, `worked out ${id} = ${c.value}`).toBe(true);
        }
        for (const r of relations) {
          if (!known.has(r.parent)) continue;
          const hidden = r.children.filter((id) => !known.has(id));
          if (!hidden.length) continue;
          const residual =
            byId.get(r.parent)!.value -
            r.children.filter((id) => known.has(id)).reduce((s, id) => s + byId.get(id)!.value, 0);
          const people = Math.ceil(
            residual / Math.max(...hidden.map((id) => byId.get(id)!.perPerson)),
          );
          expect(people === 0 || people >= kk, `${r.parent} leaves ${residual} hidden`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same cells in any order withhold the same ones', () => {
    fc.assert(
      fc.property(schoolView, fc.integer(), ({ cells, relations, k: kk }, seed) => {
        const shuffled = [...cells].sort(
          (a, b) => ((a.id.length * seed) ^ b.value) - ((b.id.length * seed) ^ a.value),
        );
        const a = [...suppress(cells, relations, kk).withheld].sort();
        const b = [...suppress(shuffled, [...relations].reverse(), kk).withheld].sort();
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('the property test can fail: primary suppression alone leaks', () => {
    const cells = [cell('all', 25), cell('a', 12), cell('b', 10), cell('c', 3)];
    const relations = [{ parent: 'all', children: ['a', 'b', 'c'] }];
    const primaryOnly = new Set(['c']);
    const known = knownCells(cells, relations, primaryOnly);
    expect(known.has('c')).toBe(true); // 25 - 12 - 10 = 3: a small group worked out
    expect(suppress(cells, relations, k).withheld.has('b')).toBe(true);
  });
});
