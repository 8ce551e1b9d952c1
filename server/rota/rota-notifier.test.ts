import { describe, expect, it } from 'vitest';
import type { Access } from '../../core/access.js';
import type { SchoolRole } from '../../core/roles.js';
import { silentLogger } from '../../core/ports/logger.js';
import type { Weekday } from '../../core/rota/rota.js';
import { RotaNoticeService } from '../../core/rota/rota-notice-service.js';
import { RotaNoticeStore } from '../../core/rota/rota-notice-store.js';
import type { PersonNames } from '../../core/rota/rota-notices.js';
import { RotaService } from '../../core/rota/rota-service.js';
import type { SlotInput } from '../../core/rota/views.js';
import { RotaStore } from '../../core/rota/rota-store.js';
import { DeliveryStore } from '../../core/stores/delivery-store.js';
import { SchoolStore } from '../../core/stores/school-store.js';
import { TeamStore } from '../../core/stores/team-store.js';
import { MemoryTableStore } from '../../core/testing/memory-table-store.js';
import { RotaNotifier } from './rota-notifier.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const coordinatorId = '00000000-0000-4000-8000-000000000008';
const access = (userId: string, ...roles: SchoolRole[]): Access => ({
  tenantId,
  userId,
  schoolRoles: roles,
  teams: [],
  roles,
});
const coordinator = access(coordinatorId, 'coordinator');
const amb = (n: number) => access(id(n), 'ambassador');
const names: Record<string, string> = {
  [id(1)]: 'Amir Hassan',
  [id(2)]: 'Bethan Morgan',
  [id(3)]: 'Cai Williams',
};
const personNames: PersonNames = { displayName: async (_t, userId) => names[userId] };
const teamId = '19:class-8a@thread.tacv2';
const hour = 3_600_000;

/** Lunch on the bench every day (two needed), the library at morning break on Tuesday (one). */
const slots: SlotInput[] = [
  ...([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({
    id: `lunch-${weekday}`,
    weekday,
    periodId: 'Lunch',
    placeId: 'Buddy bench',
    needed: 2,
    supervisingAdult: 'Mr Price',
  })),
  {
    id: 'library-2',
    weekday: 2,
    periodId: 'Morning break',
    placeId: 'Library',
    needed: 1,
    supervisingAdult: 'Mrs Jones',
  },
];
const everyDay = ([1, 2, 3, 4, 5] as Weekday[]).flatMap((weekday) => [
  { weekday, periodId: 'Lunch' },
  { weekday, periodId: 'Morning break' },
]);

async function setUp(options: { approvalRequired?: boolean; chats?: number[] } = {}) {
  let now = new Date('2026-11-23T12:00:00Z'); // Monday
  const clock = { now: () => now };
  const store = new MemoryTableStore();
  const schools = new SchoolStore(store);
  const teams = new TeamStore(store);
  const rotas = new RotaStore(store);
  const notices = new RotaNoticeStore(store);
  const deliveries = new DeliveryStore(store);
  await schools.put({
    tenantId,
    name: 'Test',
    timeZone: 'Europe/London',
    createdAt: now.toISOString(),
  });
  await schools.setCalendar(tenantId, {
    terms: [{ name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' }],
    closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-27', end: '2026-11-27' }],
  });
  await schools.setRoles(tenantId, coordinatorId, ['coordinator']);
  await teams.recordInstall(
    tenantId,
    {
      teamId,
      name: 'Class 8A',
      serviceUrl: 'http://connector',
      channels: [{ id: teamId, name: 'General' }],
    },
    now,
  );
  for (const n of options.chats ?? [1, 2, 3, 4, 8]) {
    const userId = n === 8 ? coordinatorId : id(n);
    await teams.recordPersonalConversation(tenantId, {
      userId,
      teamsId: `29:user-${n}`,
      conversationId: `a:chat-${n}`,
      serviceUrl: 'http://connector',
      installedAt: now.toISOString(),
    });
  }
  const notifier = () =>
    new RotaNotifier({
      rota: new RotaService({ rotas, schools, clock }),
      rotas,
      notices,
      schools,
      teams,
      deliveries,
      names: personNames,
      clock,
      log: silentLogger,
      tenants: [tenantId],
      tickMs: 1_000,
      graceMs: 2 * hour,
    });
  const events = notifier();
  const service = new RotaService({ rotas, schools, clock, rotaEvents: events });
  await service.setSettings(coordinator, {
    startDate: '2026-11-23',
    endDate: '2026-12-18',
    weekAB: false,
    maxPerWeek: 5,
    ...(options.approvalRequired === undefined
      ? {}
      : { approvalRequired: options.approvalRequired }),
  });
  await service.setSlots(coordinator, slots);
  for (const n of [1, 2, 3, 4])
    await service.upsertAmbassador(coordinator, id(n), {
      yearGroup: 6 + n,
      trainedOn: '2026-09-10',
      active: true,
      availability: everyDay,
    });
  const assign = (n: number, date: string, slotId: string) =>
    service.changeAssignment(coordinator, { action: 'assign', date, slotId, ambassadorId: id(n) });
  const noticeService = new RotaNoticeService({ notices, schools, teams, clock });
  /** Every delivery of an occurrence: who (target key) and the card's text. */
  const sent = async (occurrenceId: string) =>
    (await deliveries.deliveriesOf(tenantId, occurrenceId)).map((d) => ({
      to: d.value.targetKey,
      target: d.value.target,
      text: JSON.stringify(d.value.content),
    }));
  return {
    clock,
    set: (iso: string) => {
      now = new Date(iso);
    },
    store,
    notices,
    noticeService,
    deliveries,
    teams,
    service,
    notifier,
    events,
    assign,
    sent,
  };
}

describe('morning reminders', () => {
  it('each ambassador on duty gets one reminder at 08:15 school time: when, where, who with, the adult', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-24', 'lunch-2');
    await s.assign(2, '2026-11-24', 'lunch-2');
    await s.assign(2, '2026-11-24', 'library-2');
    s.set('2026-11-24T08:14:00Z');
    await s.notifier().tick(tenantId);
    expect(await s.sent('rota-reminder:2026-11-24:' + id(1))).toEqual([]);

    s.set('2026-11-24T08:16:00Z');
    await s.notifier().tick(tenantId);
    const amir = await s.sent(`rota-reminder:2026-11-24:${id(1)}`);
    expect(amir).toHaveLength(1);
    expect(amir[0]!.target).toEqual({
      kind: 'conversation',
      conversationId: 'a:chat-1',
      serviceUrl: 'http://connector',
    });
    expect(amir[0]!.text).toContain('Lunch, Tuesday 24 November');
    expect(amir[0]!.text).toContain('Buddy bench');
    expect(amir[0]!.text).toContain('Bethan Morgan');
    expect(amir[0]!.text).toContain('Mr Price');
    expect(amir[0]!.text).toContain('If someone tells you a worry, tell the supervising adult.');
    expect(amir[0]!.text).not.toContain(id(2));
    // Bethan has two duties today: one message with both.
    const bethan = await s.sent(`rota-reminder:2026-11-24:${id(2)}`);
    expect(bethan).toHaveLength(1);
    expect(bethan[0]!.text).toContain('Library');
    expect(bethan[0]!.text).toContain('Amir Hassan');
    // Nobody else was on duty.
    expect((await s.noticeService.reminders(coordinator, '2026-11-24')).reminders).toHaveLength(2);
  });

  it('leaves a name out rather than show an id', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-24', 'lunch-2');
    await s.assign(4, '2026-11-24', 'lunch-2'); // no name in the directory
    s.set('2026-11-24T08:20:00Z');
    await s.notifier().tick(tenantId);
    const [amir] = await s.sent(`rota-reminder:2026-11-24:${id(1)}`);
    expect(amir!.text).not.toContain(id(4));
    expect(amir!.text).not.toContain('"With"');
  });

  it('sends nothing on a non-school day, and nothing to an ambassador no longer active', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-26', 'lunch-4');
    await s.assign(3, '2026-11-26', 'lunch-4');
    await s.service.upsertAmbassador(coordinator, id(3), {
      yearGroup: 9,
      trainedOn: '2026-09-10',
      active: false,
      availability: everyDay,
    });
    for (const day of ['2026-11-26', '2026-11-27', '2026-11-28']) {
      s.set(`${day}T09:00:00Z`);
      await s.notifier().tick(tenantId);
    }
    expect(await s.sent(`rota-reminder:2026-11-26:${id(1)}`)).toHaveLength(1);
    expect(await s.sent(`rota-reminder:2026-11-26:${id(3)}`)).toEqual([]);
    // Friday 27th is an INSET day, Saturday no school: nothing decided at all.
    for (const day of ['2026-11-27', '2026-11-28']) {
      const view = await s.noticeService.reminders(coordinator, day);
      expect(view).toMatchObject({ schoolDay: false, reminders: [] });
    }
  });

  it('follows swaps: after cover is agreed the acceptor is reminded, not the requester', async () => {
    const s = await setUp({ approvalRequired: false });
    await s.assign(1, '2026-11-25', 'lunch-3');
    const request = await s.service.ask(amb(1), {
      kind: 'cover',
      date: '2026-11-25',
      slotId: 'lunch-3',
    });
    await s.service.accept(amb(3), request.id);
    s.set('2026-11-25T08:30:00Z');
    await s.notifier().tick(tenantId);
    expect(await s.sent(`rota-reminder:2026-11-25:${id(1)}`)).toEqual([]);
    expect(await s.sent(`rota-reminder:2026-11-25:${id(3)}`)).toHaveLength(1);
  });

  it('records a pupil without a personal chat as skipped, for the coordinator, and carries on', async () => {
    const s = await setUp({ chats: [1, 8] });
    await s.assign(1, '2026-11-24', 'lunch-2');
    await s.assign(2, '2026-11-24', 'lunch-2');
    s.set('2026-11-24T08:20:00Z');
    await s.notifier().tick(tenantId);
    const view = await s.noticeService.reminders(coordinator, '2026-11-24');
    expect(view.reminders.map((r) => [r.ambassadorId, r.status, r.reason]).sort()).toEqual([
      [id(1), 'queued', undefined],
      [id(2), 'skipped', 'noPersonalChat'],
    ]);
    expect(await s.sent(`rota-reminder:2026-11-24:${id(1)}`)).toHaveLength(1);
  });

  it('two instances ticking together send each reminder once, and it is decided once', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-24', 'lunch-2');
    await s.assign(2, '2026-11-24', 'lunch-2');
    const [a, b] = [s.notifier(), s.notifier()];
    for (
      let t = Date.parse('2026-11-24T08:00:00Z');
      t <= Date.parse('2026-11-24T12:00:00Z');
      t += 20 * 60_000
    ) {
      s.set(new Date(t).toISOString());
      await Promise.all([a.tick(tenantId), b.tick(tenantId), a.tick(tenantId)]);
    }
    for (const n of [1, 2])
      expect(await s.sent(`rota-reminder:2026-11-24:${id(n)}`)).toHaveLength(1);
    const view = await s.noticeService.reminders(coordinator, '2026-11-24');
    expect(view.reminders).toHaveLength(2);
    expect(view.done).toBe(true);
  });

  it('after downtime past the grace window records reminders as missed instead of sending them', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-24', 'lunch-2');
    s.set('2026-11-24T11:00:00Z');
    await s.notifier().tick(tenantId);
    expect(await s.sent(`rota-reminder:2026-11-24:${id(1)}`)).toEqual([]);
    const view = await s.noticeService.reminders(coordinator, '2026-11-24');
    expect(view.reminders.map((r) => r.reason)).toEqual(['missed']);
    expect(view.done).toBe(true);
  });

  it('goes at the time the coordinator chose', async () => {
    const s = await setUp();
    await s.noticeService.setSettings(coordinator, {
      reminderTime: '07:30',
      locale: 'cy',
      todayCard: null,
    });
    await s.assign(1, '2026-11-24', 'lunch-2');
    s.set('2026-11-24T07:31:00Z');
    await s.notifier().tick(tenantId);
    const [amir] = await s.sent(`rota-reminder:2026-11-24:${id(1)}`);
    expect(amir!.text).toContain('Rydych chi ar ddyletswydd heddiw');
    await expect(
      s.noticeService.setSettings(coordinator, {
        reminderTime: '15:00',
        locale: 'en-GB',
        todayCard: null,
      }),
    ).rejects.toMatchObject({ code: 'invalidInput' });
    await expect(s.noticeService.settings(amb(1))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe("today's wellbeing ambassadors card", () => {
  it('is off by default, and once chosen is posted once per school day in that channel', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-24', 'lunch-2');
    await s.assign(2, '2026-11-24', 'library-2');
    s.set('2026-11-24T08:20:00Z');
    await s.notifier().tick(tenantId);
    expect(await s.sent('rota-today:2026-11-24')).toEqual([]);

    await s.noticeService.setSettings(coordinator, {
      reminderTime: '08:15',
      locale: 'en-GB',
      todayCard: { teamId, channelId: teamId },
    });
    await Promise.all([s.notifier().tick(tenantId), s.notifier().tick(tenantId)]);
    const posts = await s.sent('rota-today:2026-11-24');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.target).toMatchObject({ kind: 'channel', channelId: teamId });
    expect(posts[0]!.text).toContain('Today’s wellbeing ambassadors');
    expect(posts[0]!.text).toContain('Morning break · Library');
    expect(posts[0]!.text).toContain('Bethan Morgan');
    expect(posts[0]!.text).toContain('Amir Hassan');
  });

  it('refuses a channel Belong is not in, and skips visibly when the channel has gone', async () => {
    const s = await setUp();
    await expect(
      s.noticeService.setSettings(coordinator, {
        reminderTime: '08:15',
        locale: 'en-GB',
        todayCard: { teamId, channelId: '19:nope@thread.tacv2' },
      }),
    ).rejects.toMatchObject({ code: 'invalidInput' });
    await s.noticeService.setSettings(coordinator, {
      reminderTime: '08:15',
      locale: 'en-GB',
      todayCard: { teamId, channelId: teamId },
    });
    await s.assign(1, '2026-11-24', 'lunch-2');
    await s.teams.recordUninstall(tenantId, teamId, s.clock.now());
    s.set('2026-11-24T08:20:00Z');
    await s.notifier().tick(tenantId);
    expect((await s.noticeService.reminders(coordinator, '2026-11-24')).todayCard).toMatchObject({
      status: 'skipped',
      reason: 'channelGone',
    });
  });
});

describe('swap and cover notices', () => {
  it('tell the requester, the acceptor and the coordinator when a request waits for approval', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-25', 'lunch-3');
    const request = await s.service.ask(amb(1), {
      kind: 'cover',
      date: '2026-11-25',
      slotId: 'lunch-3',
    });
    await s.service.accept(amb(3), request.id);
    const accepted = await s.sent(`rota-notice:${request.id}:accepted`);
    expect(accepted.map((d) => d.to).sort()).toEqual([id(1), id(3), coordinatorId].sort());
    const text = (to: string) => accepted.find((d) => d.to === to)!.text;
    expect(text(id(1))).toContain('Cai Williams said yes to your cover');
    expect(text(id(3))).toContain('You said yes to a cover');
    expect(text(coordinatorId)).toContain(
      'Amir Hassan asked for a cover and Cai Williams said yes',
    );

    await s.service.approve(coordinator, request.id);
    const approved = await s.sent(`rota-notice:${request.id}:approved`);
    expect(approved.map((d) => d.to).sort()).toEqual([id(1), id(3)].sort());
    expect(approved.find((d) => d.to === id(1))!.text).toContain('Cai Williams will do your duty');
  });

  it('tell both when a request is declined, and each change only once', async () => {
    const s = await setUp();
    await s.assign(1, '2026-11-25', 'lunch-3');
    await s.assign(3, '2026-11-26', 'lunch-4');
    const request = await s.service.ask(amb(1), {
      kind: 'swap',
      date: '2026-11-25',
      slotId: 'lunch-3',
    });
    const accepted = await s.service.accept(amb(3), request.id, {
      date: '2026-11-26',
      slotId: 'lunch-4',
    });
    const declined = await s.service.decline(coordinator, request.id);
    // Told again (another instance, a retried request): nothing more is sent.
    await s.events.requestChanged(tenantId, accepted);
    await s.events.requestChanged(tenantId, declined);
    expect(await s.sent(`rota-notice:${request.id}:accepted`)).toHaveLength(3);
    const sent = await s.sent(`rota-notice:${request.id}:declined`);
    expect(sent.map((d) => d.to).sort()).toEqual([id(1), id(3)].sort());
    expect(sent.find((d) => d.to === id(1))!.text).toContain('Your swap was not agreed');
  });

  it('with approval off, cover taken is agreed at once: both hear, the coordinator is not asked', async () => {
    const s = await setUp({ approvalRequired: false });
    await s.assign(1, '2026-11-25', 'lunch-3');
    const request = await s.service.ask(amb(1), {
      kind: 'cover',
      date: '2026-11-25',
      slotId: 'lunch-3',
    });
    await s.service.accept(amb(3), request.id);
    expect(await s.sent(`rota-notice:${request.id}:accepted`)).toEqual([]);
    expect((await s.sent(`rota-notice:${request.id}:approved`)).map((d) => d.to).sort()).toEqual(
      [id(1), id(3)].sort(),
    );
  });

  it('a notice that cannot be queued never undoes the change', async () => {
    const s = await setUp({ chats: [] });
    await s.assign(1, '2026-11-25', 'lunch-3');
    const request = await s.service.ask(amb(1), {
      kind: 'cover',
      date: '2026-11-25',
      slotId: 'lunch-3',
    });
    const accepted = await s.service.accept(amb(3), request.id);
    expect(accepted.status).toBe('accepted');
    expect(await s.sent(`rota-notice:${request.id}:accepted`)).toEqual([]);
  });
});
