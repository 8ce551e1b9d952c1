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
 * Input it cannot fill is refused with an AutofillRefusal (problems.ts), one code per problem.
 *
 * The passes live beside this file: autofill-school.ts (input checks and the numbered school
 * they all work on), max-flow.ts (1), autofill-improve.ts (2 and 3); this file runs them and
 * reads the answer back.
 */
import { improve } from './autofill-improve.js';
import { prepare, validate, type AutofillInput, type School } from './autofill-school.js';
import { fillFairly } from './max-flow.js';
import type { Assignment, UnfilledDuty } from './rota.js';
import { unfilledReason } from './rules.js';
import type { AutofillStats } from './views.js';

export type { AutofillInput, AutofillStats };

export interface AutofillOptions {
  /** Run the swap pass for rest days and year mixing (default true). Off only to measure it. */
  improve?: boolean;
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
    unfilled.push({ date, slotId: slot.id, missing, reason: unfilledReason(others, atMaximum) });
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
