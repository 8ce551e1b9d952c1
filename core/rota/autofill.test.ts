/** Auto-fill (decision 009) from its input to its answer: hard rules, order, reasons, refusals. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBelongError } from '../errors.js';
import {
  ambassador,
  arbSchool,
  checkHardRules,
  everyLunch,
  lockSome,
  rota,
  shuffled,
  slot,
  small,
} from '../testing/autofill-schools.js';
import { autofill, type AutofillInput } from './autofill.js';
import { AutofillRefusal } from './problems.js';
import type { Assignment, Weekday } from './rota.js';

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
    expect(error).toBeInstanceOf(AutofillRefusal);
    expect((error as AutofillRefusal).codes).toContain(code);
  });

  it('accepts the same school with good locks', () => {
    const result = autofill({
      ...base,
      locked: [lock('mon', 'ada'), lock('tue', 'ben', '2026-09-08')],
    });
    expect(result.assignments).toContainEqual(lock('tue', 'ben', '2026-09-08'));
  });
});
