/**
 * Buddy requests as a pupil and the ambassadors on duty notice them (issue 17): the choices are
 * the breaks with someone on duty, the ambassadors on duty get the pupil's first name and class
 * and nothing else, the coordinator steps in when nobody on duty can be messaged, and asking
 * twice sends once. Real stores on the in-memory table store, a fixed clock, a rota of duties.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../delivery/delivery.js';
import type { Directory, TeamRef } from '../ports/directory.js';
import type { TeamRole } from '../roles.js';
import type { DutyView } from '../rota/views.js';
import { DeliveryStore } from '../stores/delivery-store.js';
import { SchoolStore } from '../stores/school-store.js';
import { TeamStore } from '../stores/team-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { BuddyService, type BuddyNotice } from './buddy.js';
import { TalkStore } from './talk-store.js';

const tenantId = 'school-1';
const classId = '19:7b@thread.tacv2';
const pupil = 'pupil-1';
const teacher = 'teacher-1';
const onLunch = ['amb-1', 'amb-2'];
const onBreak = ['amb-3'];
const coordinator = 'coord-1';

const directory: Directory = {
  async roleInTeam(_t: string, team: TeamRef, userId: string): Promise<TeamRole | undefined> {
    if (team.teamId !== classId) return undefined;
    if (userId === teacher) return 'teacher';
    return userId === pupil ? 'pupil' : undefined;
  },
  findPeople: async () => [],
};

const duty = (date: string, periodId: string, placeId: string, ids: string[]): DutyView => ({
  date,
  slotId: `${periodId}-${placeId}`,
  weekday: 2,
  periodId,
  placeId,
  supervisingAdult: 'Mr Gareth Price',
  ambassadorIds: ids,
});

let tables: MemoryTableStore;
let clock: { at: Date; now(): Date };
let teams: TeamStore;
let schools: SchoolStore;
let deliveries: DeliveryStore;
let service: BuddyService;
let duties: DutyView[];

const chatOf = (userId: string) => ({
  userId,
  teamsId: `29:${userId}`,
  conversationId: `a:${userId}`,
  serviceUrl: 'https://smba.example/',
  installedAt: '2026-09-01T08:00:00.000Z',
});

const outbox = async (): Promise<Delivery[]> => {
  const ids = await deliveries.activeOccurrenceIds(tenantId);
  const all = await Promise.all(ids.map((id) => deliveries.deliveriesOf(tenantId, id)));
  return all.flat().map((d) => d.value);
};

beforeEach(async () => {
  tables = new MemoryTableStore();
  clock = {
    at: new Date('2026-11-24T10:00:00Z'), // Tuesday, in school hours
    now() {
      return this.at;
    },
  };
  schools = new SchoolStore(tables);
  teams = new TeamStore(tables);
  deliveries = new DeliveryStore(tables);
  duties = [
    duty('2026-11-24', 'Lunch', 'Buddy bench', onLunch),
    duty('2026-11-24', 'Morning break', 'Library', onBreak),
    duty('2026-11-25', 'Lunch', 'Buddy bench', ['amb-4']),
  ];
  service = new BuddyService({
    talks: new TalkStore(tables),
    store: tables,
    onDuty: async (_t, date) => duties.filter((d) => d.date === date),
    schools,
    teams,
    directory,
    deliveries,
    names: { displayName: async (_t, id) => (id === pupil ? 'Poppy Smith' : undefined) },
    clock,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    render: { notice: (view: BuddyNotice, locale) => ({ ...view, locale }) },
  });
  await schools.put({ tenantId, name: 'Ysgol', timeZone: 'Europe/London', createdAt: '' });
  await schools.setRoles(tenantId, coordinator, ['coordinator']);
  await teams.recordInstall(
    tenantId,
    { teamId: classId, name: 'Class 7B', serviceUrl: 'https://smba.example/', channels: [] },
    new Date('2026-09-01T08:00:00Z'),
  );
  for (const id of [...onLunch, ...onBreak, coordinator, pupil])
    await teams.recordPersonalConversation(tenantId, chatOf(id));
});

describe('buddy requests', () => {
  it('offers today’s breaks with someone on duty', async () => {
    expect(await service.choices(tenantId)).toEqual({
      date: '2026-11-24',
      today: true,
      periods: [
        { periodId: 'Lunch', placeIds: ['Buddy bench'] },
        { periodId: 'Morning break', placeIds: ['Library'] },
      ],
    });
  });

  it('after school, offers the next school day’s', async () => {
    clock.at = new Date('2026-11-24T17:30:00Z');
    const choices = await service.choices(tenantId);
    expect(choices).toMatchObject({ date: '2026-11-25', today: false });
    expect(choices.periods.map((p) => p.periodId)).toEqual(['Lunch']);
  });

  it('goes to the ambassadors on duty then, with the pupil’s first name and class only', async () => {
    expect(await service.ask(tenantId, pupil, 'Lunch', 'en-GB')).toEqual({
      kind: 'sent',
      date: '2026-11-24',
      periodId: 'Lunch',
      today: true,
    });
    const sent = await outbox();
    expect(sent.map((d) => d.targetKey).sort()).toEqual(onLunch);
    expect(sent[0]!.content).toEqual({
      firstName: 'Poppy',
      classNames: ['Class 7B'],
      date: '2026-11-24',
      periodId: 'Lunch',
      placeIds: ['Buddy bench'],
      toCoordinator: false,
      locale: 'en-GB',
    });
    expect(JSON.stringify(sent)).not.toContain('Smith');
  });

  it('asking again for the same break sends nothing more', async () => {
    await service.ask(tenantId, pupil, 'Lunch', 'en-GB');
    expect(await service.ask(tenantId, pupil, 'Lunch', 'en-GB')).toMatchObject({
      kind: 'already',
    });
    expect(await outbox()).toHaveLength(2);
  });

  it('goes to the coordinator when nobody on duty can be messaged', async () => {
    duties = [duty('2026-11-24', 'Lunch', 'Buddy bench', ['amb-no-chat'])];
    await service.ask(tenantId, pupil, 'Lunch', 'en-GB');
    const sent = await outbox();
    expect(sent.map((d) => d.targetKey)).toEqual([coordinator]);
    expect(sent[0]!.content).toMatchObject({ toCoordinator: true });
  });

  it('tells the pupil to find an adult when nobody at all can be messaged', async () => {
    duties = [duty('2026-11-24', 'Lunch', 'Buddy bench', ['amb-no-chat'])];
    await schools.setRoles(tenantId, coordinator, []);
    expect(await service.ask(tenantId, pupil, 'Lunch', 'en-GB')).toEqual({ kind: 'unavailable' });
    expect(await outbox()).toEqual([]);
  });

  it('refuses breaks not on offer, and people who are not pupils, changing nothing', async () => {
    for (const period of ['', 'Tea time', 'x'.repeat(500)])
      await expect(service.ask(tenantId, pupil, period, 'en-GB')).rejects.toMatchObject({
        code: 'invalidInput',
      });
    expect(await service.ask(tenantId, teacher, 'Lunch', 'en-GB')).toEqual({ kind: 'notPupil' });
    expect(await outbox()).toEqual([]);
  });
});
