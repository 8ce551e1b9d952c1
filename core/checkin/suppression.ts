/**
 * Small-group suppression for every staff view of check-in data (decision 012). A view is a set
 * of cells (counts) tied together by sums: an item's respondents are the sum of its option
 * counts, a year group is the sum of its classes, a week the sum of its days. A reader who sees
 * some cells can work others out by subtraction. This module withholds cells so that nothing a
 * reader sees, or can work out from what they see, describes fewer than k people:
 *
 * 1. Primary: a cell with fewer than k respondents is withheld.
 * 2. Secondary: for every sum whose total can be known, the withheld parts together (the total
 *    minus the parts shown) must describe no one or at least k people; otherwise the smallest
 *    shown part is withheld too, or, when none is left, the total.
 * 3. Repeat until nothing changes, treating every cell that can be worked out as shown.
 *
 * Deterministic: ties are broken by cell id. The API never returns a withheld value.
 */

export interface Cell {
  id: string;
  /** Additive count (answers). */
  value: number;
  /** At least this many different people are behind the value (the k rule applies to this). */
  respondents: number;
  /**
   * The most answers one person can contribute to this cell: 1 for one check-in, the number of
   * check-ins for a week or a term. Turns a worked-out count into a number of people.
   */
  perPerson: number;
}

/** `parent.value` = sum of `children` values. */
export interface SumRelation {
  parent: string;
  children: readonly string[];
}

export interface SuppressionResult {
  /** Ids of withheld cells. */
  withheld: Set<string>;
  /** Why each one was withheld: below k itself, or to protect another cell. */
  reason: Map<string, 'primary' | 'secondary'>;
}

/** The smallest k a school may choose; below this the setting is refused. */
export const minimumK = 5;
export const defaultK = 10;
export const maximumK = 20;

/** People behind `answers` answers when each person gives at most `perPerson` (never fewer than 1 if any). */
const peopleIn = (answers: number, perPerson: number) =>
  answers <= 0 ? 0 : Math.ceil(answers / Math.max(1, perPerson));

export function suppress(
  cells: readonly Cell[],
  relations: readonly SumRelation[],
  k: number,
): SuppressionResult {
  if (!Number.isInteger(k) || k < minimumK) throw new RangeError(`k must be at least ${minimumK}`);
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const r of relations)
    for (const id of [r.parent, ...r.children])
      if (!byId.has(id)) throw new RangeError(`Unknown cell ${id} in a relation`);

  // A fixed order, so the same view always withholds the same cells whatever order it came in.
  relations = [...relations].sort(
    (a, b) =>
      a.parent.localeCompare(b.parent) ||
      a.children.join('\u0000').localeCompare(b.children.join('\u0000')),
  );
  const withheld = new Set<string>();
  const reason = new Map<string, 'primary' | 'secondary'>();
  const sorted = [...cells].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
  for (const c of sorted) {
    if (c.respondents < k) {
      withheld.add(c.id);
      reason.set(c.id, 'primary');
    }
  }

  const withhold = (id: string) => {
    withheld.add(id);
    if (!reason.has(id)) reason.set(id, 'secondary');
  };

  const smallest = (ids: Iterable<string>) =>
    [...ids]
      .filter((id) => !withheld.has(id))
      .map((id) => byId.get(id)!)
      .sort((a, b) => a.value - b.value || a.id.localeCompare(b.id))[0]?.id;
  const members = (r: SumRelation) => [r.parent, ...r.children];
  /** The sums each cell is in, in the fixed order above. */
  const relationsOf = new Map<string, SumRelation[]>();
  for (const r of relations) {
    for (const id of new Set(members(r))) {
      const list = relationsOf.get(id);
      if (list) list.push(r);
      else relationsOf.set(id, [r]);
    }
  }

  for (;;) {
    const next = nextToWithhold();
    if (next === undefined) break;
    withhold(next);
  }
  return { withheld, reason };

  /** The next cell to withhold so that fewer small groups can be worked out, or undefined when safe. */
  function nextToWithhold(): string | undefined {
    const known = knownCells(cells, relations, withheld);
    // (a) A withheld cell that can still be worked out and describes 1..k-1 people: hide another
    // cell of a sum it is worked out from.
    for (const id of [...withheld].sort()) {
      if (!known.has(id)) continue;
      const c = byId.get(id)!;
      const people = peopleIn(c.value, c.perPerson);
      if (people === 0 || people >= k) continue;
      const paths = (relationsOf.get(id) ?? []).filter((r) =>
        members(r).every((m) => m === id || known.has(m)),
      );
      const pick = smallest(paths.flatMap(members).filter((m) => m !== id));
      if (pick) return pick;
      return smallest(byId.keys());
    }
    // (b) A known total whose hidden parts together describe 1..k-1 people: hide one more part,
    // else the total, else a cell of a sum the total is worked out from.
    for (const r of relations) {
      if (!known.has(r.parent)) continue;
      const hidden = r.children.filter((id) => !known.has(id));
      if (!hidden.length) continue;
      const residual =
        byId.get(r.parent)!.value -
        r.children.filter((id) => known.has(id)).reduce((sum, id) => sum + byId.get(id)!.value, 0);
      const perPerson = Math.max(...hidden.map((id) => byId.get(id)!.perPerson));
      const people = peopleIn(residual, perPerson);
      if (people === 0 || people >= k) continue;
      const around = (relationsOf.get(r.parent) ?? []).flatMap(members);
      return (
        smallest(r.children) ?? smallest([r.parent]) ?? smallest(around) ?? smallest(byId.keys())
      );
    }
    return undefined;
  }
}

/**
 * Every cell a reader can know: the ones shown, plus the ones worked out by subtraction, one sum
 * at a time, until nothing more can be worked out.
 */
export function knownCells(
  cells: readonly Cell[],
  relations: readonly SumRelation[],
  withheld: ReadonlySet<string>,
): Set<string> {
  const known = new Set(cells.map((c) => c.id).filter((id) => !withheld.has(id)));
  // A worklist over the sums: each keeps how many of its children are still unknown, and a sum
  // is looked at again only when one of its cells becomes known. Same result as sweeping every
  // sum until nothing changes (the closure doesn't depend on the order), in linear time.
  const unknownChildren = relations.map((r) => r.children.filter((id) => !known.has(id)).length);
  const touching = new Map<string, number[]>();
  relations.forEach((r, i) => {
    for (const id of [r.parent, ...r.children]) {
      const list = touching.get(id);
      if (list) list.push(i);
      else touching.set(id, [i]);
    }
  });
  const queue: number[] = relations.map((_, i) => i);
  const learn = (id: string) => {
    if (known.has(id)) return;
    known.add(id);
    for (const i of touching.get(id) ?? []) {
      if (relations[i]!.children.includes(id)) unknownChildren[i]! -= 1;
      queue.push(i);
    }
  };
  while (queue.length) {
    const i = queue.pop()!;
    const r = relations[i]!;
    if (!known.has(r.parent) && unknownChildren[i] === 0) learn(r.parent);
    else if (known.has(r.parent) && unknownChildren[i] === 1) {
      learn(r.children.find((id) => !known.has(id))!);
    }
  }
  return known;
}
