import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBelongError } from '../errors.js';
import { autofill, type AutofillInput, type AutofillResult } from './autofill.js';
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
} from './rota.js';

// ---------------------------------------------------------------------------------------------
// Random schools

const periods = ['morning-break', 'lunch'];
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

interface Shape {
  ambassadors: [number, number];
  slots: [number, number];
  days: number;
  needed: number;
  /** Slots and availability on Monday … this weekday (fewer = more overlap). */
  weekdays: number;
}

/** A school of the given size; ids are not in array order, to catch order dependence. */
function arbSchool(shape: Shape): fc.Arbitrary<AutofillInput> {
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

const small: Shape = { ambassadors: [1, 10], slots: [1, 8], days: 21, needed: 4, weekdays: 5 };

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

function shuffled(input: AutofillInput, seed: number): AutofillInput {
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
function lockSome(input: AutofillInput, result: AutofillResult, mask: boolean[]): AutofillInput {
  return { ...input, locked: result.assignments.filter((_, i) => mask[i % mask.length]) };
}

// ---------------------------------------------------------------------------------------------
// The hard rules, checked from scratch

function checkHardRules(input: AutofillInput, result: AutofillResult): void {
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

function bestByBruteForce(input: AutofillInput): { filled: number; loads: number[] } {
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

const sortedDown = (loads: Record<string, number>) => Object.values(loads).sort((x, y) => y - x);

// ---------------------------------------------------------------------------------------------

describe('autofill: hard rules on random schools', () => {
  it('keeps every hard rule and explains every short duty', () => {
    fc.assert(
      fc.property(arbSchool(small), (input) => {
        checkHardRules(input, autofill(input));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps locked assignments (picked from an earlier fill) and every hard rule', () => {
    fc.assert(
      fc.property(arbSchool(small), fc.array(fc.boolean(), { minLength: 1 }), (input, mask) => {
        const relocked = lockSome(input, autofill(input), mask);
        const result = autofill(relocked);
        checkHardRules(relocked, result);
        // Locking part of a maximum fill never loses places.
        expect(result.stats.filled).toBe(autofill(input).stats.filled);
      }),
      { numRuns: 200 },
    );
  });

  it('locking the whole answer gives the same answer back', () => {
    fc.assert(
      fc.property(arbSchool(small), (input) => {
        const first = autofill(input);
        expect(autofill({ ...input, locked: first.assignments })).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});

describe('autofill: most places filled, then fairest loads', () => {
  const tiny: Shape = { ambassadors: [2, 3], slots: [2, 4], days: 10, needed: 2, weekdays: 3 };
  it('matches brute force on tiny schools (with and without locks)', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbSchool(tiny), fc.array(fc.boolean(), { minLength: 1 }), (input, mask) => {
        const duties = dutiesOf(input.rota, input.slots).length;
        fc.pre(duties >= 2 && duties <= 7);
        for (const variant of [input, lockSome(input, autofill(input), mask)]) {
          const result = autofill(variant);
          const best = bestByBruteForce(variant);
          expect(result.stats.filled).toBe(best.filled);
          expect(sortedDown(result.loads)).toEqual(best.loads);
        }
        compared++;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('keeps the gap between most and least loaded ≤ 1 when everyone can do every time', () => {
    const everything: Availability[] = [1, 2, 3, 4, 5].flatMap((weekday) =>
      periods.map((periodId) => ({ weekday: weekday as Weekday, periodId })),
    );
    fc.assert(
      fc.property(
        arbSchool({ ambassadors: [1, 12], slots: [1, 10], days: 28, needed: 4, weekdays: 5 }),
        (school) => {
          const input = {
            ...school,
            ambassadors: school.ambassadors.map((a) => ({ ...a, availability: everything })),
          };
          const result = autofill(input);
          checkHardRules(input, result);
          expect(result.stats.maxMinGap).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never fills fewer places or balances worse for the sake of rest days and mixing', () => {
    fc.assert(
      fc.property(arbSchool(small), (input) => {
        const plain = autofill(input, { improve: false });
        const improved = autofill(input);
        checkHardRules(input, plain);
        expect(improved.stats.filled).toBe(plain.stats.filled);
        expect(sortedDown(improved.loads)).toEqual(sortedDown(plain.loads));
        const { closePairs: c1, sameYearPairs: y1 } = plain.stats;
        const { closePairs: c2, sameYearPairs: y2 } = improved.stats;
        expect(c2 < c1 || (c2 === c1 && y2 <= y1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('autofill: deterministic', () => {
  it('gives the same answer for the same school, however its lists are ordered', () => {
    fc.assert(
      fc.property(
        arbSchool(small),
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.integer({ min: 1, max: 1e9 }),
        (school, mask, seed) => {
          const input = lockSome(school, autofill(school), mask);
          const result = autofill(input);
          expect(autofill(input)).toEqual(result);
          expect(autofill(shuffled(input, seed))).toEqual(result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists assignments by date, slot id, then ambassador id', () => {
    fc.assert(
      fc.property(arbSchool(small), (input) => {
        const keys = autofill(input).assignments.map((x) => [x.date, x.slotId, x.ambassadorId]);
        const sorted = [...keys].sort((x, y) =>
          x.join('\u0000') < y.join('\u0000') ? -1 : x.join('\u0000') > y.join('\u0000') ? 1 : 0,
        );
        expect(keys).toEqual(sorted);
      }),
      { numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made schools

const week1 = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'];
const ambassador = (id: string, availability: Availability[], more: Partial<Ambassador> = {}) => ({
  id,
  yearGroup: 9,
  trainedOn: '2026-01-15',
  active: true,
  availability,
  ...more,
});
const slot = (id: string, weekday: Weekday, periodId: string, more: Partial<RotaSlot> = {}) => ({
  id,
  weekday,
  periodId,
  placeId: 'buddy-bench',
  needed: 1,
  supervisingAdult: 'Mr Evans',
  ...more,
});
const rota = (more: Partial<AutofillInput['rota']> = {}) => ({
  startDate: '2026-09-07',
  endDate: '2026-09-11',
  weekAB: false,
  schoolDates: week1,
  maxPerWeek: 3,
  ...more,
});
const everyLunch: Availability[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as Weekday,
  periodId: 'lunch',
}));

describe('autofill: why a duty is short', () => {
  it('nobody available', () => {
    const result = autofill({
      rota: rota(),
      slots: [slot('wed-lunch', 3, 'lunch', { needed: 2 })],
      ambassadors: [
        ambassador('ada', [{ weekday: 3, periodId: 'lunch' }]),
        ambassador('ben', [{ weekday: 3, periodId: 'morning-break' }]),
        ambassador('cy', everyLunch, { active: false }),
      ],
    });
    expect(result.assignments).toEqual([
      { date: '2026-09-09', slotId: 'wed-lunch', ambassadorId: 'ada' },
    ]);
    expect(result.unfilled).toEqual([
      { date: '2026-09-09', slotId: 'wed-lunch', missing: 1, reason: 'nobody_available' },
    ]);
  });

  it('everyone at the maximum', () => {
    const result = autofill({
      rota: rota({ maxPerWeek: 1 }),
      slots: [slot('mon-lunch', 1, 'lunch'), slot('tue-lunch', 2, 'lunch')],
      ambassadors: [ambassador('ada', everyLunch)],
    });
    expect(result.assignments).toEqual([
      { date: '2026-09-07', slotId: 'mon-lunch', ambassadorId: 'ada' },
    ]);
    expect(result.unfilled).toEqual([
      { date: '2026-09-08', slotId: 'tue-lunch', missing: 1, reason: 'everyone_at_maximum' },
    ]);
  });

  it('everyone busy elsewhere at the same time', () => {
    const result = autofill({
      rota: rota(),
      slots: [
        slot('mon-lunch-bench', 1, 'lunch'),
        slot('mon-lunch-library', 1, 'lunch', { placeId: 'library' }),
      ],
      ambassadors: [ambassador('ada', everyLunch)],
    });
    expect(result.assignments).toHaveLength(1);
    expect(result.unfilled).toEqual([
      { date: '2026-09-07', slotId: 'mon-lunch-library', missing: 1, reason: 'everyone_busy' },
    ]);
  });

  it('skips dates that are not school days and weeks a slot does not run', () => {
    const result = autofill({
      rota: rota({
        endDate: '2026-09-18',
        weekAB: true,
        schoolDates: ['2026-09-07', '2026-09-14', '2026-09-15', '2026-09-20'],
      }),
      slots: [slot('mon-b', 1, 'lunch', { week: 'B' }), slot('tue', 2, 'lunch')],
      ambassadors: [ambassador('ada', [...everyLunch, { weekday: 2, periodId: 'x', week: 'A' }])],
    });
    expect(result.assignments).toEqual([
      { date: '2026-09-14', slotId: 'mon-b', ambassadorId: 'ada' },
      { date: '2026-09-15', slotId: 'tue', ambassadorId: 'ada' },
    ]);
  });

  it('only counts week-A availability in week A of an A/B rota', () => {
    const result = autofill({
      rota: rota({
        endDate: '2026-09-18',
        weekAB: true,
        schoolDates: ['2026-09-07', '2026-09-14'],
      }),
      slots: [slot('mon', 1, 'lunch')],
      ambassadors: [ambassador('ada', [{ weekday: 1, periodId: 'lunch', week: 'A' }])],
    });
    expect(result.assignments).toEqual([
      { date: '2026-09-07', slotId: 'mon', ambassadorId: 'ada' },
    ]);
    expect(result.unfilled.map((u) => [u.date, u.reason])).toEqual([
      ['2026-09-14', 'nobody_available'],
    ]);
  });
});

describe('autofill: rest days and mixed year groups', () => {
  it('gives two ambassadors alternate days', () => {
    const result = autofill({
      rota: rota({ maxPerWeek: 5 }),
      slots: [1, 2, 3, 4, 5].map((d) => slot(`lunch-${d}`, d as Weekday, 'lunch')),
      ambassadors: [ambassador('ada', everyLunch), ambassador('ben', everyLunch)],
    });
    expect(result.stats).toMatchObject({ filled: 5, maxMinGap: 1, closePairs: 0 });
    expect(result.assignments.map((x) => x.ambassadorId)).toEqual([
      'ada',
      'ben',
      'ada',
      'ben',
      'ada',
    ]);
  });

  it('counts Friday and Monday as close, but not the days either side of half term', () => {
    const result = autofill({
      rota: rota({
        endDate: '2026-10-30',
        schoolDates: ['2026-09-11', '2026-09-14', '2026-10-16', '2026-10-26'],
      }),
      slots: [slot('mon', 1, 'lunch'), slot('fri', 5, 'lunch')],
      ambassadors: [ambassador('ada', everyLunch)],
    });
    expect(result.stats).toMatchObject({ filled: 4, closePairs: 1 });
  });

  it('puts an older and a younger ambassador on each duty', () => {
    const result = autofill({
      rota: rota(),
      slots: [1, 2, 3, 4].map((d) => slot(`lunch-${d}`, d as Weekday, 'lunch', { needed: 2 })),
      ambassadors: [
        ambassador('a7', everyLunch, { yearGroup: 7 }),
        ambassador('b7', everyLunch, { yearGroup: 7 }),
        ambassador('c11', everyLunch, { yearGroup: 11 }),
        ambassador('d11', everyLunch, { yearGroup: 11 }),
      ],
    });
    expect(result.stats).toMatchObject({ filled: 8, maxMinGap: 0, sameYearPairs: 0 });
  });

  it('fills a short duty even if that makes loads less even', () => {
    // Only ada can do Monday: she gets it although ben then has nothing.
    const result = autofill({
      rota: rota(),
      slots: [slot('mon', 1, 'lunch')],
      ambassadors: [
        ambassador('ada', [{ weekday: 1, periodId: 'lunch' }]),
        ambassador('ben', [{ weekday: 2, periodId: 'lunch' }]),
      ],
    });
    expect(result.loads).toEqual({ ada: 1, ben: 0 });
    expect(result.unfilled).toEqual([]);
  });

  it('balances through a chain of swaps when that is the only way', () => {
    // ada can do Monday and Tuesday, ben Tuesday and Wednesday, cy only Wednesday. Fair: one each.
    const result = autofill({
      rota: rota(),
      slots: [slot('mon', 1, 'lunch'), slot('tue', 2, 'lunch'), slot('wed', 3, 'lunch')],
      ambassadors: [
        ambassador(
          'ada',
          [1, 2].map((weekday) => ({ weekday: weekday as Weekday, periodId: 'lunch' })),
        ),
        ambassador(
          'ben',
          [2, 3].map((weekday) => ({ weekday: weekday as Weekday, periodId: 'lunch' })),
        ),
        ambassador('cy', [{ weekday: 3, periodId: 'lunch' }]),
      ],
    });
    expect(result.loads).toEqual({ ada: 1, ben: 1, cy: 1 });
  });
});

describe('autofill: fairness needs chains across weeks', () => {
  it('moves ada to week B so that ben, who can only do week A, gets a duty', () => {
    const result = autofill({
      rota: rota({
        endDate: '2026-09-18',
        weekAB: true,
        schoolDates: ['2026-09-07', '2026-09-14'],
      }),
      slots: [slot('mon', 1, 'lunch')],
      ambassadors: [
        ambassador('ada', [{ weekday: 1, periodId: 'lunch' }]),
        ambassador('ben', [{ weekday: 1, periodId: 'lunch', week: 'A' }]),
      ],
    });
    expect(result.assignments).toEqual([
      { date: '2026-09-07', slotId: 'mon', ambassadorId: 'ben' },
      { date: '2026-09-14', slotId: 'mon', ambassadorId: 'ada' },
    ]);
  });
});

describe('autofill: refuses bad input with a clear error', () => {
  const base: AutofillInput = {
    rota: rota(),
    slots: [
      slot('mon', 1, 'lunch', { needed: 2 }),
      slot('mon-2', 1, 'lunch'),
      slot('tue', 2, 'lunch'),
    ],
    ambassadors: [
      ambassador('ada', everyLunch),
      ambassador('ben', [{ weekday: 2, periodId: 'lunch' }]),
      ambassador('cy', everyLunch, { active: false }),
    ],
  };
  const lock = (slotId: string, ambassadorId: string, date = '2026-09-07'): Assignment => ({
    date,
    slotId,
    ambassadorId,
  });
  const cases: [string, AutofillInput, string][] = [
    ['a lock on an unknown slot', { ...base, locked: [lock('fri', 'ada')] }, 'lockUnknownSlot'],
    [
      'a lock for an unknown ambassador',
      { ...base, locked: [lock('mon', 'zed')] },
      'lockUnknownAmbassador',
    ],
    ['a lock for an inactive ambassador', { ...base, locked: [lock('mon', 'cy')] }, 'lockInactive'],
    [
      'a lock on a date the slot does not run',
      { ...base, locked: [lock('tue', 'ada')] },
      'lockNotADuty',
    ],
    ['a lock when not available', { ...base, locked: [lock('mon', 'ben')] }, 'lockUnavailable'],
    [
      'a lock in two places at once',
      { ...base, locked: [lock('mon', 'ada'), lock('mon-2', 'ada')] },
      'lockClash',
    ],
    [
      'the same lock twice',
      { ...base, locked: [lock('mon', 'ada'), lock('mon', 'ada')] },
      'lockTwice',
    ],
    [
      'locks over the weekly maximum',
      {
        ...base,
        rota: rota({ maxPerWeek: 1 }),
        locked: [lock('mon', 'ada'), lock('tue', 'ada', '2026-09-08')],
      },
      'lockOverMaximum',
    ],
    [
      'more locks than the duty needs',
      {
        ...base,
        ambassadors: [...base.ambassadors, ambassador('dee', everyLunch)],
        locked: [lock('mon-2', 'ada'), lock('mon-2', 'dee')],
      },
      'lockOverfills',
    ],
    ['negative needed', { ...base, slots: [slot('mon', 1, 'lunch', { needed: -1 })] }, 'badNeeded'],
    ['five needed', { ...base, slots: [slot('mon', 1, 'lunch', { needed: 5 })] }, 'badNeeded'],
    ['maxPerWeek 0', { ...base, rota: rota({ maxPerWeek: 0 }) }, 'badMaxPerWeek'],
    ['maxPerWeek 1.5', { ...base, rota: rota({ maxPerWeek: 1.5 }) }, 'badMaxPerWeek'],
    ['end before start', { ...base, rota: rota({ endDate: '2026-09-06' }) }, 'endBeforeStart'],
    [
      'a date that does not exist',
      { ...base, rota: rota({ schoolDates: ['2026-02-30'] }) },
      'badSchoolDate',
    ],
    ['a Saturday slot', { ...base, slots: [slot('sat', 6 as Weekday, 'lunch')] }, 'badWeekday'],
    [
      'two slots with one id',
      { ...base, slots: [slot('mon', 1, 'lunch'), slot('mon', 2, 'lunch')] },
      'duplicateSlot',
    ],
    [
      'two ambassadors with one id',
      { ...base, ambassadors: [ambassador('ada', []), ambassador('ada', [])] },
      'duplicateAmbassador',
    ],
    [
      'a Year 2 ambassador',
      { ...base, ambassadors: [ambassador('ada', [], { yearGroup: 2 })] },
      'badYearGroup',
    ],
    [
      'a week-A slot without A/B weeks',
      { ...base, slots: [slot('mon', 1, 'lunch', { week: 'A' })] },
      'weekWithoutWeekAB',
    ],
  ];
  it.each(cases)('%s', (_name, input, code) => {
    let error: unknown;
    try {
      autofill(input);
    } catch (e) {
      error = e;
    }
    expect(isBelongError(error, 'invalidInput')).toBe(true);
    expect((error as Error).message).toContain(code);
  });

  it('accepts the same school with good locks', () => {
    const result = autofill({
      ...base,
      locked: [lock('mon', 'ada'), lock('tue', 'ben', '2026-09-08')],
    });
    expect(result.assignments).toContainEqual(lock('tue', 'ben', '2026-09-08'));
  });
});

describe('rota dates', () => {
  it('counts weeks from the Monday of the first week, holidays included', () => {
    expect(weekIndex('2026-09-09', '2026-09-07')).toBe(0);
    expect(weekIndex('2026-09-09', '2026-09-13')).toBe(0);
    expect(weekIndex('2026-09-09', '2026-09-14')).toBe(1);
    expect(weekOf('2026-09-09', '2026-09-21')).toBe('A');
    expect(weekOf('2026-10-19', '2026-11-02')).toBe('A');
    expect(weekOf('2026-10-19', '2026-10-26')).toBe('B');
  });
  it('keeps school dates inside the rota, sorted, once each', () => {
    expect(
      rotaDates(rota({ schoolDates: ['2026-09-08', '2026-09-01', '2026-09-07', '2026-09-08'] })),
    ).toEqual(['2026-09-07', '2026-09-08']);
  });
});
