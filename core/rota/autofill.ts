/**
 * Auto-fill: gives every duty of a rota its ambassadors (decision 009).
 *
 * Hard rules: only active ambassadors, only when they said they are available, never more than a
 * duty needs, nobody in two places at once, nobody over the weekly maximum, locked assignments
 * kept as they are.
 *
 * Then, in priority order:
 * 1. Fill as many places as possible (a maximum flow), and among those fillings give the fairest
 *    loads: the load vector (locked duties included) is decreasingly minimal — no ambassador's
 *    load can be lowered by handing one duty, directly or through a chain of swaps, to someone
 *    with at least two fewer. Equivalently the sum of squared loads is least; the gap between
 *    most and least loaded is then as small as the constraints allow (≤ 1 when everyone can do
 *    everything). Found by maximum flows under a rising cap on every ambassador's load.
 * 2. A rest day between duties: swaps that keep every load value reduce the number of pairs of
 *    one ambassador's duties on the same or the next school day (over a weekend, not a holiday).
 * 3. Mixed year groups on a duty: the same swaps reduce pairs of ambassadors from the same year.
 *
 * Pure and deterministic: inputs are put in id order first, ties break by id, no randomness.
 */
import { BelongError } from '../errors.js';
import {
  compareIds,
  dayNumber,
  dutiesOf,
  isAvailable,
  isIsoDate,
  rotaDates,
  weekIndex,
  weekOf,
  type Ambassador,
  type Assignment,
  type Rota,
  type RotaSlot,
  type UnfilledDuty,
} from './rota.js';

export interface AutofillInput {
  rota: Rota;
  slots: readonly RotaSlot[];
  ambassadors: readonly Ambassador[];
  /** Kept as they are and counted in loads, weekly maxima and clashes. */
  locked?: readonly Assignment[];
}

export interface AutofillOptions {
  /** Run the swap pass for rest days and year mixing (default true). Off only to measure it. */
  improve?: boolean;
}

export interface AutofillStats {
  /** Most-loaded minus least-loaded active ambassador. */
  maxMinGap: number;
  /** Places filled (locked included) out of places needed. */
  filled: number;
  needed: number;
  /**
   * Pairs of one ambassador's duties on the same school day or on consecutive school days (Friday
   * and Monday count; days either side of a longer holiday don't).
   */
  closePairs: number;
  /** Pairs of ambassadors from the same year group on one duty. */
  sameYearPairs: number;
}

export interface AutofillResult {
  /** Every assignment, locked ones included, by date, slot id, then ambassador id. */
  assignments: Assignment[];
  /** Duties left short, by date then slot id. */
  unfilled: UnfilledDuty[];
  /** Duties per active ambassador (locked included). */
  loads: Record<string, number>;
  stats: AutofillStats;
}

export function autofill(input: AutofillInput, options: AutofillOptions = {}): AutofillResult {
  validate(input);
  const school = prepare(input);
  fillFairly(school);
  if (options.improve !== false) improve(school);
  return report(school);
}

// ---------------------------------------------------------------------------------------------
// Input checks

/** Collects problems as `code (detail)`; the codes are stable, the details for developers. */
function problemList() {
  const problems: string[] = [];
  const problem = (code: string, detail: string) => {
    problems.push(`${code} (${detail})`);
  };
  const check = () => {
    if (problems.length) {
      throw new BelongError(
        'invalidInput',
        `The rota cannot be filled as asked: ${problems.join('; ')}`,
      );
    }
  };
  return { problem, check };
}

function validate(input: AutofillInput): void {
  const { problem, check } = problemList();
  const { rota, slots, ambassadors } = input;
  if (!isIsoDate(rota.startDate)) problem('badStartDate', `startDate ${rota.startDate}`);
  if (!isIsoDate(rota.endDate)) problem('badEndDate', `endDate ${rota.endDate}`);
  if (rota.endDate < rota.startDate) problem('endBeforeStart', 'endDate is before startDate');
  if (!Number.isInteger(rota.maxPerWeek) || rota.maxPerWeek < 1) {
    problem('badMaxPerWeek', `maxPerWeek must be a whole number ≥ 1, not ${rota.maxPerWeek}`);
  }
  for (const d of rota.schoolDates) {
    if (!isIsoDate(d)) problem('badSchoolDate', `school date ${d}`);
  }

  const slotIds = new Set<string>();
  for (const s of slots) {
    if (!s.id) problem('badSlotId', 'a slot has no id');
    if (slotIds.has(s.id)) problem('duplicateSlot', `slot ${s.id} appears twice`);
    slotIds.add(s.id);
    if (!isWeekday(s.weekday)) problem('badWeekday', `slot ${s.id} weekday ${s.weekday}`);
    if (!s.periodId) problem('badPeriod', `slot ${s.id} has no period`);
    if (!Number.isInteger(s.needed) || s.needed < 1 || s.needed > 4) {
      problem('badNeeded', `slot ${s.id} needs ${s.needed}; 1 to 4 ambassadors`);
    }
    if (s.week !== undefined && s.week !== 'A' && s.week !== 'B') {
      problem('badWeek', `slot ${s.id} week ${String(s.week)}`);
    }
    if (s.week !== undefined && !rota.weekAB) {
      problem('weekWithoutWeekAB', `slot ${s.id} is for week ${s.week} but the rota has no A/B`);
    }
  }

  const ambassadorIds = new Set<string>();
  for (const a of ambassadors) {
    if (!a.id) problem('badAmbassadorId', 'an ambassador has no id');
    if (ambassadorIds.has(a.id)) problem('duplicateAmbassador', `ambassador ${a.id} appears twice`);
    ambassadorIds.add(a.id);
    if (!Number.isInteger(a.yearGroup) || a.yearGroup < 3 || a.yearGroup > 13) {
      problem('badYearGroup', `ambassador ${a.id} year ${a.yearGroup}`);
    }
    if (!isIsoDate(a.trainedOn))
      problem('badTrainedOn', `ambassador ${a.id} trained ${a.trainedOn}`);
    for (const av of a.availability) {
      if (!isWeekday(av.weekday) || !av.periodId) {
        problem('badAvailability', `ambassador ${a.id} weekday ${av.weekday} ${av.periodId}`);
      }
    }
  }
  check();
}

const isWeekday = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;

// ---------------------------------------------------------------------------------------------
// The school, indexed: ambassadors and duties by number, in id (and date) order

interface School {
  maxPerWeek: number;
  ambassadors: Ambassador[]; // active only, by id
  duties: {
    date: string;
    slot: RotaSlot;
    day: number; // index among the rota's school dates
    week: number; // calendar weeks since the first
    time: number; // day × periods + period: equal times overlap
  }[];
  weeks: number;
  days: number;
  /** closeToNext[day]: the next school day follows within a weekend (≤ 3 calendar days). */
  closeToNext: Uint8Array;
  times: number;
  /** eligible[a × D + d]: active and available for duty d. */
  eligible: Uint8Array;
  members: number[][]; // ambassadors on each duty
  locked: Set<number>; // a × D + d
  busy: Uint8Array; // a × times + time
  perWeek: Int32Array; // a × weeks + week
  perDay: Int32Array; // a × days + day
  load: Int32Array;
}

function prepare(input: AutofillInput): School {
  const { rota } = input;
  const ambassadors = input.ambassadors
    .filter((a) => a.active)
    .sort((a, b) => compareIds(a.id, b.id));
  const slots = new Map(input.slots.map((s) => [s.id, s]));
  const dates = rotaDates(rota);
  const dayOf = new Map(dates.map((d, i) => [d, i]));
  const periods = [...new Set(input.slots.map((s) => s.periodId))].sort(compareIds);
  const periodOf = new Map(periods.map((p, i) => [p, i]));
  const duties = dutiesOf(rota, input.slots).map(({ date, slotId }) => {
    const slot = slots.get(slotId)!;
    const day = dayOf.get(date)!;
    return {
      date,
      slot,
      day,
      week: weekIndex(rota.startDate, date),
      time: day * periods.length + periodOf.get(slot.periodId)!,
    };
  });
  const A = ambassadors.length;
  const D = duties.length;
  const weeks = weekIndex(rota.startDate, rota.endDate) + 1;
  const times = dates.length * periods.length;

  const eligible = new Uint8Array(A * D);
  for (let a = 0; a < A; a++) {
    for (let d = 0; d < D; d++) {
      const { date, slot } = duties[d]!;
      const week = weekOf(rota.startDate, date);
      eligible[a * D + d] = isAvailable(rota, ambassadors[a]!, slot.weekday, slot.periodId, week)
        ? 1
        : 0;
    }
  }

  const school: School = {
    maxPerWeek: rota.maxPerWeek,
    ambassadors,
    duties,
    weeks,
    days: dates.length,
    closeToNext: Uint8Array.from(dates, (d, i) =>
      i + 1 < dates.length && dayNumber(dates[i + 1]!) - dayNumber(d) <= 3 ? 1 : 0,
    ),
    times,
    eligible,
    members: duties.map(() => []),
    locked: new Set(),
    busy: new Uint8Array(A * times),
    perWeek: new Int32Array(A * weeks),
    perDay: new Int32Array(A * dates.length),
    load: new Int32Array(A),
  };

  // Locks must already keep every hard rule: the coordinator fixes them, we don't guess.
  const ambassadorIndex = new Map(ambassadors.map((a, i) => [a.id, i]));
  const allAmbassadors = new Map(input.ambassadors.map((a) => [a.id, a]));
  const dutyIndex = new Map(duties.map((d, i) => [`${d.date}|${d.slot.id}`, i]));
  const { problem: say, check } = problemList();
  const locks = [...(input.locked ?? [])].sort(compareAssignments);
  for (const lock of locks) {
    const what = `lock ${lock.ambassadorId} on ${lock.slotId} ${lock.date}`;
    if (!slots.has(lock.slotId)) {
      say('lockUnknownSlot', `${what}: no such slot`);
      continue;
    }
    if (!allAmbassadors.has(lock.ambassadorId)) {
      say('lockUnknownAmbassador', `${what}: no such ambassador`);
      continue;
    }
    const a = ambassadorIndex.get(lock.ambassadorId);
    if (a === undefined) {
      say('lockInactive', `${what}: the ambassador is not active`);
      continue;
    }
    const d = dutyIndex.get(`${lock.date}|${lock.slotId}`);
    if (d === undefined) {
      say('lockNotADuty', `${what}: the slot has no duty that date in this rota`);
      continue;
    }
    const duty = duties[d]!;
    if (!eligible[a * D + d]) say('lockUnavailable', `${what}: the ambassador is not available`);
    if (school.locked.has(a * D + d)) {
      say('lockTwice', `${what}: locked twice`);
      continue;
    }
    if (school.members[d]!.length >= duty.slot.needed) {
      say('lockOverfills', `${what}: the duty needs only ${duty.slot.needed}`);
    }
    if (school.busy[a * times + duty.time]) {
      say('lockClash', `${what}: already locked elsewhere at that time`);
    }
    if (school.perWeek[a * weeks + duty.week]! >= rota.maxPerWeek) {
      say('lockOverMaximum', `${what}: more than ${rota.maxPerWeek} duties that week`);
    }
    school.locked.add(a * D + d);
    add(school, a, d);
  }
  check();
  return school;
}

const compareAssignments = (x: Assignment, y: Assignment) =>
  compareIds(x.date, y.date) ||
  compareIds(x.slotId, y.slotId) ||
  compareIds(x.ambassadorId, y.ambassadorId);

// ---------------------------------------------------------------------------------------------
// Bookkeeping, with the change in the soft penalties (close pairs, same-year pairs)

interface Delta {
  close: number;
  sameYear: number;
}

function add(s: School, a: number, d: number, delta?: Delta): void {
  const duty = s.duties[d]!;
  if (delta) {
    const base = a * s.days;
    const day = duty.day;
    delta.close += s.perDay[base + day]! + neighbours(s, base, day);
    const year = s.ambassadors[a]!.yearGroup;
    for (const m of s.members[d]!) if (s.ambassadors[m]!.yearGroup === year) delta.sameYear++;
  }
  s.members[d]!.push(a);
  s.busy[a * s.times + duty.time] = 1;
  s.perWeek[a * s.weeks + duty.week]!++;
  s.perDay[a * s.days + duty.day]!++;
  s.load[a]!++;
}

function remove(s: School, a: number, d: number, delta?: Delta): void {
  const duty = s.duties[d]!;
  const list = s.members[d]!;
  list.splice(list.indexOf(a), 1);
  s.busy[a * s.times + duty.time] = 0;
  s.perWeek[a * s.weeks + duty.week]!--;
  s.perDay[a * s.days + duty.day]!--;
  s.load[a]!--;
  if (delta) {
    const base = a * s.days;
    const day = duty.day;
    delta.close -= s.perDay[base + day]! + neighbours(s, base, day);
    const year = s.ambassadors[a]!.yearGroup;
    for (const m of list) if (s.ambassadors[m]!.yearGroup === year) delta.sameYear--;
  }
}

/** Duties on the school days just before and after `day` (not across a holiday). */
function neighbours(s: School, base: number, day: number): number {
  return (
    (day > 0 && s.closeToNext[day - 1] ? s.perDay[base + day - 1]! : 0) +
    (s.closeToNext[day] ? s.perDay[base + day + 1]! : 0)
  );
}

/** Whether `a` may join duty `d` now (ignoring whether the duty has room). */
function canTake(s: School, a: number, d: number): boolean {
  const duty = s.duties[d]!;
  return (
    s.eligible[a * s.duties.length + d] === 1 &&
    s.busy[a * s.times + duty.time] === 0 &&
    s.perWeek[a * s.weeks + duty.week]! < s.maxPerWeek
  );
}

// ---------------------------------------------------------------------------------------------
// 1. Most places filled, fairest loads: a flow network, filled level by level
//
//   source → duty (room left) → (ambassador, time) cap 1 → (ambassador, week) cap (max − locked)
//          → ambassador → sink, cap (level − load).
//
// The level starts at 1 and rises by one while some ambassador is held back by it; at each level
// the flow is made maximum (Dinic) from where the last level left it. Loads only ever grow (an
// augmenting path can pass through an ambassador without changing their load), so an ambassador
// left below the level at the end of a level is blocked by a tight set of duties that later
// levels cannot change; nobody more loaded can hand them a duty. That is the exchange condition
// for a decreasingly-minimal load vector (Frank & Murota), i.e. max-min fair, least Σ load².

function fillFairly(s: School): void {
  const A = s.ambassadors.length;
  const D = s.duties.length;
  const source = 0;
  const sink = 1;
  const firstDuty = 2;
  const firstAmbassador = firstDuty + D;
  let nodes = firstAmbassador + A;

  const head: number[] = new Array<number>(nodes).fill(-1);
  const toList: number[] = [];
  const capList: number[] = [];
  const nextList: number[] = [];
  const arc = (u: number, v: number, c: number) => {
    toList.push(v, u);
    capList.push(c, 0);
    nextList.push(head[u]!, head[v]!);
    head[u] = toList.length - 2;
    head[v] = toList.length - 1;
    return toList.length - 2;
  };
  const newNode = () => {
    head.push(-1);
    return nodes++;
  };

  const timeNode = new Map<number, number>();
  const weekNode = new Map<number, number>();
  const ownerOf: number[] = []; // time node → ambassador (index by node)
  const dutyArcs: number[] = []; // arcs duty → time, to read the answer back

  // Built in reverse order so that adjacency lists (which prepend) come out in id order.
  const sinkArcs: number[] = [];
  for (let a = A - 1; a >= 0; a--) sinkArcs[a] = arc(firstAmbassador + a, sink, 0);
  for (let d = D - 1; d >= 0; d--) {
    const duty = s.duties[d]!;
    const room = duty.slot.needed - s.members[d]!.length;
    if (room <= 0) continue;
    for (let a = A - 1; a >= 0; a--) {
      if (s.locked.has(a * D + d) || !canTake(s, a, d)) continue;
      const wKey = a * s.weeks + duty.week;
      let w = weekNode.get(wKey);
      if (w === undefined) {
        w = newNode();
        weekNode.set(wKey, w);
        arc(w, firstAmbassador + a, s.maxPerWeek - s.perWeek[wKey]!);
      }
      const tKey = a * s.times + duty.time;
      let t = timeNode.get(tKey);
      if (t === undefined) {
        t = newNode();
        timeNode.set(tKey, t);
        ownerOf[t] = a;
        arc(t, w, 1);
      }
      dutyArcs.push(arc(firstDuty + d, t, 1));
    }
    arc(source, firstDuty + d, room);
  }

  const to = Int32Array.from(toList);
  const cap = Int32Array.from(capList);
  const next = Int32Array.from(nextList);
  const first = Int32Array.from(head);
  const level = new Int32Array(nodes);
  const current = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const path: number[] = [];

  /** Breadth-first levels from the source; false when the sink is out of reach. */
  const layer = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    let qHead = 0;
    let qTail = 0;
    queue[qTail++] = source;
    while (qHead < qTail) {
      const u = queue[qHead++]!;
      if (u === sink) continue;
      for (let e = first[u]!; e !== -1; e = next[e]!) {
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[qTail++] = v;
        }
      }
    }
    return level[sink] !== -1;
  };

  /** One augmenting path along rising levels (iterative, so long chains can't overflow). */
  const augment = (): boolean => {
    path.length = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let push = Infinity;
        for (const e of path) push = Math.min(push, cap[e]!);
        for (const e of path) {
          cap[e]! -= push;
          cap[e ^ 1]! += push;
        }
        return true;
      }
      let e = current[u]!;
      while (e !== -1 && !(cap[e]! > 0 && level[to[e]!] === level[u]! + 1)) e = next[e]!;
      current[u] = e;
      if (e !== -1) {
        path.push(e);
        u = to[e]!;
        continue;
      }
      level[u] = -1; // a dead end for the rest of this phase
      const back = path.pop();
      if (back === undefined) return false;
      u = to[back ^ 1]!;
      current[u] = next[current[u]!]!;
    }
  };

  const load = Int32Array.from(s.load); // locked duties count from the start
  for (let cut = 1; ; cut++) {
    for (let a = 0; a < A; a++) cap[sinkArcs[a]!] = Math.max(0, cut - load[a]!);
    while (layer()) {
      current.set(first);
      while (augment());
    }
    let heldBack = false;
    for (let a = 0; a < A; a++) {
      load[a] = s.load[a]! + cap[sinkArcs[a]! ^ 1]!;
      if (load[a]! >= cut) heldBack = true;
    }
    if (!heldBack) break;
  }

  for (const e of dutyArcs) {
    if (cap[e] === 0) add(s, ownerOf[to[e]!]!, to[e ^ 1]! - firstDuty);
  }
}

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

function improve(s: School): void {
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

// ---------------------------------------------------------------------------------------------
// The answer

function report(s: School): AutofillResult {
  const A = s.ambassadors.length;
  const D = s.duties.length;
  const assignments: Assignment[] = [];
  const unfilled: UnfilledDuty[] = [];
  let filled = 0;
  let needed = 0;
  let sameYearPairs = 0;
  for (let d = 0; d < D; d++) {
    const { date, slot, week } = s.duties[d]!;
    const members = [...s.members[d]!].sort((x, y) => x - y);
    for (const a of members) {
      assignments.push({ date, slotId: slot.id, ambassadorId: s.ambassadors[a]!.id });
    }
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (s.ambassadors[members[i]!]!.yearGroup === s.ambassadors[members[j]!]!.yearGroup) {
          sameYearPairs++;
        }
      }
    }
    filled += members.length;
    needed += slot.needed;
    const missing = slot.needed - members.length;
    if (missing <= 0) continue;
    // The fill is maximum, so everyone else who is available is at the maximum or busy.
    let others = 0;
    let atMaximum = 0;
    for (let a = 0; a < A; a++) {
      if (!s.eligible[a * D + d] || members.includes(a)) continue;
      others++;
      if (s.perWeek[a * s.weeks + week]! >= s.maxPerWeek) atMaximum++;
    }
    const reason =
      others === 0
        ? 'nobody_available'
        : atMaximum === others
          ? 'everyone_at_maximum'
          : 'everyone_busy';
    unfilled.push({ date, slotId: slot.id, missing, reason });
  }

  let closePairs = 0;
  for (let a = 0; a < A; a++) {
    for (let day = 0; day < s.days; day++) {
      const c = s.perDay[a * s.days + day]!;
      closePairs +=
        (c * (c - 1)) / 2 + (s.closeToNext[day] ? c * s.perDay[a * s.days + day + 1]! : 0);
    }
  }
  const loads: Record<string, number> = {};
  let most = 0;
  let least = Infinity;
  for (let a = 0; a < A; a++) {
    loads[s.ambassadors[a]!.id] = s.load[a]!;
    most = Math.max(most, s.load[a]!);
    least = Math.min(least, s.load[a]!);
  }
  return {
    assignments,
    unfilled,
    loads,
    stats: { maxMinGap: A ? most - least : 0, filled, needed, closePairs, sameYearPairs },
  };
}
