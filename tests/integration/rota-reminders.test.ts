/**
 * Rota reminders end to end on Azurite: two server instances share the same tables, each running
 * the rota notifier and the delivery engine as main.ts does; when the school's reminder time
 * comes, the ambassador's reminder arrives at the fake Teams connector, in their personal
 * conversation, exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Access } from '../../core/access.js';
import { demoCalendar } from '../../server/demo/demo-calendar.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { callApi, devToken } from '../support/api-client.js';
import { startApp, type AppHarness } from '../support/app-harness.js';
import { runningFrom } from '../support/clock.js';
import { startFakeTeamsConnector, type FakeTeams } from '../support/fake-teams-connector.js';
import { uniquePrefix } from '../support/tables.js';

const tenantId = demoSchool.tenantId;
const person = (name: string) => demoSchool.people.find((p) => p.displayName === name)!;
const bethan = person('Bethan Morgan');
const amir = person('Amir Hassan');
const coordinator: Access = {
  tenantId,
  userId: person('Mr Gareth Price').id,
  schoolRoles: ['coordinator'],
  teams: [],
  roles: ['coordinator'],
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rota reminders', () => {
  it('two instances: the reminder reaches the ambassador’s personal chat exactly once', async () => {
    const connector: FakeTeams = await startFakeTeamsConnector();
    cleanups.push(() => connector.close());
    // Tuesday 1 December 2026, two seconds before the reminder time (London is on UTC then); it
    // runs forward in real time, so the engine's rate windows and leases keep working.
    const clock = runningFrom(new Date('2026-12-01T08:14:58Z'));
    const prefix = uniquePrefix();
    const apps: AppHarness[] = [];
    for (let i = 0; i < 2; i++) {
      const app = await startApp({ TABLE_PREFIX: prefix, SCHEDULER_TICK_MS: '200' }, { clock });
      cleanups.push(() => app.stop());
      apps.push(app);
    }
    const { services } = apps[0]!;
    await services.schools.put({
      tenantId,
      name: demoSchool.schoolName,
      timeZone: 'Europe/London',
      createdAt: clock.now().toISOString(),
    });
    await services.schools.setCalendar(tenantId, demoCalendar('2026-12-01'));
    await services.schools.setRoles(tenantId, coordinator.userId, ['coordinator']);
    const rota = services.rota;
    await rota.setSettings(coordinator, {
      startDate: '2026-11-30',
      endDate: '2026-12-18',
      weekAB: false,
      maxPerWeek: 3,
    });
    await rota.setSlots(coordinator, [
      {
        id: 'lunch-2',
        weekday: 2,
        periodId: 'Lunch',
        placeId: 'Buddy bench',
        needed: 2,
        supervisingAdult: 'Mr Price',
      },
    ]);
    for (const who of [bethan, amir]) {
      await rota.upsertAmbassador(coordinator, who.id, {
        yearGroup: 8,
        trainedOn: '2026-09-10',
        active: true,
        availability: [{ weekday: 2, periodId: 'Lunch' }],
      });
      await rota.changeAssignment(coordinator, {
        action: 'assign',
        date: '2026-12-01',
        slotId: 'lunch-2',
        ambassadorId: who.id,
      });
    }
    // Bethan has talked to the bot; Amir never has.
    const chat = 'a:personal-chat-bethan';
    await services.teams.recordPersonalConversation(tenantId, {
      userId: bethan.id,
      teamsId: bethan.teamsId,
      conversationId: chat,
      serviceUrl: connector.url,
      installedAt: clock.now().toISOString(),
    });

    for (const app of apps) {
      app.services.rotaNotifier.start();
      app.services.engine.start();
      cleanups.push(async () => {
        await app.services.rotaNotifier.stop();
        await app.services.engine.stop();
      });
    }
    await until(() => connector.postsFor(chat).length > 0);
    // Both instances keep ticking for a while: still one.
    await new Promise((r) => setTimeout(r, 1_500));
    const posts = connector.postsFor(chat);
    expect(posts).toHaveLength(1);
    expect(connector.posts()).toHaveLength(1);
    expect(connector.duplicates()).toBe(0);
    const text = JSON.stringify(posts[0]!.activity);
    expect(text).toContain('You are on duty today');
    expect(text).toContain('Buddy bench');
    expect(text).toContain('Amir Hassan');
    expect(text).toContain('If someone tells you a worry, tell the supervising adult.');

    // The coordinator can see that Amir could not be reminded, and why.
    const token = await devToken(apps[1]!.url, coordinator.userId);
    const day = await callApi(apps[1]!.url, 'GET', '/api/rota/reminders?date=2026-12-01', token);
    expect(day.status).toBe(200);
    const reminders = day.body.reminders as {
      ambassadorId: string;
      status: string;
      reason?: string;
    }[];
    expect(
      reminders
        .map((r) => [r.ambassadorId === bethan.id ? 'Bethan' : 'Amir', r.status, r.reason])
        .sort(),
    ).toEqual([
      ['Amir', 'skipped', 'noPersonalChat'],
      ['Bethan', 'queued', undefined],
    ]);
  });
});
