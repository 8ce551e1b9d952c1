/**
 * The scheduler worker on a real Azurite store with a controllable clock: due posts become
 * deliveries exactly once, also with two instances ticking at the same time; after downtime,
 * posts within the grace window still go and older ones are skipped, visibly; a check-in due while
 * the school cannot take talk requests is skipped with that reason.
 */
import { describe, expect, it } from 'vitest';
import { promptLibrary } from '../../core/content/content.js';
import type { Clock } from '../../core/ports/directory.js';
import { silentLogger } from '../../core/ports/logger.js';
import type { ScheduleInput } from '../../core/schedule/schedule.js';
import { DeliveryStore } from '../../core/stores/delivery-store.js';
import { ScheduleStore } from '../../core/stores/schedule-store.js';
import { SchoolStore } from '../../core/stores/school-store.js';
import { TeamStore } from '../../core/stores/team-store.js';
import { Scheduler } from '../../server/schedule/scheduler.js';
import { openTestStore } from '../support/tables.js';
import { checkinRenderer } from '../../bot/checkin-actions.js';
import { CheckinStore } from '../../core/checkin/checkin-store.js';
import { checkinOccurrenceId, CheckinService } from '../../core/checkin/checkin-service.js';

const tenant = '00000000-0000-0000-0000-00000000c10c';
const teamId = '19:class-8a@thread.tacv2';
const general = { id: teamId, name: 'General' };
const promptId = promptLibrary()[0]!.id;
const hour = 3_600_000;

class TestClock implements Clock {
  constructor(private at: Date) {}
  now = () => new Date(this.at);
  set = (iso: string) => {
    this.at = new Date(iso);
  };
}

async function setUp(start: string) {
  const store = await openTestStore();
  const clock = new TestClock(new Date(start));
  const schools = new SchoolStore(store);
  const teams = new TeamStore(store);
  const schedules = new ScheduleStore(store);
  const deliveries = new DeliveryStore(store);
  await schools.put({
    tenantId: tenant,
    name: 'Test School',
    timeZone: 'Europe/London',
    createdAt: start,
  });
  await schools.setCalendar(tenant, {
    terms: [{ name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' }],
    closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-27', end: '2026-11-27' }],
  });
  await teams.recordInstall(
    tenant,
    { teamId, name: 'Class 8A', serviceUrl: 'http://127.0.0.1:9/_connector', channels: [general] },
    clock.now(),
  );
  const scheduler = (checkins?: CheckinService) =>
    new Scheduler({
      ...(checkins ? { checkins } : {}),
      schedules,
      schools,
      teams,
      deliveries,
      clock,
      log: silentLogger,
      tenants: [tenant],
      tickMs: 1_000,
      graceMs: 2 * hour,
    });
  const daily = (start: string, end: string): ScheduleInput => ({
    teamId,
    channelId: general.id,
    time: '08:50',
    content: { kind: 'prompt', promptId },
    repeat: { kind: 'daily', start, end },
  });
  /**
   * Check-ins as the server posts them, in a school whose readiness (can it take talk requests?)
   * answers from `answers`, one a question, the last one from then on.
   */
  const checkinService = (answers: boolean[]) =>
    new CheckinService({
      schools,
      teams,
      directory: { roleInTeam: async () => undefined, findPeople: async () => [] },
      deliveries,
      clock,
      pseudonyms: { pseudonymOf: (_t, userId) => `p-${userId}` },
      checkins: new CheckinStore(store),
      render: checkinRenderer,
      safeguarding: { ready: async () => (answers.length > 1 ? answers.shift()! : answers[0]!) },
    });
  return { clock, schools, teams, schedules, deliveries, scheduler, daily, checkinService, store };
}

describe('scheduler', () => {
  it('two instances ticking together through a week queue each school-day post exactly once', async () => {
    const s = await setUp('2026-11-23T07:00:00Z');
    const schedule = await s.schedules.create(
      tenant,
      s.daily('2026-11-23', '2026-12-01'),
      'teacher',
      s.clock.now(),
    );
    const [a, b] = [s.scheduler(), s.scheduler()];
    // Every 3 hours from Monday morning to the next Tuesday evening, both at once.
    for (
      let t = Date.parse('2026-11-23T07:00:00Z');
      t <= Date.parse('2026-12-01T20:00:00Z');
      t += 3 * hour
    ) {
      s.clock.set(new Date(t).toISOString());
      await Promise.all([a.tick(tenant), b.tick(tenant), a.tick(tenant)]);
    }
    const posts = await s.schedules.posts(tenant, schedule.id);
    expect(posts.map((p) => [p.date, p.status])).toEqual([
      ['2026-11-23', 'queued'],
      ['2026-11-24', 'queued'],
      ['2026-11-25', 'queued'],
      ['2026-11-26', 'queued'],
      // 27th is an INSET day, then a weekend
      ['2026-11-30', 'queued'],
      ['2026-12-01', 'queued'],
    ]);
    for (const post of posts) {
      const sent = await s.deliveries.deliveriesOf(tenant, post.occurrenceId);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.value.target).toMatchObject({ kind: 'channel', channelId: general.id });
      const card = sent[0]!.value.content.attachments![0]!.content;
      expect(JSON.stringify(card)).toContain(promptLibrary()[0]!.text['en-GB']);
    }
    expect((await s.schedules.get(tenant, schedule.id))!.value.status).toBe('ended');
  });

  it('after downtime posts what is within the grace window and skips older posts, visibly', async () => {
    const s = await setUp('2026-11-24T07:00:00Z');
    const schedule = await s.schedules.create(
      tenant,
      s.daily('2026-11-24', '2026-11-26'),
      'teacher',
      s.clock.now(),
    );
    // Down from Tuesday 07:00 until Wednesday 10:00: Tuesday's 08:50 is a day late,
    // Wednesday's 08:50 is 70 minutes late.
    s.clock.set('2026-11-25T10:00:00Z');
    await s.scheduler().tick(tenant);
    const posts = await s.schedules.posts(tenant, schedule.id);
    expect(posts.map((p) => [p.date, p.status, p.reason])).toEqual([
      ['2026-11-24', 'skipped', 'missed'],
      ['2026-11-25', 'queued', undefined],
    ]);
    expect(await s.deliveries.deliveriesOf(tenant, posts[0]!.occurrenceId)).toHaveLength(0);
    expect(await s.deliveries.deliveriesOf(tenant, posts[1]!.occurrenceId)).toHaveLength(1);
  });

  it('posts nothing for a cancelled schedule', async () => {
    const s = await setUp('2026-11-24T07:00:00Z');
    const schedule = await s.schedules.create(
      tenant,
      s.daily('2026-11-24', '2026-11-26'),
      'teacher',
      s.clock.now(),
    );
    await s.schedules.cancel(tenant, schedule.id, 'teacher', s.clock.now());
    s.clock.set('2026-11-24T09:00:00Z');
    await s.scheduler().tick(tenant);
    expect(await s.schedules.posts(tenant, schedule.id)).toEqual([]);
  });

  it('skips a post whose channel was deleted, and says so', async () => {
    const s = await setUp('2026-11-24T07:00:00Z');
    await s.teams.upsertChannel(tenant, teamId, { id: '19:clubs@thread.tacv2', name: 'Clubs' });
    const schedule = await s.schedules.create(
      tenant,
      { ...s.daily('2026-11-24', '2026-11-24'), channelId: '19:clubs@thread.tacv2' },
      'teacher',
      s.clock.now(),
    );
    await s.teams.removeChannel(tenant, teamId, '19:clubs@thread.tacv2');
    s.clock.set('2026-11-24T09:00:00Z');
    await s.scheduler().tick(tenant);
    const posts = await s.schedules.posts(tenant, schedule.id);
    expect(posts.map((p) => [p.status, p.reason])).toEqual([['skipped', 'channelGone']]);
  });

  it('an edit after a post went out never posts that day again, in the old channel or the new', async () => {
    const s = await setUp('2026-11-24T07:00:00Z');
    const clubs = { id: '19:clubs@thread.tacv2', name: 'Clubs' };
    await s.teams.upsertChannel(tenant, teamId, clubs);
    const schedule = await s.schedules.create(
      tenant,
      s.daily('2026-11-24', '2026-11-25'),
      'teacher',
      s.clock.now(),
    );
    s.clock.set('2026-11-24T09:00:00Z');
    await s.scheduler().tick(tenant);
    await s.schedules.update(tenant, schedule.id, {
      ...s.daily('2026-11-24', '2026-11-25'),
      channelId: clubs.id,
      time: '15:00',
    });
    s.clock.set('2026-11-24T15:01:00Z');
    await s.scheduler().tick(tenant);
    const today = await s.deliveries.deliveriesOf(tenant, `${schedule.id}@2026-11-24`);
    expect(today.map((d) => d.value.targetKey)).toEqual([general.id]);
    s.clock.set('2026-11-25T15:01:00Z');
    await s.scheduler().tick(tenant);
    const tomorrow = await s.deliveries.deliveriesOf(tenant, `${schedule.id}@2026-11-25`);
    expect(tomorrow.map((d) => d.value.targetKey)).toEqual([clubs.id]);
  });

  it('a check-in due while the school cannot take talk requests is skipped, says why, and never goes out late', async () => {
    const s = await setUp('2026-11-24T07:00:00Z');
    const ready = [false];
    const checkins = s.checkinService(ready);
    const schedule = await s.schedules.create(
      tenant,
      {
        ...s.daily('2026-11-24', '2026-11-25'),
        content: { kind: 'checkin', templateId: 'daily-mood', phase: 'primary' },
      },
      'teacher',
      s.clock.now(),
    );
    s.clock.set('2026-11-24T09:00:00Z');
    await s.scheduler(checkins).tick(tenant);
    const [tuesday] = await s.schedules.posts(tenant, schedule.id);
    expect([tuesday!.status, tuesday!.reason]).toEqual(['skipped', 'safeguardingNotReady']);
    expect(await new CheckinStore(s.store).listForClass(tenant, teamId)).toEqual([]);
    expect(await s.deliveries.activeOccurrenceIds(tenant)).toEqual([]);

    // The DSL and a deputy open Belong at 10:00: Tuesday's stays skipped, Wednesday's goes.
    ready[0] = true;
    s.clock.set('2026-11-24T10:00:00Z');
    await s.scheduler(checkins).tick(tenant);
    s.clock.set('2026-11-25T09:00:00Z');
    await s.scheduler(checkins).tick(tenant);
    const posts = await s.schedules.posts(tenant, schedule.id);
    expect(posts.map((p) => [p.date, p.status, p.reason])).toEqual([
      ['2026-11-24', 'skipped', 'safeguardingNotReady'],
      ['2026-11-25', 'queued', undefined],
    ]);
    const stored = await new CheckinStore(s.store).listForClass(tenant, teamId);
    expect(stored.map((c) => [c.checkinId, c.date])).toEqual([
      [`s-${posts[1]!.occurrenceId}`, '2026-11-25'],
    ]);
    expect(await s.deliveries.activeOccurrenceIds(tenant)).toEqual([
      checkinOccurrenceId(`s-${posts[1]!.occurrenceId}`),
    ]);
  });

  it('a check-in whose school stops being ready between deciding and posting is not posted, then or later', async () => {
    const s = await setUp('2026-11-24T07:00:00Z');
    // Ready when the scheduler decides, not when the check-in service posts; ready ever after.
    const checkins = s.checkinService([true, false, true]);
    const schedule = await s.schedules.create(
      tenant,
      {
        ...s.daily('2026-11-24', '2026-11-24'),
        content: { kind: 'checkin', templateId: 'daily-mood', phase: 'primary' },
      },
      'teacher',
      s.clock.now(),
    );
    s.clock.set('2026-11-24T09:00:00Z');
    await s.scheduler(checkins).tick(tenant);
    s.clock.set('2026-11-24T09:05:00Z');
    await s.scheduler(checkins).tick(tenant);
    expect((await s.schedules.posts(tenant, schedule.id)).map((p) => p.status)).toEqual(['queued']);
    expect(await new CheckinStore(s.store).listForClass(tenant, teamId)).toEqual([]);
    expect(await s.deliveries.activeOccurrenceIds(tenant)).toEqual([]);
  });

  it('a schedule does not end because the calendar has no more terms entered yet', async () => {
    const s = await setUp('2026-12-17T07:00:00Z');
    const schedule = await s.schedules.create(
      tenant,
      { ...s.daily('2026-12-17', '2027-03-01') },
      'teacher',
      s.clock.now(),
    );
    // Autumn 2 ends on 18 December and no spring term is entered yet.
    s.clock.set('2026-12-19T09:00:00Z');
    await s.scheduler().tick(tenant);
    expect((await s.schedules.get(tenant, schedule.id))!.value.status).toBe('active');
    expect((await s.schedules.posts(tenant, schedule.id)).map((p) => p.date)).toEqual([
      '2026-12-17',
      '2026-12-18',
    ]);
  });
});
