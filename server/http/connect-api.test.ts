import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptLibrary } from '../../core/content/content.js';
import type { Clock } from '../../core/ports/directory.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';

let app: AppHarness;
const tokens: Record<string, string> = {};
const clock: Clock = { now: () => new Date('2026-11-24T12:00:00Z') };
const team = demoSchool.team;
const teamPath = `/api/teams/${encodeURIComponent(team.id)}/schedules`;
const promptId = promptLibrary()[0]!.id;
const call = (kind: string, method: string, path: string, body?: unknown) =>
  callApi(app.url, method, path, tokens[kind], body);

beforeAll(async () => {
  app = await startApp({}, { clock });
  await seedDemoSchool(app.services, demoSchool, clock.now(), 'http://127.0.0.1:9/_connector');
  for (const kind of ['teacher', 'pupil', 'ambassador', 'wellbeing_lead', 'dsl'])
    tokens[kind] = await devToken(app.url, demoPerson(kind).id);
});
afterAll(() => app.stop());

const goodSchedule = {
  channelId: team.channels[0]!.id,
  time: '08:50',
  content: { kind: 'prompt', promptId },
  repeat: { kind: 'weekly', weekdays: [1, 3], start: '2026-11-25', end: '2026-12-18' },
};

describe('class schedules', () => {
  it('a teacher schedules a prompt, sees it listed with its next posts, and cancels it', async () => {
    const created = await call('teacher', 'POST', teamPath, goodSchedule);
    expect(created.status).toBe(201);
    expect(created.body.next).toMatchObject({ date: '2026-11-25', at: '2026-11-25T08:50:00.000Z' });
    const id = created.body.schedule.id as string;

    const listed = await call('teacher', 'GET', teamPath);
    const view = listed.body.schedules.find(
      (s: { schedule: { id: string } }) => s.schedule.id === id,
    );
    expect(view.channelName).toBe('General');
    expect(view.upcoming.map((p: { date: string }) => p.date)).toEqual([
      '2026-11-25',
      '2026-11-30',
      '2026-12-02',
      '2026-12-07',
      '2026-12-09',
    ]);

    const cancelled = await call('teacher', 'DELETE', `${teamPath}/${id}`);
    expect(cancelled.body.schedule.status).toBe('cancelled');
    const after = await call('teacher', 'GET', teamPath);
    const gone = after.body.schedules.find(
      (s: { schedule: { id: string } }) => s.schedule.id === id,
    );
    expect(gone.upcoming).toEqual([]);
  });

  it('a teacher changes a schedule; a bad change is refused and a cancelled one stays cancelled', async () => {
    const { body } = await call('teacher', 'POST', teamPath, goodSchedule);
    const path = `${teamPath}/${body.schedule.id}`;
    const changed = await call('teacher', 'PUT', path, { ...goodSchedule, time: '09:15' });
    expect(changed.status).toBe(200);
    expect(changed.body.next.at).toBe('2026-11-25T09:15:00.000Z');
    expect(changed.body.schedule).toMatchObject({ id: body.schedule.id, time: '09:15' });

    // Once it has started, its start date is in the past: changing only the time still works.
    const started = await call('teacher', 'POST', teamPath, {
      ...goodSchedule,
      repeat: { kind: 'daily', start: '2026-11-24', end: '2026-12-18' },
    });
    const later = {
      ...goodSchedule,
      time: '10:00',
      repeat: { kind: 'daily', start: '2026-11-24', end: '2026-12-18' },
    };
    expect(
      (await call('teacher', 'PUT', `${teamPath}/${started.body.schedule.id}`, later)).status,
    ).toBe(200);

    const bad = await call('teacher', 'PUT', path, { ...goodSchedule, channelId: 'nope' });
    expect(bad.body.error.problems).toEqual(['channelUnknown']);
    expect((await call('pupil', 'PUT', path, goodSchedule)).status).toBe(403);
    await call('teacher', 'DELETE', path);
    expect((await call('teacher', 'PUT', path, goodSchedule)).status).toBe(409);
    expect((await call('teacher', 'PUT', `${teamPath}/nope`, goodSchedule)).status).toBe(404);
    const listed = await call('teacher', 'GET', teamPath);
    const view = listed.body.schedules.find(
      (s: { schedule: { id: string } }) => s.schedule.id === body.schedule.id,
    );
    expect(view.schedule).toMatchObject({ status: 'cancelled', time: '09:15' });
  });

  it.each(['pupil', 'ambassador', 'dsl'])(
    'refuses a %s with 403 and stores nothing',
    async (kind) => {
      const before = (await call('teacher', 'GET', teamPath)).body.schedules.length;
      expect((await call(kind, 'POST', teamPath, goodSchedule)).status).toBe(403);
      expect((await call(kind, 'GET', teamPath)).status).toBe(403);
      expect((await call('teacher', 'GET', teamPath)).body.schedules.length).toBe(before);
    },
  );

  it.each<[string, unknown, string[] | undefined]>([
    [
      'a past date',
      { ...goodSchedule, repeat: { kind: 'once', date: '2026-11-20' } },
      ['timePassed'],
    ],
    [
      'an unknown channel',
      { ...goodSchedule, channelId: '19:nope@thread.tacv2' },
      ['channelUnknown'],
    ],
    [
      'an end before the start',
      { ...goodSchedule, repeat: { kind: 'daily', start: '2026-12-10', end: '2026-12-01' } },
      ['endBeforeStart'],
    ],
    [
      'an absurd repeat',
      { ...goodSchedule, repeat: { kind: 'daily', start: '2026-12-01', end: '2036-12-01' } },
      ['repeatTooLong'],
    ],
    ['an unknown repeat kind', { ...goodSchedule, repeat: { kind: 'hourly' } }, undefined],
    ['an extra field', { ...goodSchedule, pupilName: 'x' }, undefined],
    [
      'a string for weekdays',
      { ...goodSchedule, repeat: { ...goodSchedule.repeat, weekdays: 'Mon' } },
      undefined,
    ],
    ['not JSON', '{"channelId":', undefined],
    ['an array', [goodSchedule], undefined],
  ])('refuses %s with 400, a clear message, and stores nothing', async (_name, body, problems) => {
    const before = (await call('teacher', 'GET', teamPath)).body.schedules.length;
    const res = await call('teacher', 'POST', teamPath, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\w{4,}/);
    expect(res.body.error.problems).toEqual(problems);
    expect((await call('teacher', 'GET', teamPath)).body.schedules.length).toBe(before);
  });

  it('says 404 for a class Belong is not in', async () => {
    expect((await call('teacher', 'GET', '/api/teams/19%3Anope%40thread/schedules')).status).toBe(
      404,
    );
  });
});

describe('the school calendar', () => {
  const calendar = {
    terms: [{ name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' }],
    closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-27', end: '2026-11-27' }],
  };

  it('the wellbeing lead sets it, teachers read it, and school-day posts skip its closures', async () => {
    expect((await call('wellbeing_lead', 'PUT', '/api/school/calendar', calendar)).status).toBe(
      200,
    );
    const read = await call('teacher', 'GET', '/api/school/calendar');
    expect(read.body).toMatchObject({ calendar, timeZone: 'Europe/London' });
    const created = await call('teacher', 'POST', teamPath, {
      ...goodSchedule,
      repeat: { kind: 'daily', start: '2026-11-26', end: '2026-11-30' },
    });
    const listed = await call('teacher', 'GET', teamPath);
    const view = listed.body.schedules.find(
      (s: { schedule: { id: string } }) => s.schedule.id === created.body.schedule.id,
    );
    expect(view.upcoming.map((p: { date: string }) => p.date)).toEqual([
      '2026-11-26',
      '2026-11-30',
    ]);
  });

  it('teachers and pupils cannot change it; pupils cannot read it', async () => {
    expect((await call('teacher', 'PUT', '/api/school/calendar', calendar)).status).toBe(403);
    expect((await call('pupil', 'PUT', '/api/school/calendar', calendar)).status).toBe(403);
    expect((await call('pupil', 'GET', '/api/school/calendar')).status).toBe(403);
  });

  it('refuses a broken calendar, naming the problems, and keeps the old one', async () => {
    const res = await call('wellbeing_lead', 'PUT', '/api/school/calendar', {
      terms: [{ name: 'Spring', start: '2027-04-01', end: '2027-01-04' }],
      closures: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual(['calendarOrder']);
    expect((await call('teacher', 'GET', '/api/school/calendar')).body.calendar.terms).toEqual(
      calendar.terms,
    );
  });
});

describe('prompts and CMHW', () => {
  it('lists prompts by theme and key stage, and refuses unknown filters', async () => {
    const res = await call('teacher', 'GET', '/api/prompts?theme=kindness&keyStage=KS1');
    expect(res.body.prompts.length).toBeGreaterThan(2);
    for (const p of res.body.prompts) {
      expect(p.theme).toBe('kindness');
      expect(p.keyStages).toContain('KS1');
    }
    expect((await call('teacher', 'GET', '/api/prompts?theme=gossip')).status).toBe(400);
  });

  it('names the next CMHW week: 2027, not published yet on 24 November 2026, on its likely dates', async () => {
    const res = await call('teacher', 'GET', '/api/cmhw');
    expect(res.body.today).toBe('2026-11-24');
    expect(res.body.weeks.map((w: { year: number }) => w.year)).toEqual([
      2023, 2024, 2025, 2026, 2027,
    ]);
    expect(res.body.next).toMatchObject({
      year: 2027,
      startDate: '2027-02-01',
      provisional: true,
      theme: { 'en-GB': 'theme to be announced' },
    });
  });

  it('the wellbeing lead plans 2027 before it is published, on the school’s own Monday and theme', async () => {
    const classes = [
      { teamId: team.id, channelId: team.channels[0]!.id, time: '08:50', phase: 'secondary' },
    ];
    // A calendar with the spring term in it (an earlier test left only the autumn).
    const before = (await call('wellbeing_lead', 'GET', '/api/school/calendar')).body.calendar;
    const spring = { name: 'Spring 2027', start: '2027-01-04', end: '2027-03-26' };
    const withSpring = { terms: [...before.terms, spring], closures: before.closures };
    expect((await call('wellbeing_lead', 'PUT', '/api/school/calendar', withSpring)).status).toBe(
      200,
    );
    const bad = await call('wellbeing_lead', 'POST', '/api/school/cmhw-plan', {
      year: 2027,
      startDate: '2027-02-02',
      classes,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems).toEqual(['cmhwStart']);
    const res = await call('wellbeing_lead', 'POST', '/api/school/cmhw-plan', {
      year: 2027,
      startDate: '2027-01-25',
      theme: 'Our place',
      classes,
    });
    expect(res.status).toBe(201);
    const [schedule] = res.body.schedules;
    expect(schedule.content).toEqual({
      kind: 'cmhw',
      year: 2027,
      phase: 'secondary',
      startDate: '2027-01-25',
      theme: 'Our place',
    });
    await app.services.schedules.cancel(demoSchool.tenantId, schedule.id, 'test', clock.now());
    await call('wellbeing_lead', 'PUT', '/api/school/calendar', {
      terms: before.terms,
      closures: before.closures,
    });
  });

  it('the wellbeing lead plans a CMHW week for many classes at once, all or nothing', async () => {
    const plan = (classes: unknown[]) =>
      call('wellbeing_lead', 'POST', '/api/school/cmhw-plan', { year: 2026, classes });
    // 2026's week is over on 24 November 2026: refused, nothing stored.
    const res = await plan([
      { teamId: team.id, channelId: team.channels[0]!.id, time: '08:50', phase: 'secondary' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual(['cmhwOver']);
    expect((await call('teacher', 'PUT', '/api/school/cmhw-plan', {})).status).toBe(404);
    expect(
      (
        await call('teacher', 'POST', '/api/school/cmhw-plan', {
          year: 2026,
          classes: [
            { teamId: team.id, channelId: team.channels[0]!.id, time: '08:50', phase: 'secondary' },
          ],
        })
      ).status,
    ).toBe(403);
  });
});
