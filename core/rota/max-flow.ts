/**
 * Auto-fill's first pass (decision 009): the most places filled, with the fairest loads, found as
 * a maximum flow (Dinic) under a level that rises until nobody is held back by it. It works on
 * the numbered school of autofill-school.ts and leaves its answer there for the later passes.
 */
import { add, canTake, type School } from './autofill-school.js';

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

export function fillFairly(s: School): void {
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
