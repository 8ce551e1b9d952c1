/**
 * The coordinator's changes to the rota (coordinator.ts): hand assignments and locks, and the
 * rota's settings, slots and ambassadors.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../errors.js';
import {
  access,
  allAssignments,
  amb,
  ambassadors,
  assign,
  coordinator,
  id,
  refusal,
  rotas,
  school,
  service,
  setNow,
  slots,
  tenantId,
} from '../testing/rota-school.js';

beforeEach(() => school());

describe('the coordinator’s hand changes', () => {
  it('assigns, locks, unlocks and clears', async () => {
    const { duty } = await assign(1, '2026-11-25', 'lunch-3', false);
    expect(duty!.assignments).toMatchObject([
      { ambassadorId: id(1), locked: false, source: 'hand' },
    ]);
    const lock = { date: '2026-11-25', slotId: 'lunch-3', ambassadorId: id(1) };
    expect(
      (await service.changeAssignment(coordinator, { action: 'lock', ...lock })).duty!
        .assignments[0]!.locked,
    ).toBe(true);
    expect(
      (await service.changeAssignment(coordinator, { action: 'unlock', ...lock })).duty!
        .assignments[0]!.locked,
    ).toBe(false);
    await assign(2, '2026-11-25', 'lunch-3');
    const cleared = await service.changeAssignment(coordinator, {
      action: 'clear',
      date: '2026-11-25',
      slotId: 'lunch-3',
    });
    expect(cleared).toMatchObject({ removed: 2, duty: { assignments: [] } });
  });

  it('clears the unlocked assignments of a range, after today', async () => {
    await service.fill(coordinator);
    await service.changeAssignment(coordinator, {
      action: 'clear',
      date: '2026-11-26',
      slotId: 'library-4',
    });
    await assign(1, '2026-11-26', 'library-4');
    const { removed } = await service.changeAssignment(coordinator, {
      action: 'clearRange',
      from: '2026-11-23',
      to: '2026-12-18',
    });
    expect(removed).toBeGreaterThan(0);
    expect((await allAssignments()).map((a) => [a.date, a.slotId, a.locked])).toEqual([
      ['2026-11-26', 'library-4', true],
    ]);
  });

  it.each<[string, () => Promise<unknown>, ErrorCode, string[]]>([
    ['not available', () => assign(5, '2026-11-25', 'lunch-3'), 'conflict', ['notAvailable']],
    [
      'busy at that time',
      async () => {
        await assign(1, '2026-11-26', 'lunch-4');
        await service.setSlots(coordinator, [
          ...slots,
          {
            id: 'lunch-field-4',
            weekday: 4,
            periodId: 'lunch',
            placeId: 'Field',
            needed: 1,
            supervisingAdult: 'Ms Evans',
          },
        ]);
        return assign(1, '2026-11-26', 'lunch-field-4');
      },
      'conflict',
      ['busyThen'],
    ],
    [
      'over the weekly maximum',
      async () => {
        await assign(1, '2026-11-30', 'lunch-1');
        await assign(1, '2026-12-01', 'lunch-2');
        await assign(1, '2026-12-02', 'lunch-3');
        return assign(1, '2026-12-03', 'lunch-4');
      },
      'conflict',
      ['atMaximum'],
    ],
    [
      'a full duty',
      async () => {
        await assign(1, '2026-11-25', 'lunch-3');
        await assign(2, '2026-11-25', 'lunch-3');
        return assign(3, '2026-11-25', 'lunch-3');
      },
      'conflict',
      ['dutyFull'],
    ],
    [
      'someone already on it',
      async () => {
        await assign(1, '2026-11-25', 'lunch-3');
        return assign(1, '2026-11-25', 'lunch-3');
      },
      'conflict',
      ['alreadyOnDuty'],
    ],
    [
      'an inactive ambassador',
      async () => {
        await service.upsertAmbassador(coordinator, id(2), { ...ambassadors[2]!, active: false });
        return assign(2, '2026-11-25', 'lunch-3');
      },
      'conflict',
      ['ambassadorInactive'],
    ],
    ['a past duty', () => assign(1, '2026-11-23', 'lunch-1'), 'conflict', ['dutyPast']],
    ['the INSET day', () => assign(1, '2026-11-27', 'lunch-5'), 'invalidInput', ['notADuty']],
    ['the wrong weekday', () => assign(1, '2026-11-25', 'lunch-1'), 'invalidInput', ['notADuty']],
    ['after the rota', () => assign(1, '2027-01-06', 'lunch-3'), 'invalidInput', ['notADuty']],
    ['an unknown slot', () => assign(1, '2026-11-25', 'nope'), 'invalidInput', ['unknownSlot']],
    [
      'a date that is not real',
      () => assign(1, '2026-02-30', 'lunch-1'),
      'invalidInput',
      ['dateInvalid'],
    ],
    [
      'an unknown ambassador',
      () => assign(99, '2026-11-25', 'lunch-3'),
      'notFound',
      ['unknownAmbassador'],
    ],
    [
      'unlocking someone not on the duty',
      () =>
        service.changeAssignment(coordinator, {
          action: 'unlock',
          date: '2026-11-25',
          slotId: 'lunch-3',
          ambassadorId: id(1),
        }),
      'conflict',
      ['notOnDuty'],
    ],
    [
      'locking someone who is no longer available',
      async () => {
        await assign(4, '2026-11-25', 'lunch-3', false);
        await service.upsertAmbassador(coordinator, id(4), {
          ...ambassadors[4]!,
          availability: [],
        });
        return service.changeAssignment(coordinator, {
          action: 'lock',
          date: '2026-11-25',
          slotId: 'lunch-3',
          ambassadorId: id(4),
        });
      },
      'conflict',
      ['lockUnavailable'],
    ],
  ])('refuses %s', async (_name, act, code, problems) => {
    await refusal(act(), code, problems);
  });

  it('refuses bad settings, slots and ambassadors with a code each', async () => {
    const settings = {
      startDate: '2026-11-23',
      endDate: '2026-12-18',
      weekAB: false,
      maxPerWeek: 3,
    };
    await refusal(
      service.setSettings(coordinator, { ...settings, endDate: '2026-11-01' }),
      'invalidInput',
      ['endBeforeStart'],
    );
    await refusal(
      service.setSettings(coordinator, { ...settings, endDate: '2027-12-18' }),
      'invalidInput',
      ['rangeTooLong'],
    );
    await refusal(
      service.setSettings(coordinator, { ...settings, startDate: '2026-13-01' }),
      'invalidInput',
      ['dateInvalid'],
    );
    await refusal(
      service.setSlots(coordinator, [...slots, { ...slots[0]!, id: 'lunch-1-again' }]),
      'invalidInput',
      ['slotRepeated'],
    );
    await refusal(
      service.setSlots(coordinator, [...slots, { ...slots[1]!, placeId: 'Hall' }]),
      'invalidInput',
      ['duplicateSlot'],
    );
    await refusal(service.setSlots(coordinator, [{ ...slots[0]!, week: 'A' }]), 'invalidInput', [
      'weekWithoutWeekAB',
    ]);
    await refusal(
      service.upsertAmbassador(coordinator, id(7), {
        yearGroup: 8,
        trainedOn: '2026-09-31',
        active: true,
        availability: [{ weekday: 1, periodId: 'lunch', week: 'B' }],
      }),
      'invalidInput',
      ['dateInvalid', 'weekWithoutWeekAB'],
    );
    expect(await rotas.ambassador(tenantId, id(7))).toBeUndefined();
  });

  it('opens on this week, or on the rota’s first week before it has started', async () => {
    expect((await service.overview(coordinator)).from).toBe('2026-11-23');
    // Two weeks before the rota starts (Monday 23 November): its first week, not a week of nothing.
    setNow('2026-11-10T10:00:00Z');
    const early = await service.overview(coordinator);
    expect([early.today, early.from, early.to]).toEqual(['2026-11-10', '2026-11-23', '2026-11-29']);
    // A rota starting on a Saturday opens on the week of its first school day.
    await service.setSettings(coordinator, {
      startDate: '2026-11-28',
      endDate: '2026-12-18',
      weekAB: false,
      maxPerWeek: 3,
    });
    expect((await service.overview(coordinator)).from).toBe('2026-11-30');
    // Asked for a week, it shows that week.
    expect((await service.overview(coordinator, '2026-11-09')).from).toBe('2026-11-09');
  });

  it('is only for the coordinator and the admin', async () => {
    await refusal(service.fill(amb(1)), 'forbidden', ['notCoordinator']);
    await refusal(service.overview(access(id(2), 'wellbeing_lead')), 'forbidden', [
      'notCoordinator',
    ]);
    await expect(service.overview(access('admin', 'admin'))).resolves.toBeTruthy();
  });
});
