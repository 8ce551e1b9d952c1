import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/ports/directory.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';

let app: AppHarness;
const tokens: Record<string, string> = {};
// Tuesday 24 November 2026, in the autumn term.
const clock: Clock = { now: () => new Date('2026-11-24T12:00:00Z') };
const call = (who: string, method: string, path: string, body?: unknown) =>
  callApi(app.url, method, path, tokens[who], body);
const { team } = demoSchool;

beforeAll(async () => {
  app = await startApp({}, { clock });
  await seedDemoSchool(app.services, demoSchool, clock.now(), 'http://127.0.0.1:9/_connector');
  for (const kind of ['ambassador', 'coordinator', 'admin', 'teacher'])
    tokens[kind] = await devToken(app.url, demoPerson(kind).id);
});
afterAll(() => app.stop());

describe('/api/rota/notices', () => {
  it('starts at 08:15 in English with no daily card, and the coordinator can change it', async () => {
    expect((await call('coordinator', 'GET', '/api/rota/notices')).body).toEqual({
      reminderTime: '08:15',
      locale: 'en-GB',
    });
    const put = await call('coordinator', 'PUT', '/api/rota/notices', {
      reminderTime: '08:00',
      locale: 'cy',
      todayCard: { teamId: team.id, channelId: team.channels[1]!.id },
    });
    expect(put.status).toBe(200);
    expect((await call('admin', 'GET', '/api/rota/notices')).body).toMatchObject({
      reminderTime: '08:00',
      locale: 'cy',
      todayCard: { teamId: team.id, channelId: team.channels[1]!.id },
    });
    await call('coordinator', 'PUT', '/api/rota/notices', {
      reminderTime: '08:15',
      locale: 'en-GB',
      todayCard: null,
    });
    expect((await call('coordinator', 'GET', '/api/rota/notices')).body.todayCard).toBeUndefined();
  });

  it('refuses a time outside the morning, an unknown channel and a malformed body, changing nothing', async () => {
    for (const body of [
      { reminderTime: '17:00', locale: 'en-GB', todayCard: null },
      { reminderTime: '08:15', locale: 'en-GB', todayCard: { teamId: team.id, channelId: '19:x' } },
      { reminderTime: '08:15', locale: 'fr', todayCard: null },
      { reminderTime: '08:15', locale: 'en-GB' },
    ]) {
      const res = await call('coordinator', 'PUT', '/api/rota/notices', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('coordinator', 'GET', '/api/rota/notices')).body.reminderTime).toBe('08:15');
  });

  it('is only for the coordinator and the admin', async () => {
    for (const who of ['ambassador', 'teacher']) {
      expect((await call(who, 'GET', '/api/rota/notices')).status).toBe(403);
      expect((await call(who, 'GET', '/api/rota/reminders')).status).toBe(403);
      expect(
        (
          await call(who, 'PUT', '/api/rota/notices', {
            reminderTime: '08:15',
            locale: 'en-GB',
            todayCard: null,
          })
        ).status,
      ).toBe(403);
    }
  });
});

describe('/api/rota/reminders', () => {
  it('shows a day’s reminders, today by default', async () => {
    const res = await call('coordinator', 'GET', '/api/rota/reminders');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      date: '2026-11-24',
      schoolDay: true,
      reminders: [],
      done: false,
      past: false,
    });
    // A school day before today that was never settled: nothing went, and nothing will.
    expect((await call('coordinator', 'GET', '/api/rota/reminders?date=2026-11-23')).body).toEqual({
      date: '2026-11-23',
      schoolDay: true,
      reminders: [],
      done: false,
      past: true,
    });
    expect(
      (await call('coordinator', 'GET', '/api/rota/reminders?date=2026-11-28')).body,
    ).toMatchObject({
      schoolDay: false,
    });
    expect((await call('coordinator', 'GET', '/api/rota/reminders?date=2026-02-30')).status).toBe(
      400,
    );
  });
});

describe('swap and cover notices through the API', () => {
  it('a declined request is told to the ambassador in their personal chat, once', async () => {
    const bethan = demoPerson('ambassador');
    await app.services.teams.recordPersonalConversation(demoSchool.tenantId, {
      userId: bethan.id,
      teamsId: bethan.teamsId,
      conversationId: 'a:bethan',
      serviceUrl: 'http://127.0.0.1:9/_connector',
      installedAt: clock.now().toISOString(),
    });
    const mine = await call('ambassador', 'GET', '/api/rota/me');
    const duty = mine.body.duties.find((d: { date: string }) => d.date > '2026-11-24');
    const asked = await call('ambassador', 'POST', '/api/rota/me/requests', {
      kind: 'cover',
      date: duty.date,
      slotId: duty.slotId,
    });
    expect(asked.status).toBe(201);
    const id = asked.body.request.id as string;
    expect((await call('coordinator', 'POST', `/api/rota/requests/${id}/decline`, {})).status).toBe(
      200,
    );
    const sent = await app.services.deliveries.deliveriesOf(
      demoSchool.tenantId,
      `rota-notice:${id}:declined`,
    );
    expect(sent.map((d) => [d.value.targetKey, d.value.target])).toEqual([
      [
        bethan.id,
        {
          kind: 'conversation',
          conversationId: 'a:bethan',
          serviceUrl: 'http://127.0.0.1:9/_connector',
        },
      ],
    ]);
    expect(JSON.stringify(sent[0]!.value.content)).toContain('Your cover was not agreed');
  });
});
