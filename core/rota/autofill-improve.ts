/**
 * Auto-fill's second pass (decision 009): with the places filled and the loads as fair as they
 * can be, changes that keep every load value give ambassadors a rest day between duties and mix
 * year groups on a duty. Each change is tried on the numbered school (autofill-school.ts) and
 * undone unless it lowers the penalties, so the pass can only make the rota better.
 */
import { add, canTake, neighbours, remove, type Delta, type School } from './autofill-school.js';

// ---------------------------------------------------------------------------------------------
// 2 and 3. Changes that keep the multiset of loads (so fill and fairness stay exactly as found)
// and lower (close pairs, same-year pairs), compared in that order. One duty at a time:
//   move     — an ambassador moves to a duty with room (the duty left gains the room);
//   exchange — two ambassadors trade one duty each;
//   hand on  — a duty passes to someone with exactly one fewer (their two loads trade places).
// Two ambassadors' whole weeks at a time (one week, or every week from one onwards), which
// single trades cannot reach when each step alone would put duties on neighbouring days:
//   trade    — two ambassadors swap all their duties in those weeks. Weekly counts and times
//              swap with them, so maxima and clashes stay kept; only availability is checked.

const better = (x: Delta, y: Delta) =>
  x.close < y.close || (x.close === y.close && x.sameYear < y.sameYear);

type Move =
  | { kind: 'move'; d2: number }
  | { kind: 'exchange'; b: number; d2: number }
  | { kind: 'handOn'; b: number };

/** Rounds of both kinds of change; each round only ever lowers the penalties. */
const maxRounds = 20;

export function improve(s: School): void {
  for (let round = 0; round < maxRounds; round++) {
    const single = improveDuties(s);
    const trades = improveWeeks(s);
    if (!single && !trades) break;
  }
}

function improveDuties(s: School): boolean {
  const A = s.ambassadors.length;
  const D = s.duties.length;
  let changed = false;
  for (let d1 = 0; d1 < D; d1++) {
    for (const a of [...s.members[d1]!].sort((x, y) => x - y)) {
      if (s.locked.has(a * D + d1) || !s.members[d1]!.includes(a)) continue;
      if (penaltyOf(s, a, d1) === 0) continue;
      let bestDelta: Delta = { close: 0, sameYear: 0 };
      let bestMove: Move | undefined;
      const consider = (move: Move, delta: Delta) => {
        if (better(delta, bestDelta)) {
          bestDelta = delta;
          bestMove = move;
        }
      };
      for (let d2 = 0; d2 < D; d2++) {
        if (d2 === d1 || !s.eligible[a * D + d2]) continue;
        const room = s.members[d2]!.length < s.duties[d2]!.slot.needed;
        if (room && !s.members[d2]!.includes(a)) {
          const delta = trial(s, a, d1, d2);
          if (delta) consider({ kind: 'move', d2 }, delta);
        }
        for (const b of s.members[d2]!) {
          if (b === a || s.locked.has(b * D + d2) || !s.eligible[b * D + d1]) continue;
          const delta = trialExchange(s, a, d1, b, d2);
          if (delta) consider({ kind: 'exchange', b, d2 }, delta);
        }
      }
      for (let b = 0; b < A; b++) {
        if (s.load[b] !== s.load[a]! - 1 || !s.eligible[b * D + d1]) continue;
        const delta = trialHandOn(s, a, b, d1);
        if (delta) consider({ kind: 'handOn', b }, delta);
      }
      const chosen = bestMove as Move | undefined;
      if (!chosen) continue;
      changed = true;
      if (chosen.kind === 'move') {
        remove(s, a, d1);
        add(s, a, chosen.d2);
      } else if (chosen.kind === 'exchange') {
        remove(s, a, d1);
        remove(s, chosen.b, chosen.d2);
        add(s, a, chosen.d2);
        add(s, chosen.b, d1);
      } else {
        remove(s, a, d1);
        add(s, chosen.b, d1);
      }
    }
  }
  return changed;
}

function improveWeeks(s: School): boolean {
  const A = s.ambassadors.length;
  const D = s.duties.length;
  const dutiesOf: number[][] = Array.from({ length: A }, () => []);
  const refresh = (a: number) => {
    dutiesOf[a] = [];
    for (let d = 0; d < D; d++) if (s.members[d]!.includes(a)) dutiesOf[a]!.push(d);
  };
  for (let a = 0; a < A; a++) refresh(a);
  // Week ranges: each single week, then every week from w to the end (w = 0: the whole rota).
  const ranges: [number, number][] = [];
  for (let w = 0; w < s.weeks; w++) ranges.push([w, w]);
  for (let w = 0; w < s.weeks - 1; w++) ranges.push([w, s.weeks - 1]);

  let changed = false;
  const troubled = (a: number) => dutiesOf[a]!.some((d) => penaltyOf(s, a, d) > 0);
  for (let a = 0; a < A; a++) {
    const aTroubled = troubled(a);
    for (let b = a + 1; b < A; b++) {
      // A trade between two ambassadors with nothing to improve cannot lower the penalties.
      if (!aTroubled && !troubled(b)) continue;
      let bestDelta: Delta = { close: 0, sameYear: 0 };
      let best: [number[], number[]] | undefined;
      for (const [from, to] of ranges) {
        const inRange = (d: number) => {
          const w = s.duties[d]!.week;
          return w >= from && w <= to;
        };
        const ofA = dutiesOf[a]!.filter(inRange);
        const ofB = dutiesOf[b]!.filter(inRange);
        if (!ofA.length && !ofB.length) continue;
        // Duties they share stay as they are.
        const onlyA = ofA.filter((d) => !ofB.includes(d));
        const onlyB = ofB.filter((d) => !ofA.includes(d));
        const delta = trialTrade(s, a, onlyA, b, onlyB);
        if (delta && better(delta, bestDelta)) {
          bestDelta = delta;
          best = [onlyA, onlyB];
        }
      }
      if (!best) continue;
      trade(s, a, best[0], b, best[1]);
      refresh(a);
      refresh(b);
      changed = true;
      if (!troubled(a)) break;
    }
  }
  return changed;
}

function trialTrade(s: School, a: number, onlyA: number[], b: number, onlyB: number[]) {
  const D = s.duties.length;
  if (onlyA.length === 0 && onlyB.length === 0) return undefined;
  // The two loads must keep their values between them.
  const diff = onlyA.length - onlyB.length;
  if (diff !== 0 && s.load[a]! - s.load[b]! !== diff) return undefined;
  for (const d of onlyA) if (s.locked.has(a * D + d) || !s.eligible[b * D + d]) return undefined;
  for (const d of onlyB) if (s.locked.has(b * D + d) || !s.eligible[a * D + d]) return undefined;
  const delta: Delta = { close: 0, sameYear: 0 };
  trade(s, a, onlyA, b, onlyB, delta);
  trade(s, b, onlyA, a, onlyB);
  return delta;
}

/** a's duties `onlyA` go to b and b's `onlyB` to a. */
function trade(s: School, a: number, onlyA: number[], b: number, onlyB: number[], delta?: Delta) {
  for (const d of onlyA) remove(s, a, d, delta);
  for (const d of onlyB) remove(s, b, d, delta);
  for (const d of onlyA) add(s, b, d, delta);
  for (const d of onlyB) add(s, a, d, delta);
}

/** How much a's place on d adds to the soft penalties (0 = nothing to improve). */
function penaltyOf(s: School, a: number, d: number): number {
  const duty = s.duties[d]!;
  const base = a * s.days;
  const close = s.perDay[base + duty.day]! - 1 + neighbours(s, base, duty.day);
  const year = s.ambassadors[a]!.yearGroup;
  let same = 0;
  for (const m of s.members[d]!) if (m !== a && s.ambassadors[m]!.yearGroup === year) same++;
  return close + same;
}

function trial(s: School, a: number, d1: number, d2: number): Delta | undefined {
  const delta: Delta = { close: 0, sameYear: 0 };
  remove(s, a, d1, delta);
  const ok = canTake(s, a, d2);
  if (ok) {
    add(s, a, d2, delta);
    remove(s, a, d2);
  }
  add(s, a, d1);
  return ok ? delta : undefined;
}

function trialExchange(s: School, a: number, d1: number, b: number, d2: number) {
  if (s.members[d2]!.includes(a) || s.members[d1]!.includes(b)) return undefined;
  const delta: Delta = { close: 0, sameYear: 0 };
  remove(s, a, d1, delta);
  remove(s, b, d2, delta);
  let ok = canTake(s, a, d2);
  if (ok) {
    add(s, a, d2, delta);
    ok = canTake(s, b, d1);
    if (ok) {
      add(s, b, d1, delta);
      remove(s, b, d1);
    }
    remove(s, a, d2);
  }
  add(s, b, d2);
  add(s, a, d1);
  return ok ? delta : undefined;
}

function trialHandOn(s: School, a: number, b: number, d1: number) {
  if (s.members[d1]!.includes(b)) return undefined;
  const delta: Delta = { close: 0, sameYear: 0 };
  remove(s, a, d1, delta);
  const ok = canTake(s, b, d1);
  if (ok) {
    add(s, b, d1, delta);
    remove(s, b, d1);
  }
  add(s, a, d1);
  return ok ? delta : undefined;
}
