/**
 * Schools for auto-fill's tests: random ones (fast-check) of a chosen size, with ids out of array
 * order to catch order dependence; small hand-made ones; and the checks every answer must pass,
 * worked out from scratch (the hard rules, the reasons for short duties, and for tiny schools the
 * best answer by brute force), so the tests never trust the algorithm to check itself.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AutofillInput, AutofillResult } from '../rota/autofill.js';
import {
  dutiesOf,
  isAvailable,
  rotaDates,
  weekIndex,
  weekOf,
  type Ambassador,
  type Assignment,
  type Availability,
  type RotaSlot,
  type Weekday,
} from '../rota/rota.js';

// ---------------------------------------------------------------------------------------------
// Random schools

export const periods = ['morning-break', 'lunch'];
const places = ['buddy-bench', 'library', 'playground'];
const monday = Date.UTC(2026, 8, 7); // Monday 7 September 2026
const dateAt = (offset: number) =>
  new Date(monday + offset * 86_400_000).toISOString().slice(0, 10);

const arbWeekday = (most: number) => fc.integer({ min: 1, max: most }) as fc.Arbitrary<Weekday>;
/** Mostly every week; now and then only week A or B. */
const arbWeek = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.constantFrom('A' as const, 'B' as const), weight: 1 },
);

export interface Shape {
  ambassadors: [number, number];
  slots: [number, number];
  days: number;
  needed: number;
  /** Slots and availability on Monday … this weekday (fewer = more overlap). */
  weekdays: number;
}

/** A school of the given size; ids are not in array order, to catch order dependence. */
export function arbSchool(shape: Shape): fc.Arbitrary<AutofillInput> {
  return fc
    .record({
      weekAB: fc.boolean(),
      maxPerWeek: fc.integer({ min: 1, max: 3 }),
      startOffset: fc.integer({ min: 0, max: shape.weekdays < 5 ? 2 : 6 }),
      length: fc.integer({ min: Math.min(5, shape.days), max: shape.days }),
      closed: fc.array(fc.integer({ min: 0, max: shape.days }), { maxLength: 4 }),
      slots: fc.array(
        fc.record({
          weekday: arbWeekday(shape.weekdays),
          period: fc.integer({ min: 0, max: periods.length - 1 }),
          place: fc.integer({ min: 0, max: places.length - 1 }),
          needed: fc.integer({ min: 1, max: shape.needed }),
          week: arbWeek,
        }),
        { minLength: shape.slots[0], maxLength: shape.slots[1] },
      ),
      ambassadors: fc.array(
        fc.record({
          yearGroup: fc.integer({ min: 5, max: 11 }),
          // One in ten is inactive.
          inactive: fc.integer({ min: 0, max: 9 }),
          // For each weekday and period: not available, every week, or week A or B only.
          times: fc.array(
            fc.oneof(
              { arbitrary: fc.constant('no' as const), weight: 3 },
              { arbitrary: arbWeek, weight: 4 },
            ),
            {
              minLength: shape.weekdays * periods.length,
              maxLength: shape.weekdays * periods.length,
            },
          ),
        }),
        { minLength: shape.ambassadors[0], maxLength: shape.ambassadors[1] },
      ),
    })
    .map((r) => {
      const startDate = dateAt(r.startOffset);
      const endDate = dateAt(r.startOffset + r.length - 1);
      const schoolDates: string[] = [];
      for (let i = 0; i < r.length; i++) {
        const date = dateAt(r.startOffset + i);
        const weekday = new Date(date).getUTCDay();
        if (weekday >= 1 && weekday <= 5 && !r.closed.includes(i)) schoolDates.push(date);
      }
      return {
        rota: { startDate, endDate, weekAB: r.weekAB, schoolDates, maxPerWeek: r.maxPerWeek },
        slots: r.slots.map((s, i): RotaSlot => ({
          id: `slot-${(i * 7) % 11}-${i}`,
          weekday: s.weekday,
          periodId: periods[s.period]!,
          placeId: places[s.place]!,
          needed: s.needed,
          supervisingAdult: 'Ms Patel',
          ...(r.weekAB && s.week ? { week: s.week } : {}),
        })),
        ambassadors: r.ambassadors.map((a, i): Ambassador => ({
          id: `amb-${(i * 5) % 7}-${i}`,
          yearGroup: a.yearGroup,
          trainedOn: '2026-01-15',
          active: a.inactive !== 0,
          availability: a.times.flatMap((week, t): Availability[] =>
            week === 'no'
              ? []
              : [
                  {
                    weekday: (Math.floor(t / periods.length) + 1) as Weekday,
                    periodId: periods[t % periods.length]!,
                    ...(week ? { week } : {}),
                  },
                ],
          ),
        })),
        locked: [],
      };
    });
}

export const small: Shape = {
  ambassadors: [1, 10],
  slots: [1, 8],
  days: 21,
  needed: 4,
  weekdays: 5,
};

/** A deterministic shuffle for a given seed (the tests' own, not the algorithm's). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function shuffled(input: AutofillInput, seed: number): AutofillInput {
  return {
    rota: { ...input.rota, schoolDates: shuffle(input.rota.schoolDates, seed) },
    slots: shuffle(input.slots, seed + 1),
    ambassadors: shuffle(input.ambassadors, seed + 2).map((a, i) => ({
      ...a,
      availability: shuffle(a.availability, seed + i),
    })),
    locked: shuffle(input.locked ?? [], seed + 3),
  };
}

/** Keep the locks picked by `mask` from an earlier answer. */
export function lockSome(
  input: AutofillInput,
  result: AutofillResult,
  mask: boolean[],
): AutofillInput {
  return { ...input, locked: result.assignments.filter((_, i) => mask[i % mask.length]) };
}

// ---------------------------------------------------------------------------------------------
// The hard rules, checked from scratch

export function checkHardRules(input: AutofillInput, result: AutofillResult): void {
  const { rota } = input;
  const slots = new Map(input.slots.map((s) => [s.id, s]));
  const ambassadors = new Map(input.ambassadors.map((a) => [a.id, a]));
  const duties = dutiesOf(rota, input.slots);
  const dutyKeys = new Set(duties.map((d) => `${d.date}|${d.slotId}`));
  const perDuty = new Map<string, string[]>();
  const perTime = new Set<string>();
  const perWeek = new Map<string, number>();
  const loads = new Map<string, number>();

  for (const x of result.assignments) {
    const slot = slots.get(x.slotId)!;
    const ambassador = ambassadors.get(x.ambassadorId)!;
    expect(slot, 'known slot').toBeDefined();
    expect(ambassador?.active, 'active ambassador').toBe(true);
    expect(dutyKeys.has(`${x.date}|${x.slotId}`), 'a real duty').toBe(true);
    const week = weekOf(rota.startDate, x.date);
    expect(
      isAvailable(rota, ambassador, slot.weekday, slot.periodId, week),
      `${x.ambassadorId} available for ${x.slotId} on ${x.date}`,
    ).toBe(true);
    const key = `${x.date}|${x.slotId}`;
    const members = perDuty.get(key) ?? [];
    expect(members, 'nobody twice on one duty').not.toContain(x.ambassadorId);
    members.push(x.ambassadorId);
    perDuty.set(key, members);
    const time = `${x.ambassadorId}|${x.date}|${slot.periodId}`;
    expect(perTime.has(time), `${time}: nobody in two places at once`).toBe(false);
    perTime.add(time);
    const wk = `${x.ambassadorId}|${weekIndex(rota.startDate, x.date)}`;
    perWeek.set(wk, (perWeek.get(wk) ?? 0) + 1);
    loads.set(x.ambassadorId, (loads.get(x.ambassadorId) ?? 0) + 1);
  }
  for (const [key, members] of perDuty) {
    expect(members.length, `${key} not over-filled`).toBeLessThanOrEqual(
      slots.get(key.split('|')[1]!)!.needed,
    );
  }
  for (const [, n] of perWeek) expect(n).toBeLessThanOrEqual(rota.maxPerWeek);

  const given = new Set(result.assignments.map((x) => JSON.stringify(x)));
  for (const lock of input.locked ?? []) {
    expect(given.has(JSON.stringify({ ...lock })), 'lock kept').toBe(true);
  }

  const active = input.ambassadors.filter((a) => a.active);
  expect(Object.keys(result.loads).sort()).toEqual(active.map((a) => a.id).sort());
  for (const a of active) expect(result.loads[a.id]).toBe(loads.get(a.id) ?? 0);
  const values = Object.values(result.loads);
  expect(result.stats.maxMinGap).toBe(
    values.length ? Math.max(...values) - Math.min(...values) : 0,
  );

  // Every short duty is listed, with the right count and a true reason.
  const unfilled = new Map(result.unfilled.map((u) => [`${u.date}|${u.slotId}`, u]));
  let needed = 0;
  for (const d of duties) {
    const slot = slots.get(d.slotId)!;
    needed += slot.needed;
    const members = perDuty.get(`${d.date}|${d.slotId}`) ?? [];
    const u = unfilled.get(`${d.date}|${d.slotId}`);
    if (members.length === slot.needed) {
      expect(u).toBeUndefined();
      continue;
    }
    expect(u?.missing).toBe(slot.needed - members.length);
    const week = weekOf(rota.startDate, d.date);
    const others = active.filter(
      (a) => !members.includes(a.id) && isAvailable(rota, a, slot.weekday, slot.periodId, week),
    );
    const atMax = (a: Ambassador) =>
      (perWeek.get(`${a.id}|${weekIndex(rota.startDate, d.date)}`) ?? 0) >= rota.maxPerWeek;
    const busy = (a: Ambassador) => perTime.has(`${a.id}|${d.date}|${slot.periodId}`);
    // Nobody free could simply have been added: otherwise the fill was not maximum.
    for (const a of others) expect(atMax(a) || busy(a), `${a.id} could have helped`).toBe(true);
    const reason =
      others.length === 0
        ? 'nobody_available'
        : others.every(atMax)
          ? 'everyone_at_maximum'
          : 'everyone_busy';
    expect(u?.reason).toBe(reason);
  }
  expect(result.unfilled.length).toBe(
    duties.filter(
      (d) => (perDuty.get(`${d.date}|${d.slotId}`)?.length ?? 0) < slots.get(d.slotId)!.needed,
    ).length,
  );
  expect(result.stats.filled).toBe(result.assignments.length);
  expect(result.stats.needed).toBe(needed);
  expect(result.stats.closePairs).toBe(closePairs(input, result));
  let sameYear = 0;
  for (const members of perDuty.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (ambassadors.get(members[i]!)!.yearGroup === ambassadors.get(members[j]!)!.yearGroup) {
          sameYear++;
        }
      }
    }
  }
  expect(result.stats.sameYearPairs).toBe(sameYear);
}

/** Pairs of one ambassador's duties on one school day or on the next (≤ 3 calendar days on). */
function closePairs(input: AutofillInput, result: AutofillResult): number {
  const dates = rotaDates(input.rota);
  const days = (x: Assignment) => dates.indexOf(x.date);
  let pairs = 0;
  for (const x of result.assignments) {
    for (const y of result.assignments) {
      if (x.ambassadorId !== y.ambassadorId || x === y) continue;
      const [i, j] = [days(x), days(y)];
      const calendarGap = (Date.parse(y.date) - Date.parse(x.date)) / 86_400_000;
      if ((i === j && JSON.stringify(x) < JSON.stringify(y)) || (j === i + 1 && calendarGap <= 3)) {
        pairs++;
      }
    }
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Brute force for tiny schools: the most places filled, then the fairest loads (the
// descending-sorted load vector, smallest in lexicographic order)

export function bestByBruteForce(input: AutofillInput): { filled: number; loads: number[] } {
  const { rota } = input;
  const active = input.ambassadors.filter((a) => a.active);
  const slots = new Map(input.slots.map((s) => [s.id, s]));
  const duties = dutiesOf(rota, input.slots);
  const locked = input.locked ?? [];
  const load = new Map(active.map((a) => [a.id, 0]));
  const perWeek = new Map<string, number>();
  const perTime = new Set<string>();
  const place = (a: string, date: string, period: string, delta: 1 | -1) => {
    const wk = `${a}|${weekIndex(rota.startDate, date)}`;
    perWeek.set(wk, (perWeek.get(wk) ?? 0) + delta);
    load.set(a, load.get(a)! + delta);
    if (delta === 1) perTime.add(`${a}|${date}|${period}`);
    else perTime.delete(`${a}|${date}|${period}`);
  };
  for (const l of locked) place(l.ambassadorId, l.date, slots.get(l.slotId)!.periodId, 1);

  let best: { filled: number; loads: number[] } | undefined;
  const sortedLoads = () => [...load.values()].sort((x, y) => y - x);
  const lexLess = (x: number[], y: number[]) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
    return false;
  };
  const visit = (i: number, filled: number) => {
    if (i === duties.length) {
      const loads = sortedLoads();
      if (!best || filled > best.filled || (filled === best.filled && lexLess(loads, best.loads))) {
        best = { filled, loads };
      }
      return;
    }
    const { date, slotId } = duties[i]!;
    const slot = slots.get(slotId)!;
    const week = weekOf(rota.startDate, date);
    const mine = locked
      .filter((l) => l.date === date && l.slotId === slotId)
      .map((l) => l.ambassadorId);
    const room = slot.needed - mine.length;
    const candidates = active.filter(
      (a) =>
        !mine.includes(a.id) &&
        isAvailable(rota, a, slot.weekday, slot.periodId, week) &&
        !perTime.has(`${a.id}|${date}|${slot.periodId}`),
    );
    const choose = (from: number, left: number, added: number) => {
      visit(i + 1, filled + mine.length + added);
      if (left === 0) return;
      for (let c = from; c < candidates.length; c++) {
        const a = candidates[c]!;
        const wk = `${a.id}|${weekIndex(rota.startDate, date)}`;
        if ((perWeek.get(wk) ?? 0) >= rota.maxPerWeek) continue;
        if (perTime.has(`${a.id}|${date}|${slot.periodId}`)) continue;
        place(a.id, date, slot.periodId, 1);
        choose(c + 1, left - 1, added + 1);
        place(a.id, date, slot.periodId, -1);
      }
    };
    choose(0, room, 0);
  };
  visit(0, 0);
  return best!;
}

export const sortedDown = (loads: Record<string, number>) =>
  Object.values(loads).sort((x, y) => y - x);

// ---------------------------------------------------------------------------------------------
// Hand-made schools

const week1 = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'];
export const ambassador = (
  id: string,
  availability: Availability[],
  more: Partial<Ambassador> = {},
) => ({
  id,
  yearGroup: 9,
  trainedOn: '2026-01-15',
  active: true,
  availability,
  ...more,
});
export const slot = (
  id: string,
  weekday: Weekday,
  periodId: string,
  more: Partial<RotaSlot> = {},
) => ({
  id,
  weekday,
  periodId,
  placeId: 'buddy-bench',
  needed: 1,
  supervisingAdult: 'Mr Evans',
  ...more,
});
export const rota = (more: Partial<AutofillInput['rota']> = {}) => ({
  startDate: '2026-09-07',
  endDate: '2026-09-11',
  weekAB: false,
  schoolDates: week1,
  maxPerWeek: 3,
  ...more,
});
export const everyLunch: Availability[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as Weekday,
  periodId: 'lunch',
}));
