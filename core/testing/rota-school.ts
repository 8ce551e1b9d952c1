/**
 * The school the rota service's tests share: a fixed autumn term with an INSET day, six
 * ambassadors with different free times, lunch on the bench every day and the library twice a
 * week, and a clock that starts on a fixed Tuesday morning (tests never read the machine's date).
 * `school()` builds it afresh, so each test file calls it before each test; `service`, `rotas` and
 * `now` are live bindings that always name the current school.
 */
import { expect } from 'vitest';
import type { Access } from '../access.js';
import { BelongError, type ErrorCode } from '../errors.js';
import type { SchoolRole } from '../roles.js';
import type { Availability, Weekday } from '../rota/rota.js';
import { RotaService } from '../rota/rota-service.js';
import { RotaStore, type DutyAssignment } from '../rota/rota-store.js';
import type { AmbassadorInput, SlotInput } from '../rota/views.js';
import type { SchoolCalendar } from '../schedule/calendar.js';
import { SchoolStore } from '../stores/school-store.js';
import { MemoryTableStore } from './memory-table-store.js';

export const tenantId = '11111111-1111-1111-1111-111111111111';
export const calendar: SchoolCalendar = {
  terms: [{ name: 'Autumn 2026', start: '2026-09-01', end: '2026-12-18' }],
  closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-27', end: '2026-11-27' }],
};
/** Ambassador n's Entra object id. */
export const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
export const access = (userId: string, ...roles: SchoolRole[]): Access => ({
  tenantId,
  userId,
  schoolRoles: roles,
  teams: [],
  roles,
});
export const coordinator = access('00000000-0000-4000-8000-000000000008', 'coordinator');
export const amb = (n: number) => access(id(n), 'ambassador');

export const lunch = (...days: Weekday[]): Availability[] =>
  days.map((weekday) => ({ weekday, periodId: 'lunch' }));
export const morning = (...days: Weekday[]): Availability[] =>
  days.map((weekday) => ({ weekday, periodId: 'morning-break' }));

/** Lunch on the bench every day (two needed), the library at morning break on Tuesday and Thursday (one). */
export const slots: SlotInput[] = [
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

export const ambassadors: Record<number, AmbassadorInput> = {
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

export let now: Date;
export let rotas: RotaStore;
export let service: RotaService;

/** Moves the school's clock (ISO instant), as the day goes on. */
export function setNow(iso: string): void {
  now = new Date(iso);
}

export async function school(
  options: { approvalRequired?: boolean; maxPerWeek?: number; clock?: string } = {},
) {
  now = new Date(options.clock ?? '2026-11-24T07:00:00Z'); // Tuesday, before school
  const store = new MemoryTableStore();
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

export const assign = (n: number, date: string, slotId: string, locked = true) =>
  service.changeAssignment(coordinator, {
    action: 'assign',
    date,
    slotId,
    ambassadorId: id(n),
    locked,
  });

export async function refusal(
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

export async function allAssignments(): Promise<DutyAssignment[]> {
  return (await rotas.allWeeks(tenantId)).flatMap((w) => w.value.assignments);
}

export const on = (list: DutyAssignment[], date: string, slotId: string) =>
  list
    .filter((a) => a.date === date && a.slotId === slotId)
    .map((a) => a.ambassadorId)
    .sort();
