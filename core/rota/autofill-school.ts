/**
 * Auto-fill's working copy of the school (decision 009): its input checked, then ambassadors and
 * duties numbered in id (and date) order, with the counters every pass keeps as it adds and
 * removes an ambassador (busy times, duties per week and per day, loads) and the change each move
 * makes to the soft penalties. Flat typed arrays, because the passes try a great many moves on a
 * term's rota. Locks are placed here, so every pass starts from them.
 */
import { AutofillRefusal, type AutofillProblem } from './problems.js';
import {
  compareIds,
  dutiesOf,
  isAvailable,
  rotaDates,
  weekIndex,
  weekOf,
  type Ambassador,
  type Assignment,
  type Rota,
  type RotaSlot,
} from './rota.js';
import { dayNumber, isStrictIsoDate } from '../dates.js';
import { rotaLimits, within } from './limits.js';

/** What auto-fill is given (re-exported by autofill.ts, its public face). */
export interface AutofillInput {
  rota: Rota;
  slots: readonly RotaSlot[];
  ambassadors: readonly Ambassador[];
  /** Kept as they are and counted in loads, weekly maxima and clashes. */
  locked?: readonly Assignment[];
}

// ---------------------------------------------------------------------------------------------
// Input checks

/** Collects problems as `code (detail)`; the codes are stable, the details for developers. */
function problemList() {
  const codes: AutofillProblem[] = [];
  const details: string[] = [];
  const problem = (code: AutofillProblem, detail: string) => {
    codes.push(code);
    details.push(detail);
  };
  const check = () => {
    if (codes.length) throw new AutofillRefusal(codes, details);
  };
  return { problem, check };
}

export function validate(input: AutofillInput): void {
  const { problem, check } = problemList();
  const { rota, slots, ambassadors } = input;
  if (!isStrictIsoDate(rota.startDate)) problem('badStartDate', `startDate ${rota.startDate}`);
  if (!isStrictIsoDate(rota.endDate)) problem('badEndDate', `endDate ${rota.endDate}`);
  if (rota.endDate < rota.startDate) problem('endBeforeStart', 'endDate is before startDate');
  if (!Number.isInteger(rota.maxPerWeek) || rota.maxPerWeek < 1) {
    problem('badMaxPerWeek', `maxPerWeek must be a whole number ≥ 1, not ${rota.maxPerWeek}`);
  }
  for (const d of rota.schoolDates) {
    if (!isStrictIsoDate(d)) problem('badSchoolDate', `school date ${d}`);
  }

  const slotIds = new Set<string>();
  for (const s of slots) {
    if (!s.id) problem('badSlotId', 'a slot has no id');
    if (slotIds.has(s.id)) problem('duplicateSlot', `slot ${s.id} appears twice`);
    slotIds.add(s.id);
    if (!isWeekday(s.weekday)) problem('badWeekday', `slot ${s.id} weekday ${s.weekday}`);
    if (!s.periodId) problem('badPeriod', `slot ${s.id} has no period`);
    if (!within(s.needed, rotaLimits.needed)) {
      const { min, max } = rotaLimits.needed;
      problem('badNeeded', `slot ${s.id} needs ${s.needed}; ${min} to ${max} ambassadors`);
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
    if (!within(a.yearGroup, rotaLimits.yearGroup)) {
      problem('badYearGroup', `ambassador ${a.id} year ${a.yearGroup}`);
    }
    if (!isStrictIsoDate(a.trainedOn))
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

export interface School {
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

export function prepare(input: AutofillInput): School {
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

export interface Delta {
  close: number;
  sameYear: number;
}

export function add(s: School, a: number, d: number, delta?: Delta): void {
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

export function remove(s: School, a: number, d: number, delta?: Delta): void {
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
export function neighbours(s: School, base: number, day: number): number {
  return (
    (day > 0 && s.closeToNext[day - 1] ? s.perDay[base + day - 1]! : 0) +
    (s.closeToNext[day] ? s.perDay[base + day + 1]! : 0)
  );
}

/** Whether `a` may join duty `d` now (ignoring whether the duty has room). */
export function canTake(s: School, a: number, d: number): boolean {
  const duty = s.duties[d]!;
  return (
    s.eligible[a * s.duties.length + d] === 1 &&
    s.busy[a * s.times + duty.time] === 0 &&
    s.perWeek[a * s.weeks + duty.week]! < s.maxPerWeek
  );
}
