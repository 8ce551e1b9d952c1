import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseLevels, levels, type ViewClass, type ViewNode } from './suppression.js';
import { attack, type Atom, type Equation } from './trends-attacker.js';

const one = (id: string, counts: number[]): ViewClass => ({ id, checkins: [counts] });
const classNode = (id: string): ViewNode => ({ id: `c:${id}`, classes: [id] });

describe('levels, by hand', () => {
  it('never shows a point beside its total and a band that would leave one pupil to be worked out', () => {
    // Issue 22, leak 1: 23 answered, 0/10/1/6/6. Before: total, option 2 and the high band were
    // shown, and 23 − 10 − 12 = 1 pupil chose 1 or 3. Now: the total and "4–5" (12), so "1–3"
    // is 11 pupils; no single point.
    const level = chooseLevels([one('A', [0, 10, 1, 6, 6])], [classNode('A')], 10);
    expect(level.get('c:A')).toBe(2);
  });

  it('shows "4–5" when both it and "1–3" have k pupils, bands when all three do, points when all five do', () => {
    expect(chooseLevels([one('A', [2, 3, 5, 6, 6])], [classNode('A')], 10).get('c:A')).toBe(2);
    expect(chooseLevels([one('A', [5, 5, 10, 6, 6])], [classNode('A')], 10).get('c:A')).toBe(3);
    expect(chooseLevels([one('A', [10, 10, 10, 10, 10])], [classNode('A')], 10).get('c:A')).toBe(4);
    // A point nobody chose is not shown either (it would be a group of 0 that pins its neighbours).
    expect(chooseLevels([one('A', [0, 10, 10, 10, 10])], [classNode('A')], 10).get('c:A')).toBe(3);
  });

  it('hides a second class when the year total would give away a small one', () => {
    const classes = [
      one('A', [0, 0, 0, 28, 0]),
      one('B', [0, 0, 0, 30, 0]),
      one('C', [0, 0, 0, 12, 0]),
      one('D', [0, 0, 0, 4, 0]),
    ];
    const nodes = [
      ...['A', 'B', 'C', 'D'].map(classNode),
      { id: 'y:7', classes: ['A', 'B', 'C', 'D'] },
    ];
    const level = chooseLevels(classes, nodes, 10);
    expect(level.get('c:D')).toBe(0);
    // D alone (4) would be the year minus the others: the smallest other class (C, 12) goes too.
    expect(level.get('c:C')).toBe(0);
    expect([level.get('c:A'), level.get('c:B'), level.get('y:7')].every((l) => l! >= 1)).toBe(true);
  });

  it('counts people, not answers, over a week of daily check-ins', () => {
    // Five check-ins of 8 pupils each: 40 answers but perhaps only 8 pupils.
    const week: ViewClass = { id: 'A', checkins: Array(5).fill([0, 0, 0, 8, 0]) as number[][] };
    expect(chooseLevels([week], [classNode('A')], 10).get('c:A')).toBe(0);
    expect(chooseLevels([week], [classNode('A')], 5).get('c:A')).toBe(1);
  });

  it('refuses k below 5 and two nodes over the same classes', () => {
    expect(() => chooseLevels([one('A', [9, 9, 9, 9, 9])], [classNode('A')], 4)).toThrow(
      /at least 5/,
    );
    expect(() =>
      chooseLevels([one('A', [9, 9, 9, 9, 9])], [classNode('A'), { id: 'y', classes: ['A'] }], 10),
    ).toThrow(/same classes/);
  });
});

/** Equations for everything a view shows at the chosen levels, over (class, check-in, point) atoms. */
function released(classes: ViewClass[], nodes: ViewNode[], level: Map<string, number>) {
  const atoms: Atom[] = classes.flatMap((c) =>
    c.checkins.flatMap((counts, i) =>
      counts.map((value, option) => ({
        id: `${c.id}/${i}#${option}`,
        teamId: c.id,
        date: `d${i}`,
        checkinId: `${c.id}/${i}`,
        option,
        value,
      })),
    ),
  );
  const equations: Equation[] = [];
  for (const n of nodes) {
    for (let r = 1; r <= level.get(n.id)!; r++) {
      for (const block of levels[r]!) {
        const ids = atoms
          .filter((a) => n.classes.includes(a.teamId) && block.includes(a.option))
          .map((a) => a.id);
        const value = atoms.filter((a) => ids.includes(a.id)).reduce((s, a) => s + a.value, 0);
        equations.push({ atoms: ids, value, label: `${n.id}:${block.join('')}` });
      }
    }
  }
  return { atoms, equations };
}

describe('levels, attacked on linear combinations', () => {
  const counts = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 5, maxLength: 5 });
  const classArb = fc.record({
    year: fc.constantFrom('7', '8', 'none'),
    checkins: fc.array(counts, { minLength: 1, maxLength: 2 }),
  });

  it('no linear combination of what one view shows pins 1..k−1 pupils', () => {
    fc.assert(
      fc.property(
        fc.array(classArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(5, 8, 10),
        (spec, k) => {
          const classes: ViewClass[] = spec.map((c, i) => ({ id: `c${i}`, checkins: c.checkins }));
          const nodes: ViewNode[] = classes.map((c) => classNode(c.id));
          const years = new Map<string, string[]>();
          spec.forEach((c, i) => {
            if (c.year !== 'none') years.set(c.year, [...(years.get(c.year) ?? []), `c${i}`]);
          });
          for (const [year, members] of years) {
            if (members.length > 1) nodes.push({ id: `y:${year}`, classes: members });
          }
          const inTotals = [...years.values()].flat();
          if (years.size > 1) nodes.push({ id: 's', classes: inTotals });
          const level = chooseLevels(classes, nodes, k);
          const { atoms, equations } = released(classes, nodes, level);
          expect(attack(atoms, equations, { k })).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is the same whatever order the classes and nodes come in', () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 2, maxLength: 5 }), (rows) => {
        const classes = rows.map((r, i) => one(`c${i}`, r));
        const nodes = [
          ...classes.map((c) => classNode(c.id)),
          { id: 'y', classes: classes.map((c) => c.id) },
        ];
        const a = chooseLevels(classes, nodes, 5);
        const b = chooseLevels([...classes].reverse(), [...nodes].reverse(), 5);
        expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
      }),
      { numRuns: 100 },
    );
  });
});
