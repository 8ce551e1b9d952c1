/**
 * Small-group suppression for every staff view of check-in data (decision 012). The rule: nothing
 * released, taken together — any linear combination of the figures — may pin down a group of 1
 * to k−1 pupils.
 *
 * A view (one question, one period) is a laminar family of nodes — classes, year groups (sums of
 * classes), the school (the sum of year groups) — and for each node a distribution over the five
 * points. Rather than letting each cell be shown or withheld on its own (whose safety over all
 * linear combinations is hard to decide), every node is shown at one **level** of a fixed chain
 * of ever finer ways to split the points:
 *
 *   0 nothing · 1 the total · 2 "1–3" and "4–5" · 3 the bands 1–2, 3, 4–5 · 4 every point
 *
 * For such a release the groups a reader can pin are exactly the disjoint unions of its
 * **effective cells** (proof in decision 012): for each level r, the nodes shown at level r or
 * finer carve the classes into regions (a node's classes minus those of its largest sub-nodes
 * that are also shown that finely), and each region × each block of level r's split is one
 * effective cell. So the release is safe if and only if every effective cell describes at least k
 * pupils (or has no classes in it). The engine starts each node at the finest level its own
 * cells allow (primary) and, while an effective cell is too small, shows the smallest sub-node
 * of its region one level coarser (secondary). Deterministic: ties break by node id.
 */

/** The smallest k a school may choose; below this the setting is refused. */
export const minimumK = 5;
export const defaultK = 10;
export const maximumK = 20;

/** Levels of detail, coarsest first: the blocks of points (0-based) each level shows. */
export const levels: readonly (readonly (readonly number[])[])[] = [
  [],
  [[0, 1, 2, 3, 4]],
  [
    [0, 1, 2],
    [3, 4],
  ],
  [[0, 1], [2], [3, 4]],
  [[0], [1], [2], [3], [4]],
];
export const finest = levels.length - 1;

/** One class in the view: its counts for points 1–5 in each check-in of the period. */
export interface ViewClass {
  id: string;
  checkins: readonly (readonly number[])[];
}

/** A node of the view: a class, a year group or the school, by the classes it sums. */
export interface ViewNode {
  id: string;
  classes: readonly string[];
}

interface BlockStats {
  answers: number;
  /** The most answers one check-in gave: a lower bound on different pupils. */
  least: number;
}

/**
 * The level each node may be shown at, so that no linear combination of everything shown pins a
 * group of 1..k−1 pupils. Nodes must form a laminar family with distinct class sets.
 */
export function chooseLevels(
  classes: readonly ViewClass[],
  nodes: readonly ViewNode[],
  k: number,
): Map<string, number> {
  if (!Number.isInteger(k) || k < minimumK) throw new RangeError(`k must be at least ${minimumK}`);
  const stats = new Map<string, { blocks: BlockStats[][]; perPerson: number }>();
  for (const c of classes) {
    stats.set(c.id, {
      perPerson: c.checkins.length,
      blocks: levels.map((blocks) =>
        blocks.map((block) => {
          let answers = 0;
          let least = 0;
          for (const counts of c.checkins) {
            const n = block.reduce((sum, o) => sum + (counts[o] ?? 0), 0);
            answers += n;
            least = Math.max(least, n);
          }
          return { answers, least };
        }),
      ),
    });
  }
  /** Whether the block's count over these classes describes at least k pupils. */
  const safe = (members: Iterable<string>, level: number, block: number) => {
    let answers = 0;
    let least = 0;
    let perPerson = 1;
    for (const id of members) {
      const s = stats.get(id);
      if (!s) throw new RangeError(`Unknown class ${id}`);
      answers += s.blocks[level]![block]!.answers;
      least += s.blocks[level]![block]!.least;
      perPerson = Math.max(perPerson, s.perPerson);
    }
    return Math.max(least, Math.ceil(answers / perPerson)) >= k;
  };
  const allSafe = (members: readonly string[], level: number) =>
    levels[level]!.every((_, b) => safe(members, level, b));

  // The laminar tree: each node's parent is the smallest node strictly containing it.
  const sorted = [...nodes].sort((a, b) => a.classes.length - b.classes.length || cmp(a.id, b.id));
  const sets = new Map(sorted.map((n) => [n.id, new Set(n.classes)]));
  const keys = new Set<string>();
  for (const n of sorted) {
    const key = [...n.classes].sort().join('\u0000');
    if (keys.has(key)) throw new RangeError(`Two nodes sum the same classes (${n.id})`);
    keys.add(key);
  }
  const children = new Map<string, string[]>(sorted.map((n) => [n.id, []]));
  sorted.forEach((n, i) => {
    const parent = sorted
      .slice(i + 1)
      .find(
        (m) =>
          m.classes.length > n.classes.length && n.classes.every((c) => sets.get(m.id)!.has(c)),
      );
    if (parent) children.get(parent.id)!.push(n.id);
  });

  // Primary: the finest level at which the node's own cells are all safe (coarser blocks are
  // unions of finer ones, so they are safe too).
  const level = new Map<string, number>();
  for (const n of sorted) {
    let r = finest;
    while (r > 0 && !allSafe(n.classes, r)) r -= 1;
    level.set(n.id, r);
  }
  const byId = [...sorted].sort((a, b) => cmp(a.id, b.id));
  const total = (id: string) =>
    sets.get(id)!.size === 0
      ? 0
      : [...sets.get(id)!].reduce((sum, c) => sum + stats.get(c)!.blocks[1]![0]!.answers, 0);

  /** The largest sub-nodes of `id` shown at level r or finer. */
  const shownBelow = (id: string, r: number): string[] =>
    children.get(id)!.flatMap((m) => (level.get(m)! >= r ? [m] : shownBelow(m, r)));

  // Secondary: while some effective cell is too small, coarsen the smallest sub-node of its
  // region. One pass per level, finest last, is enough: coarsening a node only changes levels r
  // and finer, and only makes other regions at r larger, and larger regions stay safe (counts and
  // their lower bounds on pupils only grow).
  for (let r = 1; r <= finest; r++) {
    for (const n of byId) {
      while (level.get(n.id)! >= r) {
        const below = shownBelow(n.id, r);
        const taken = new Set(below.flatMap((m) => [...sets.get(m)!]));
        const region = n.classes.filter((c) => !taken.has(c));
        if (!region.length || allSafe(region, r)) break;
        const pick = [...below].sort((a, b) => total(a) - total(b) || cmp(a, b))[0] ?? n.id;
        level.set(pick, r - 1);
      }
    }
  }
  return level;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
