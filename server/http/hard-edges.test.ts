/**
 * Issue 20, the tab API: ids that used to reach storage keys and answer 500 are 400 at the edge;
 * only the admin moves the dev clock; nothing with pupil or staff data may be cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';
import { schoolDay } from '../../tests/support/clock.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';

let app: AppHarness;
const tokens: Record<string, string> = {};
const as = (kind: string, method: string, path: string, body?: unknown) =>
  callApi(app.url, method, path, tokens[kind], body);
const team = encodeURIComponent(demoSchool.team.id);
const long = 'x'.repeat(401);
const schedule = {
  channelId: demoSchool.team.generalChannelId,
  time: '09:00',
  content: { kind: 'prompt', promptId: 'x' },
  repeat: { kind: 'once', date: '2026-11-25' },
};

beforeAll(async () => {
  app = await startApp({ DEV_CLOCK_START: schoolDay.toISOString() });
  await seedDemoSchool(app.services, demoSchool, schoolDay, 'http://127.0.0.1:9/_connector');
  for (const kind of ['pupil', 'teacher', 'wellbeing_lead', 'coordinator', 'admin', 'dsl'])
    tokens[kind] = await devToken(app.url, demoPerson(kind).id);
});
afterAll(() => app.stop());

describe('ids that used to answer 500', () => {
  const cases: [kind: string, method: string, path: string, body?: unknown][] = [
    ['teacher', 'GET', `/api/teams/${long}`],
    ['pupil', 'GET', `/api/teams/${long}`],
    [
      'teacher',
      'POST',
      `/api/teams/${long}/checkins`,
      { templateId: 'daily-mood', phase: 'secondary', channelId: 'c' },
    ],
    ['teacher', 'GET', `/api/teams/${long}/checkins`],
    ['teacher', 'GET', `/api/teams/${long}/checkins/trends`],
    ['teacher', 'GET', `/api/teams/${long}/schedules`],
    ['teacher', 'POST', `/api/teams/${long}/schedules`, schedule],
    ['teacher', 'PUT', `/api/teams/${long}/schedules/${long}`, schedule],
    ['teacher', 'DELETE', `/api/teams/${long}/schedules/x`],
    [
      'wellbeing_lead',
      'POST',
      '/api/school/cmhw-plan',
      { year: 2027, classes: [{ teamId: '', channelId: 'c', time: '09:00', phase: 'secondary' }] },
    ],
    [
      'coordinator',
      'PUT',
      '/api/rota/notices',
      { reminderTime: '08:00', locale: 'en-GB', todayCard: { teamId: '\ud800', channelId: 'c' } },
    ],
    ['wellbeing_lead', 'PUT', '/api/school/checkin-settings', { k: 5, yearGroups: { 'a#b': '7' } }],
  ];

  it.each(cases)('%s %s %s is 400 invalidInput', async (kind, method, path, body) => {
    const res = await as(kind, method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('invalidInput');
    expect(res.body.error.message).toMatch(/not a valid/);
  });

  it('a channel or prompt id that cannot be one is unknown, with the problem code the tab says in words', async () => {
    const checkin = { templateId: 'daily-mood', phase: 'secondary' };
    for (const channelId of ['', 'a\u0000b', long]) {
      const posted = await as('teacher', 'POST', `/api/teams/${team}/checkins`, {
        ...checkin,
        channelId,
      });
      expect(posted.status).toBe(400);
      expect(posted.body.error.problems).toEqual(['channelUnknown']);
      const planned = await as('teacher', 'POST', `/api/teams/${team}/schedules`, {
        ...schedule,
        channelId,
        content: { kind: 'prompt', promptId: channelId },
      });
      expect(planned.status).toBe(400);
      expect(planned.body.error.problems).toEqual(['channelUnknown', 'promptUnknown']);
      const plan = await as('wellbeing_lead', 'POST', '/api/school/cmhw-plan', {
        year: 2027,
        classes: [{ teamId: demoSchool.team.id, channelId, time: '09:00', phase: 'secondary' }],
      });
      expect(plan.status).toBe(400);
      expect(plan.body.error.problems).toEqual(['channelUnknown']);
    }
    // The schedules list is as it was: nothing was planned.
    expect((await as('teacher', 'GET', `/api/teams/${team}/schedules`)).body.schedules).toEqual([]);
  });

  it('the same bodies with good ids go through (so the 400s above are the ids)', async () => {
    const settings = { k: 5, yearGroups: { [demoSchool.team.id]: '7' } };
    expect(
      (await as('wellbeing_lead', 'PUT', '/api/school/checkin-settings', settings)).status,
    ).toBe(200);
    const notices = {
      reminderTime: '08:00',
      locale: 'en-GB',
      todayCard: { teamId: demoSchool.team.id, channelId: demoSchool.team.generalChannelId },
    };
    expect((await as('coordinator', 'PUT', '/api/rota/notices', notices)).status).toBe(200);
  });

  it('a schedule or post id that cannot be one names nothing: 404, after the class is checked', async () => {
    expect(
      (await as('teacher', 'PUT', `/api/teams/${team}/schedules/${long}`, schedule)).status,
    ).toBe(404);
    expect((await as('teacher', 'DELETE', `/api/teams/${team}/schedules/${long}`)).status).toBe(
      404,
    );
    expect((await as('pupil', 'DELETE', `/api/teams/${team}/schedules/${long}`)).status).toBe(403);
    expect((await as('teacher', 'GET', `/api/occurrences/${long}`)).status).toBe(404);
  });
});

describe('the dev clock', () => {
  it('moves only for the admin: 403 for a pupil, a teacher or the coordinator, even locally', async () => {
    const later = new Date(schoolDay.getTime() + 3600_000).toISOString();
    for (const kind of ['pupil', 'teacher', 'coordinator']) {
      const res = await as(kind, 'POST', '/api/dev/clock', { now: later });
      expect(res.status, kind).toBe(403);
    }
    // Reading it is harmless (the tests' own clocks follow it), and still needs a sign-in.
    expect((await as('pupil', 'GET', '/api/dev/clock')).status).toBe(200);
    expect((await callApi(app.url, 'GET', '/api/dev/clock')).status).toBe(401);
    const moved = await as('admin', 'POST', '/api/dev/clock', { now: later });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now)).toBeGreaterThanOrEqual(Date.parse(later));
  });
});

describe('Cache-Control: no-store on every signed-in answer', () => {
  it('on pupil and staff data, and on errors after sign-in', async () => {
    const signedIn: [string, string][] = [
      ['pupil', '/api/me/checkins'],
      ['pupil', '/api/me'],
      ['pupil', '/api/support/mine'],
      ['teacher', '/api/teams'],
      ['teacher', `/api/teams/${team}/checkins`],
      ['admin', '/api/school/roles'],
      ['pupil', '/api/school/roles'],
      ['teacher', '/api/no-such-route'],
    ];
    for (const [kind, path] of signedIn) {
      const res = await fetch(`${app.url}${path}`, {
        headers: { authorization: `Bearer ${tokens[kind]}` },
      });
      expect(res.headers.get('cache-control'), `${kind} ${path}`).toBe('no-store');
    }
  });
});
