import { beforeEach, describe, expect, it } from 'vitest';
import type { Access } from '../access.js';
import { BelongError, type ErrorCode } from '../errors.js';
import type { SchoolRole } from '../roles.js';
import type { SchoolCalendar } from '../schedule/calendar.js';
import { SchoolStore } from '../stores/school-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { isAvailable, weekdayOf, type Availability, type Weekday } from './rota.js';
import { mondayOf, RotaService, type AmbassadorInput, type SlotInput } from './rota-service.js';
import { RotaStore, type DutyAssignment } from './rota-store.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const calendar: SchoolCalendar = {
  terms: [{ name: 'Autumn 2026', start: '2026-09-01', end: '2026-12-18' }],
  closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-27', end: '2026-11-27' }],
};
/** Ambassador n's Entra object id. */
const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const access = (userId: string, ...roles: SchoolRole[]): Access => ({
  tenantId,
  userId,
  schoolRoles: roles,
  teams: [],
  roles,
});
const coordinator = access('00000000-0000-4000-8000-000000000008', 'coordinator');
const amb = (n: number) => access(id(n), 'ambassador');

const lunch = (...days: Weekday[]): Availability[] =>
  days.map((weekday) => ({ weekday, periodId: 'lunch' }));
const morning = (...days: Weekday[]): Availability[] =>
  days.map((weekday) => ({ weekday, periodId: 'morning-break' }));

/** Lunch on the bench every day (two needed), the library at morning break on Tuesday and Thursday (one). */
const slots: SlotInput[] = [
  ...([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({
    id: `lunch-${weekday}`,
    weekday,
    periodId: 'lunch',
    placeId: 'Buddy bench',
    needed: 2,
    supervisingAdult: 'Mr Price',
  })),
  ...([2, 4] as Weekday[]).map((weekday) => ({
    id: `library-${weekday}`,
    weekday,
    periodId: 'morning-break',
    placeId: 'Library',
    needed: 1,
    supervisingAdult: 'Mrs Jones',
  })),
];

const ambassadors: Record<number, AmbassadorInput> = {
  1: {
    yearGroup: 7,
    trainedOn: '2026-09-10',
    active: true,
    availability: [...lunch(1, 2, 3, 4, 5), ...morning(2, 4)],
  },
  2: { yearGroup: 8, trainedOn: '2026-09-10', active: true, availability: lunch(1, 2, 3, 4, 5) },
  3: { yearGroup: 9, trainedOn: '2025-09-10', active: true, availability: lunch(1, 2, 3) },
  4: {
    yearGroup: 10,
    trainedOn: '2025-09-10',
    active: true,
    availability: [...lunch(3, 4, 5), ...morning(2)],
  },
  5: { yearGroup: 7, trainedOn: '2026-10-01', active: true, availability: lunch(1, 5) },
  6: { yearGroup: 11, trainedOn: '2024-09-10', active: true, availability: lunch(2, 4) },
};

let now: Date;
let store: MemoryTableStore;
let rotas: RotaStore;
let service: RotaService;

async function school(
  options: { approvalRequired?: boolean; maxPerWeek?: number; clock?: string } = {},
) {
  now = new Date(options.clock ?? '2026-11-24T07:00:00Z'); // Tuesday, before school
  store = new MemoryTableStore();
  const schools = new SchoolStore(store);
  await schools.setCalendar(tenantId, calendar);
  rotas = new RotaStore(store);
  service = new RotaService({ rotas, schools, clock: { now: () => now } });
  await service.setSettings(coordinator, {
    startDate: '2026-11-23',
    endDate: '2026-12-18',
    weekAB: false,
    maxPerWeek: options.maxPerWeek ?? 3,
    ...(options.approvalRequired !== undefined
      ? { approvalRequired: options.approvalRequired }
      : {}),
  });
  await service.setSlots(coordinator, slots);
  for (const [n, input] of Object.entries(ambassadors))
    await service.upsertAmbassador(coordinator, id(Number(n)), input);
}

const assign = (n: number, date: string, slotId: string, locked = true) =>
  service.changeAssignment(coordinator, {
    action: 'assign',
    date,
    slotId,
    ambassadorId: id(n),
    locked,
  });

async function refusal(
  promise: Promise<unknown>,
  code: ErrorCode,
  problems: string[],
): Promise<BelongError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${problems.join(', ')}`).toBeInstanceOf(BelongError);
  const e = error as BelongError;
  expect({ code: e.code, problems: e.problems }).toEqual({ code, problems });
  expect(e.message).toMatch(/\w{4,}/);
  return e;
}

async function allAssignments(): Promise<DutyAssignment[]> {
  return (await rotas.allWeeks(tenantId)).flatMap((w) => w.value.assignments);
}

const on = (list: DutyAssignment[], date: string, slotId: string) =>
  list
    .filter((a) => a.date === date && a.slotId === slotId)
    .map((a) => a.ambassadorId)
    .sort();

beforeEach(() => school());

describe('fill', () => {
  it('fills only dates after today, keeps locks and every hard rule, and skips the INSET day', async () => {
    await assign(2, '2026-11-24', 'lunch-2'); // today: kept as it is
    await assign(1, '2026-11-25', 'lunch-3'); // a locked hand assignment
    const result = await service.fill(coordinator);
    const all = await allAssignments();

    expect(on(all, '2026-11-24', 'lunch-2')).toEqual([id(2)]);
    expect(on(all, '2026-11-25', 'lunch-3')).toContain(id(1));
    expect(all.filter((a) => a.date === '2026-11-27')).toEqual([]);
    expect(all.every((a) => a.date <= '2026-12-18')).toBe(true);
    expect(result.from).toBe('2026-11-24');

    const needed = new Map(slots.map((s) => [s.id!, s]));
    const perWeek = new Map<string, number>();
    const at = new Set<string>();
    for (const a of all) {
      const slot = needed.get(a.slotId)!;
      expect(weekdayOf(a.date)).toBe(slot.weekday);
      const who = { id: a.ambassadorId, ...ambassadors[Number(a.ambassadorId.slice(-2))]! };
      expect(isAvailable({ weekAB: false }, who, slot.weekday, slot.periodId, 'A')).toBe(true);
      const time = `${a.ambassadorId}|${a.date}|${slot.periodId}`;
      expect(at.has(time), time).toBe(false);
      at.add(time);
      const week = `${a.ambassadorId}|${mondayOf(a.date)}`;
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      expect(on(all, a.date, a.slotId).length).toBeLessThanOrEqual(slot.needed);
    }
    expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(3);
    for (const u of result.unfilled) {
      expect(u.date > '2026-11-24').toBe(true);
      expect(['nobody_available', 'everyone_at_maximum', 'everyone_busy']).toContain(u.reason);
    }
    // The fill is recorded as the coordinator's, unlocked; the hand assignments stay locked.
    const filled = all.find((a) => a.source === 'fill')!;
    expect(filled).toMatchObject({ locked: false, by: coordinator.userId });
  });

  it('gives the same rota when run again, and does not touch today', async () => {
    const first = await service.fill(coordinator);
    const second = await service.fill(coordinator);
    const strip = (list: DutyAssignment[]) =>
      list.map(({ date, slotId, ambassadorId }) => ({ date, slotId, ambassadorId }));
    expect(strip(second.assignments)).toEqual(strip(first.assignments));
    expect(first.assignments.filter((a) => a.date === '2026-11-24')).toEqual([]);
  });

  it('counts duties already done this week towards the weekly maximum', async () => {
    await school({ maxPerWeek: 2, clock: '2026-11-23T07:00:00Z' }); // Monday
    await assign(1, '2026-11-23', 'lunch-1');
    await assign(1, '2026-11-24', 'library-2');
    now = new Date('2026-11-24T07:00:00Z'); // Tuesday: both are today or past
    const result = await service.fill(coordinator);
    const all = await allAssignments();
    const thisWeek = all.filter((a) => a.ambassadorId === id(1) && a.date <= '2026-11-29');
    expect(thisWeek.map((a) => a.date)).toEqual(['2026-11-23', '2026-11-24']);
    // Auto-fill alone would give them Thursday's library too (nobody else can do it).
    expect(result.unfilled).toContainEqual({
      date: '2026-11-26',
      slotId: 'library-4',
      missing: 1,
      reason: 'everyone_at_maximum',
    });
  });

  it('refuses to fill around a lock that breaks a rule now, and names the rule', async () => {
    await assign(4, '2026-12-02', 'lunch-3');
    await service.upsertAmbassador(coordinator, id(4), {
      ...ambassadors[4]!,
      availability: lunch(4, 5),
    });
    const e = await refusal(service.fill(coordinator), 'conflict', ['lockUnavailable']);
    expect(e.message).toContain('2026-12-02 lunch-3');
  });

  it('drops future assignments when slots or dates change', async () => {
    await service.fill(coordinator);
    const before = await allAssignments();
    const { removed } = await service.setSlots(
      coordinator,
      slots.filter((s) => s.id !== 'library-4'),
    );
    expect(removed).toBe(before.filter((a) => a.slotId === 'library-4').length);
    const shorter = await service.setSettings(coordinator, {
      startDate: '2026-11-23',
      endDate: '2026-12-11',
      weekAB: false,
      maxPerWeek: 3,
    });
    expect(shorter.removed).toBeGreaterThan(0);
    expect((await allAssignments()).every((a) => a.date <= '2026-12-11')).toBe(true);
  });

  it('refuses without dates, or when the rota is over', async () => {
    await school({ clock: '2027-01-05T08:00:00Z' });
    await refusal(service.fill(coordinator), 'conflict', ['rotaOver']);
    const bare = new RotaService({
      rotas: new RotaStore(new MemoryTableStore()),
      schools: new SchoolStore(new MemoryTableStore()),
      clock: { now: () => now },
    });
    await refusal(bare.fill(coordinator), 'conflict', ['rotaNotSet']);
  });
});

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

  it('is only for the coordinator and the admin', async () => {
    await refusal(service.fill(amb(1)), 'forbidden', ['notCoordinator']);
    await refusal(service.overview(access(id(2), 'wellbeing_lead')), 'forbidden', [
      'notCoordinator',
    ]);
    await expect(service.overview(access('admin', 'admin'))).resolves.toBeTruthy();
  });
});

describe('swaps and cover', () => {
  const duty = { date: '2026-11-25', slotId: 'lunch-3' };

  beforeEach(async () => {
    await assign(3, duty.date, duty.slotId);
  });

  it('cover: asked, accepted, approved — the rota changes and the request says who did what when', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    expect(asked).toMatchObject({ status: 'open', requesterId: id(3) });
    now = new Date('2026-11-24T08:00:00Z');
    const accepted = await service.accept(amb(2), asked.id);
    expect(accepted).toMatchObject({ status: 'accepted', acceptorId: id(2) });
    expect(on(await allAssignments(), duty.date, duty.slotId)).toEqual([id(3)]); // waits for approval
    now = new Date('2026-11-24T09:00:00Z');
    const approved = await service.approve(coordinator, asked.id);
    expect(approved.status).toBe('approved');
    expect(approved.history).toEqual([
      { action: 'asked', by: id(3), at: '2026-11-24T07:00:00.000Z' },
      { action: 'accepted', by: id(2), at: '2026-11-24T08:00:00.000Z' },
      { action: 'approved', by: coordinator.userId, at: '2026-11-24T09:00:00.000Z' },
    ]);
    const all = await allAssignments();
    expect(on(all, duty.date, duty.slotId)).toEqual([id(2)]);
    expect(all.find((a) => a.ambassadorId === id(2))).toMatchObject({
      source: 'request',
      locked: true,
      requestId: asked.id,
    });
    // Approving again changes nothing and is refused as no longer waiting.
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['requestNotOpen']);
    const mine = await service.myRota(amb(2));
    expect(mine.duties.map((d) => [d.date, d.slotId, d.supervisingAdult])).toEqual([
      [duty.date, duty.slotId, 'Mr Price'],
    ]);
  });

  it('swap with approval off: applies at once, across two weeks', async () => {
    await school({ approvalRequired: false });
    await assign(3, duty.date, duty.slotId);
    await assign(1, '2026-12-01', 'lunch-2');
    const asked = await service.ask(amb(3), { kind: 'swap', ...duty });
    const options = await service.openRequests(amb(1));
    expect(options).toHaveLength(1);
    expect(options[0]!.inReturnOptions!.map((d) => [d.date, d.slotId])).toEqual([
      ['2026-12-01', 'lunch-2'],
    ]);
    const done = await service.accept(amb(1), asked.id, { date: '2026-12-01', slotId: 'lunch-2' });
    expect(done.status).toBe('approved');
    expect(done.history.map((h) => h.action)).toEqual(['asked', 'accepted', 'approved']);
    const all = await allAssignments();
    expect(on(all, duty.date, duty.slotId)).toEqual([id(1)]);
    expect(on(all, '2026-12-01', 'lunch-2')).toEqual([id(3)]);
    await refusal(service.cancel(amb(3), asked.id), 'conflict', ['requestNotOpen']);
  });

  it.each<[string, (requestId: string) => Promise<unknown>, ErrorCode, string[]]>([
    ['accepting your own request', (r) => service.accept(amb(3), r), 'conflict', ['ownRequest']],
    [
      'an acceptor not available then',
      (r) => service.accept(amb(5), r),
      'conflict',
      ['notAvailable'],
    ],
    [
      'an acceptor busy then',
      async (r) => {
        await service.setSlots(coordinator, [
          ...slots,
          {
            id: 'lunch-field-3',
            weekday: 3,
            periodId: 'lunch',
            placeId: 'Field',
            needed: 1,
            supervisingAdult: 'Ms Evans',
          },
        ]);
        await assign(2, duty.date, 'lunch-field-3');
        return service.accept(amb(2), r);
      },
      'conflict',
      ['busyThen'],
    ],
    [
      'an acceptor at the weekly maximum',
      async (r) => {
        await assign(1, '2026-11-26', 'library-4');
        await assign(1, '2026-11-24', 'library-2');
        await assign(1, '2026-11-26', 'lunch-4');
        return service.accept(amb(1), r);
      },
      'conflict',
      ['atMaximum'],
    ],
    [
      'an acceptor already on the duty',
      async (r) => {
        await assign(2, duty.date, duty.slotId);
        return service.accept(amb(2), r);
      },
      'conflict',
      ['alreadyOnDuty'],
    ],
    [
      'a duty that already changed',
      async (r) => {
        await service.changeAssignment(coordinator, { action: 'clear', ...duty });
        return service.accept(amb(2), r);
      },
      'conflict',
      ['dutyChanged'],
    ],
    [
      'a requester no longer active',
      async (r) => {
        await rotas.updateAmbassador(tenantId, id(3), (a) => ({ ...a!, active: false }));
        return service.accept(amb(2), r);
      },
      'conflict',
      ['requesterInactive'],
    ],
    [
      'an acceptor no longer active',
      async (r) => {
        await service.upsertAmbassador(coordinator, id(2), { ...ambassadors[2]!, active: false });
        return service.accept(amb(2), r);
      },
      'conflict',
      ['ambassadorInactive'],
    ],
    ['someone not on the rota', (r) => service.accept(amb(42), r), 'forbidden', ['notOnRota']],
    [
      'a duty that has passed',
      async (r) => {
        now = new Date('2026-11-26T07:00:00Z');
        return service.accept(amb(2), r);
      },
      'conflict',
      ['dutyPast'],
    ],
    [
      'a request no longer open',
      async (r) => {
        await service.accept(amb(2), r);
        return service.accept(amb(1), r);
      },
      'conflict',
      ['requestNotOpen'],
    ],
    [
      'a cancelled request',
      async (r) => {
        await service.cancel(amb(3), r);
        return service.accept(amb(1), r);
      },
      'conflict',
      ['requestNotOpen'],
    ],
    [
      'something given back for cover',
      (r) => service.accept(amb(2), r, { date: '2026-12-01', slotId: 'lunch-2' }),
      'invalidInput',
      ['inReturnForCover'],
    ],
    [
      'an unknown request',
      () => service.accept(amb(2), crypto.randomUUID()),
      'notFound',
      ['unknownRequest'],
    ],
    [
      'a pupil who is not an ambassador',
      (r) => service.accept(access(id(2)), r),
      'forbidden',
      ['notAmbassador'],
    ],
  ])('accepting cover: refuses %s', async (_name, act, code, problems) => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await refusal(act(asked.id), code, problems);
  });

  it.each<[string, () => Promise<unknown>, ErrorCode, string[]]>([
    ['nothing given back', async () => null, 'invalidInput', ['inReturnMissing']],
    [
      'a duty that is not the acceptor’s',
      async () => ({ date: '2026-12-01', slotId: 'lunch-2' }),
      'conflict',
      ['inReturnNotYours'],
    ],
    [
      'a duty the requester is not available for',
      async () => {
        await assign(2, '2026-12-03', 'lunch-4');
        return { date: '2026-12-03', slotId: 'lunch-4' };
      },
      'conflict',
      ['requesterNotAvailable'],
    ],
    [
      'a duty at a time the requester is busy',
      async () => {
        await service.setSlots(coordinator, [
          ...slots,
          {
            id: 'lunch-field-1',
            weekday: 1,
            periodId: 'lunch',
            placeId: 'Field',
            needed: 1,
            supervisingAdult: 'Ms Evans',
          },
        ]);
        await assign(3, '2026-11-30', 'lunch-1');
        await assign(2, '2026-11-30', 'lunch-field-1');
        return { date: '2026-11-30', slotId: 'lunch-field-1' };
      },
      'conflict',
      ['requesterBusyThen'],
    ],
    [
      'a duty the requester is already on',
      async () => {
        await assign(3, '2026-12-01', 'lunch-2');
        await assign(2, '2026-12-01', 'lunch-2');
        return { date: '2026-12-01', slotId: 'lunch-2' };
      },
      'conflict',
      ['requesterAlreadyOnDuty'],
    ],
    [
      'a week where the requester has the most already',
      async () => {
        await assign(3, '2026-11-30', 'lunch-1');
        await assign(3, '2026-12-01', 'lunch-2');
        await assign(3, '2026-12-02', 'lunch-3');
        await service.upsertAmbassador(coordinator, id(3), {
          ...ambassadors[3]!,
          availability: lunch(1, 2, 3, 5),
        });
        await assign(2, '2026-12-04', 'lunch-5');
        return { date: '2026-12-04', slotId: 'lunch-5' };
      },
      'conflict',
      ['requesterAtMaximum'],
    ],
  ])('accepting a swap: refuses %s', async (_name, prepare, code, problems) => {
    const asked = await service.ask(amb(3), { kind: 'swap', ...duty });
    const inReturn = (await prepare()) as { date: string; slotId: string } | null;
    await refusal(service.accept(amb(2), asked.id, inReturn ?? undefined), code, problems);
  });

  it.each<[string, () => Promise<unknown>, ErrorCode, string[]]>([
    [
      'a duty that is not mine',
      () => service.ask(amb(2), { kind: 'cover', ...duty }),
      'conflict',
      ['notYourDuty'],
    ],
    [
      'the same duty twice',
      async () => {
        await service.ask(amb(3), { kind: 'cover', ...duty });
        return service.ask(amb(3), { kind: 'swap', ...duty });
      },
      'conflict',
      ['requestExists'],
    ],
    [
      'a past duty',
      async () => {
        now = new Date('2026-11-26T07:00:00Z');
        return service.ask(amb(3), { kind: 'cover', ...duty });
      },
      'conflict',
      ['dutyPast'],
    ],
    [
      'no such duty',
      () => service.ask(amb(3), { kind: 'cover', date: '2026-11-28', slotId: 'lunch-3' }),
      'invalidInput',
      ['notADuty'],
    ],
    [
      'no such slot',
      () => service.ask(amb(3), { kind: 'cover', date: duty.date, slotId: 'roof' }),
      'invalidInput',
      ['unknownSlot'],
    ],
    [
      'someone not on the rota',
      () => service.ask(amb(42), { kind: 'cover', ...duty }),
      'forbidden',
      ['notOnRota'],
    ],
    [
      'an inactive ambassador',
      async () => {
        await rotas.updateAmbassador(tenantId, id(3), (a) => ({ ...a!, active: false }));
        return service.ask(amb(3), { kind: 'cover', ...duty });
      },
      'conflict',
      ['ambassadorInactive'],
    ],
  ])('asking: refuses %s', async (_name, act, code, problems) => {
    await refusal(act(), code, problems);
  });

  it('approval: refuses an open request, a declined one, and a duty that changed since', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['requestNotAccepted']);
    await service.accept(amb(2), asked.id);
    // The coordinator changed the duty by hand after it was accepted.
    await service.changeAssignment(coordinator, { action: 'clear', ...duty, ambassadorId: id(3) });
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['dutyChanged']);
    expect((await rotas.request(tenantId, asked.id))!.value.status).toBe('accepted');
    const declined = await service.decline(coordinator, asked.id);
    expect(declined).toMatchObject({ status: 'declined', decidedBy: coordinator.userId });
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['requestNotOpen']);
    await refusal(service.decline(coordinator, asked.id), 'conflict', ['requestNotOpen']);
    await refusal(service.approve(amb(2), asked.id), 'forbidden', ['notCoordinator']);
  });

  it('the coordinator overrides first come, first served on cover, never on a swap', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await service.accept(amb(2), asked.id);
    await refusal(service.approve(coordinator, asked.id, id(5)), 'conflict', ['notAvailable']);
    await refusal(service.approve(coordinator, asked.id, id(3)), 'conflict', ['alreadyOnDuty']);
    await refusal(service.approve(coordinator, asked.id, id(77)), 'notFound', [
      'unknownAmbassador',
    ]);
    const done = await service.approve(coordinator, asked.id, id(4));
    expect(done).toMatchObject({ status: 'approved', acceptorId: id(4) });
    expect(done.history.map((h) => h.action)).toEqual([
      'asked',
      'accepted',
      'overridden',
      'approved',
    ]);
    expect(on(await allAssignments(), duty.date, duty.slotId)).toEqual([id(4)]);

    await assign(1, '2026-12-01', 'lunch-2');
    const swap = await service.ask(amb(1), { kind: 'swap', date: '2026-12-01', slotId: 'lunch-2' });
    await refusal(service.approve(coordinator, swap.id, id(2)), 'invalidInput', [
      'overrideOnlyCover',
    ]);
  });

  it('cancelling: only my own request, and only while it is open or waiting', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await refusal(service.cancel(amb(2), asked.id), 'notFound', ['unknownRequest']);
    const cancelled = await service.cancel(amb(3), asked.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', decidedBy: id(3) });
    await refusal(service.cancel(amb(3), asked.id), 'conflict', ['requestNotOpen']);
  });

  it('deactivating an ambassador takes them off future duties, cancels their requests and frees cover they took', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await assign(2, '2026-12-02', 'lunch-3');
    await assign(2, '2026-12-09', 'lunch-3');
    const theirs = await service.ask(amb(2), {
      kind: 'cover',
      date: '2026-12-09',
      slotId: 'lunch-3',
    });
    await service.accept(amb(2), asked.id);
    const { removedDuties } = await service.upsertAmbassador(coordinator, id(2), {
      ...ambassadors[2]!,
      active: false,
    });
    expect(removedDuties).toEqual([
      { date: '2026-12-02', slotId: 'lunch-3' },
      { date: '2026-12-09', slotId: 'lunch-3' },
    ]);
    expect((await rotas.request(tenantId, theirs.id))!.value.status).toBe('cancelled');
    const freed = (await rotas.request(tenantId, asked.id))!.value;
    expect(freed.status).toBe('open');
    expect(freed.acceptorId).toBeUndefined();
    expect(freed.history.at(-1)).toMatchObject({
      action: 'released',
      reason: 'ambassadorInactive',
    });
  });

  it('two ambassadors accepting the same cover at once: exactly one wins', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    const results = await Promise.allSettled([
      service.accept(amb(1), asked.id),
      service.accept(amb(2), asked.id),
      service.accept(amb(4), asked.id),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) expect((r.reason as BelongError).problems).toEqual(['requestNotOpen']);
    const stored = (await rotas.request(tenantId, asked.id))!.value;
    expect(stored.history.filter((h) => h.action === 'accepted')).toHaveLength(1);
  });

  it('with approval off, two at once: one takes the duty and the rota has exactly them', async () => {
    await school({ approvalRequired: false });
    await assign(3, duty.date, duty.slotId);
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    const results = await Promise.allSettled([
      service.accept(amb(1), asked.id),
      service.accept(amb(2), asked.id),
    ]);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(won).toHaveLength(1);
    expect(on(await allAssignments(), duty.date, duty.slotId)).toEqual([won[0]!.acceptorId]);
  });

  it('open requests list only what I could take now', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    expect((await service.openRequests(amb(2))).map((o) => o.request.id)).toEqual([asked.id]);
    expect(await service.openRequests(amb(5))).toEqual([]); // not available on Wednesdays
    expect(await service.openRequests(amb(3))).toEqual([]); // my own
    const [view] = await service.openRequests(amb(2));
    expect(view!.duty).toMatchObject({ placeId: 'Buddy bench', ambassadorIds: [id(3)] });
  });

  it('the coordinator’s overview shows pending requests, short duties and warnings', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await service.upsertAmbassador(coordinator, id(3), {
      ...ambassadors[3]!,
      availability: lunch(1),
    });
    const view = await service.overview(coordinator, '2026-11-23', '2026-11-29');
    expect(view.requests.map((r) => r.id)).toEqual([asked.id]);
    expect(view.warnings).toEqual([{ ...duty, ambassadorId: id(3), kind: 'unavailable' }]);
    expect(
      view.unfilled.find((u) => u.date === duty.date && u.slotId === duty.slotId),
    ).toMatchObject({ missing: 1 });
    expect(view.unfilled.every((u) => u.date >= '2026-11-24')).toBe(true);
    expect(view.dates.find((d) => d.date === '2026-11-27')).toMatchObject({
      schoolDay: false,
      inRota: false,
    });
  });
});

describe('who is on duty', () => {
  it('lists today’s duties with active ambassadors only', async () => {
    await assign(1, '2026-11-24', 'lunch-2');
    await assign(6, '2026-11-24', 'lunch-2');
    await assign(1, '2026-11-24', 'library-2');
    await rotas.updateAmbassador(tenantId, id(6), (a) => ({ ...a!, active: false }));
    const today = await service.onDuty(tenantId);
    expect(today.date).toBe('2026-11-24');
    expect(today.duties.map((d) => [d.slotId, d.placeId, d.ambassadorIds])).toEqual([
      ['library-2', 'Library', [id(1)]],
      ['lunch-2', 'Buddy bench', [id(1)]],
    ]);
    expect((await service.onDuty(tenantId, '2026-11-25')).duties).toEqual([]);
  });
});
