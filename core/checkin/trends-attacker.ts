/**
 * The attacker of decision 012, for tests: a member of staff who keeps every figure the trends
 * have ever shown and works on linear combinations of them. Each figure is an equation over the
 * underlying counts (atoms: one check-in's count for one point of the scale). A group of atoms is
 * pinned when the equations fix its sum, i.e. its indicator vector lies in their row space; it is
 * a leak when it is pinned and describes 1 to k−1 pupils.
 *
 * How: Gaussian elimination modulo a large prime screens each candidate group quickly (a pinned
 * group always passes, since it is orthogonal to every solution of the homogeneous system); any
 * group that passes is then checked by exact integer elimination (BigInt), so a leak reported is
 * a real one. Candidates: every product group (some classes × some days × some points), and
 * every single atom and pair of atoms.
 *
 * Not in here: bounds from counts being non-negative (an attacker learning "between 2 and 7").
 */
import { mulberry32 } from '../prng.js';

export interface Atom {
  id: string;
  teamId: string;
  date: string;
  checkinId: string;
  /** 0..4 for points 1..5. */
  option: number;
  /** The true count. */
  value: number;
}

export interface Equation {
  atoms: readonly string[];
  value: number;
  /** Where it came from, for the report. */
  label: string;
}

export interface Leak {
  atoms: string[];
  answers: number;
  people: number;
  /** A few of the equations that pin it (those touching its atoms), for the report. */
  describe: string;
}

/** The largest prime below 2^26: products of two residues stay exact in a double. */
const prime = (() => {
  const isPrime = (n: number) => {
    for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
    return true;
  };
  let p = 2 ** 26 - 1;
  while (!isPrime(p)) p -= 2;
  return p;
})();

const mod = (a: number) => ((a % prime) + prime) % prime;
const mulmod = (a: number, b: number) => Number((BigInt(a) * BigInt(b)) % BigInt(prime));
function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, prime, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** Row-reduced rows modulo the prime, pivots scaled to 1. */
function reduceModP(rows: number[][], width: number): { rows: number[][]; pivots: number[] } {
  const out: number[][] = [];
  const pivots: number[] = [];
  const work = rows.map((r) => r.map(mod));
  let next = 0;
  for (let col = 0; col < width && next < work.length; col++) {
    const at = work.findIndex((r, i) => i >= next && r[col] !== 0);
    if (at < 0) continue;
    [work[next], work[at]] = [work[at]!, work[next]!];
    const pivot = work[next]!;
    const inv = inverse(pivot[col]!);
    for (let j = 0; j < width; j++) pivot[j] = mulmod(pivot[j]!, inv);
    for (let i = 0; i < work.length; i++) {
      if (i === next || work[i]![col] === 0) continue;
      const f = work[i]![col]!;
      const row = work[i]!;
      for (let j = 0; j < width; j++) if (pivot[j]) row[j] = mod(row[j]! - mulmod(f, pivot[j]!));
    }
    pivots.push(col);
    out.push(pivot);
    next += 1;
  }
  return { rows: out, pivots };
}

/** Exact integer echelon rows (BigInt), each pivot column zero in every other row. */
function reduceExact(rows: bigint[][], width: number): { rows: bigint[][]; pivots: number[] } {
  const work = rows.map((r) => [...r]);
  const pivots: number[] = [];
  let next = 0;
  const gcd = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b) [a, b] = [b, a % b];
    return a;
  };
  const normalise = (row: bigint[]) => {
    const g = row.reduce((acc, x) => gcd(acc, x), 0n);
    if (g > 1n) for (let j = 0; j < row.length; j++) row[j] = row[j]! / g;
  };
  for (let col = 0; col < width && next < work.length; col++) {
    const at = work.findIndex((r, i) => i >= next && r[col] !== 0n);
    if (at < 0) continue;
    [work[next], work[at]] = [work[at]!, work[next]!];
    const pivot = work[next]!;
    for (let i = 0; i < work.length; i++) {
      if (i === next || work[i]![col] === 0n) continue;
      const a = pivot[col]!;
      const b = work[i]![col]!;
      work[i] = work[i]!.map((x, j) => a * x - b * pivot[j]!);
      normalise(work[i]!);
    }
    pivots.push(col);
    next += 1;
  }
  return { rows: work.slice(0, next), pivots };
}

/** Whether the vector lies in the row space of exact echelon rows. */
function inRowSpace(v: bigint[], echelon: { rows: bigint[][]; pivots: number[] }): boolean {
  let w = [...v];
  echelon.rows.forEach((row, i) => {
    const p = echelon.pivots[i]!;
    if (w[p] === 0n) return;
    const a = row[p]!;
    const b = w[p]!;
    w = w.map((x, j) => a * x - b * row[j]!);
  });
  return w.every((x) => x === 0n);
}

export interface AttackOptions {
  /** The smallest k in force at any time: a group below it is a leak whatever k was chosen. */
  k: number;
  /** Stop after this many leaks (default 1). */
  limit?: number;
}

/**
 * Every group of atoms (from the candidates above) that the equations pin and that describes
 * 1..k−1 pupils. People behind a group: at least the largest count it has in one check-in of a
 * class (summed over classes, as classes are different pupils), and at least its answers divided
 * by the most check-ins one pupil of it could have answered — the same safe-side reading the
 * engine uses.
 */
export function attack(
  atoms: readonly Atom[],
  equations: readonly Equation[],
  options: AttackOptions,
): Leak[] {
  const limit = options.limit ?? 1;
  const index = new Map(atoms.map((a, i) => [a.id, i]));
  const width = atoms.length;
  const seen = new Set<string>();
  const eqs: Equation[] = [];
  const truth = new Map(atoms.map((a) => [a.id, a.value]));
  for (const e of equations) {
    // A false equation means the test described a figure wrongly: stop rather than guess.
    const sum = e.atoms.reduce((acc, id) => acc + (truth.get(id) ?? NaN), 0);
    if (sum !== e.value) throw new Error(`${e.label} is ${e.value} but its atoms sum to ${sum}`);
    const key = [...e.atoms].sort().join(',');
    if (!e.atoms.length || seen.has(key)) continue;
    seen.add(key);
    eqs.push(e);
  }
  const toRow = (e: Equation) => {
    const row = new Array<number>(width).fill(0);
    for (const id of e.atoms) {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`Unknown atom ${id}`);
      row[i] = 1;
    }
    return row;
  };
  const rows = eqs.map(toRow);
  const modP = reduceModP(rows, width);
  // Two random solutions of the homogeneous system: free columns at random, pivots from them.
  const random = mulberry32(22);
  const pivotSet = new Set(modP.pivots);
  const probes = [0, 1].map(() => {
    const r = new Array<number>(width).fill(0);
    for (let j = 0; j < width; j++) if (!pivotSet.has(j)) r[j] = Math.floor(random() * prime);
    modP.rows.forEach((row, i) => {
      let s = 0;
      for (let j = 0; j < width; j++)
        if (!pivotSet.has(j) && row[j]) s = mod(s + mulmod(row[j]!, r[j]!));
      r[modP.pivots[i]!] = mod(-s);
    });
    return r;
  });
  let exact: { rows: bigint[][]; pivots: number[] } | undefined;
  const leaks: Leak[] = [];
  const reported = new Set<string>();

  const people = (group: readonly number[]) => {
    const byClassCheckin = new Map<string, Map<string, number>>();
    let answers = 0;
    for (const i of group) {
      const a = atoms[i]!;
      answers += a.value;
      const perClass = byClassCheckin.get(a.teamId) ?? new Map<string, number>();
      perClass.set(a.checkinId, (perClass.get(a.checkinId) ?? 0) + a.value);
      byClassCheckin.set(a.teamId, perClass);
    }
    let least = 0;
    let perPerson = 1;
    for (const perClass of byClassCheckin.values()) {
      least += Math.max(...perClass.values());
      perPerson = Math.max(perPerson, perClass.size);
    }
    return { answers, people: Math.max(least, Math.ceil(answers / perPerson)) };
  };

  const consider = (group: number[]) => {
    if (leaks.length >= limit || !group.length) return;
    const { answers, people: n } = people(group);
    if (answers === 0 || n >= options.k) return;
    const key = [...group].sort((a, b) => a - b).join(',');
    if (reported.has(key)) return;
    for (const r of probes) {
      let s = 0;
      for (const i of group) s = mod(s + r[i]!);
      if (s !== 0) return;
    }
    exact ??= reduceExact(
      rows.map((r) => r.map(BigInt)),
      width,
    );
    const v = new Array<bigint>(width).fill(0n);
    for (const i of group) v[i] = 1n;
    if (!inRowSpace(v, exact)) return;
    reported.add(key);
    const ids = group.map((i) => atoms[i]!.id);
    const touching = eqs
      .filter((e) => e.atoms.some((id) => ids.includes(id)))
      .slice(0, 6)
      .map((e) => `${e.label}=${e.value}`);
    leaks.push({ atoms: ids, answers, people: n, describe: touching.join('; ') });
  };

  // Product groups: some classes × some days × some points.
  const teams = [...new Set(atoms.map((a) => a.teamId))].sort();
  const days = [...new Set(atoms.map((a) => a.date))].sort();
  const cap = (xs: string[], n: number) => xs.slice(0, n);
  const teamSubsets = subsets(cap(teams, 7));
  const daySubsets = subsets(cap(days, 6));
  const byKey = new Map<string, number[]>();
  atoms.forEach((a, i) => {
    const key = `${a.teamId}|${a.date}|${a.option}`;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  for (let optionMask = 1; optionMask < 32; optionMask++) {
    for (const ts of teamSubsets) {
      for (const ds of daySubsets) {
        const group: number[] = [];
        for (const t of ts)
          for (const d of ds)
            for (let o = 0; o < 5; o++)
              if (optionMask & (1 << o)) group.push(...(byKey.get(`${t}|${d}|${o}`) ?? []));
        consider(group);
        if (leaks.length >= limit) return leaks;
      }
    }
  }
  // Single atoms and pairs of atoms.
  for (let i = 0; i < width && leaks.length < limit; i++) {
    consider([i]);
    for (let j = i + 1; j < width && leaks.length < limit; j++) consider([i, j]);
  }
  return leaks;
}

function subsets(xs: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << xs.length; mask++) out.push(xs.filter((_, i) => mask & (1 << i)));
  return out;
}
