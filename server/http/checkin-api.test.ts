import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/ports/directory.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';
import { openSafeguardingChats } from '../../tests/support/safeguarding.js';
import type { Checkin } from '../../core/checkin/checkin.js';
import { notInTotals } from '../../core/checkin/checkin-settings.js';

let app: AppHarness;
const tokens: Record<string, string> = {};
const now = new Date('2026-11-24T12:00:00Z');
const clock: Clock = { now: () => now };
const tenantId = demoSchool.tenantId;
const teamId = demoSchool.team.id;
const otherTeam = '19:class-8c-general@thread.tacv2';
const call = (who: string, method: string, path: string, body?: unknown) =>
  callApi(app.url, method, path, tokens[who], body);
const connectorUrl = 'http://127.0.0.1:9/_connector';
const kinds = ['teacher', 'pupil', 'ambassador', 'coordinator', 'admin', 'wellbeing_lead', 'dsl'];

/** A closed mood check-in of class 7B on `date`, answered by `points.length` (made-up) pupils. */
async function closedMood(date: string, points: number[]): Promise<Checkin> {
  const checkin: Checkin = {
    id: `seed-${date}`,
    teamId,
    channelId: teamId,
    templateId: 'daily-mood',
    phase: 'secondary',
    locale: 'en-GB',
    date,
    closesAt: `${date}T17:00:00.000Z`,
    timeZone: 'Europe/London',
    classSize: 30,
    createdAt: `${date}T08:00:00.000Z`,
  };
  await app.services.checkins.create(tenantId, checkin);
  await Promise.all(
    points.map((p, i) =>
      app.services.checkins.answer(
        tenantId,
        checkin.id,
        `made-up-${i}`,
        { points: { mood: p as 1 }, skipped: false },
        new Date(`${date}T09:00:00Z`),
      ),
    ),
  );
  await app.services.checkins.markClosed(tenantId, checkin);
  return checkin;
}

beforeAll(async () => {
  app = await startApp({}, { clock });
  await seedDemoSchool(app.services, demoSchool, clock.now(), connectorUrl);
  await app.services.teams.recordInstall(
    tenantId,
    {
      teamId: otherTeam,
      name: 'Class 8C',
      serviceUrl: 'http://127.0.0.1:9/_connector',
      channels: [{ id: otherTeam, name: 'General' }],
    },
    clock.now(),
  );
  for (const kind of kinds) tokens[kind] = await devToken(app.url, demoPerson(kind).id);
  tokens.cai = await devToken(
    app.url,
    demoSchool.people.find((p) => p.displayName === 'Cai Williams')!.id,
  );
  // One school week: 12 pupils a day, 11 feel good, 1 awful.
  for (const date of ['2026-11-16', '2026-11-17', '2026-11-18']) {
    await closedMood(date, [...Array(11).fill(4), 1]);
  }
});
afterAll(() => app.stop());

describe('who may read check-in trends', () => {
  it('the class view: its teachers and the wellbeing lead; 403 for everyone else', async () => {
    const path = `/api/teams/${encodeURIComponent(teamId)}/checkins/trends`;
    const statuses = Object.fromEntries(
      await Promise.all(kinds.map(async (k) => [k, (await call(k, 'GET', path)).status])),
    );
    expect(statuses).toEqual({
      teacher: 200,
      wellbeing_lead: 200,
      pupil: 403,
      ambassador: 403,
      coordinator: 403,
      admin: 403,
      dsl: 403,
    });
    // A teacher of another class, and an unknown class.
    expect(
      (await call('teacher', 'GET', `/api/teams/${encodeURIComponent(otherTeam)}/checkins/trends`))
        .status,
    ).toBe(403);
    expect((await call('teacher', 'GET', '/api/teams/nope/checkins/trends')).status).toBe(404);
    expect((await callApi(app.url, 'GET', path)).status).toBe(401);
  });

  it('the school view and its CSV: the wellbeing lead only', async () => {
    for (const path of ['/api/school/checkins/trends', '/api/school/checkins/trends.csv']) {
      for (const kind of kinds) {
        const res = await fetch(`${app.url}${path}`, {
          headers: { authorization: `Bearer ${tokens[kind]}` },
        });
        await res.arrayBuffer();
        expect(res.status, `${kind} ${path}`).toBe(kind === 'wellbeing_lead' ? 200 : 403);
      }
    }
  });
});

describe('what trends show', () => {
  it('shows the week’s total and response rate, and withholds the one awful answer a day', async () => {
    const res = await call(
      'teacher',
      'GET',
      `/api/teams/${encodeURIComponent(teamId)}/checkins/trends`,
    );
    expect(res.body.k).toBe(10);
    const mood = res.body.questions.find((q: { questionId: string }) => q.questionId === 'mood');
    expect(mood.kind).toBe('week');
    const [week] = mood.rows;
    expect(week).toMatchObject({
      periodId: 'w:2026-11-16',
      total: 36,
      checkins: 3,
      responseRate: 40,
    });
    expect(week.options[0]).toBeNull();
    // Every number shown describes at least k pupils' answers or none: 11 good + 1 awful a day
    // means "good" would give the awful one away, so it is withheld too.
    expect(week.options.filter((n: number | null) => n !== null && n > 0 && n < 10)).toEqual([]);
    expect(week.options[3]).toBeNull();
  });

  it('the school view lines classes, year groups and the school up with the weeks; the CSV rounds to 5', async () => {
    const view = await call(
      'wellbeing_lead',
      'GET',
      '/api/school/checkins/trends?question=mood&period=week',
    );
    expect(view.body.periods.map((p: { id: string }) => p.id)).toEqual(['w:2026-11-16']);
    expect(view.body.classes).toEqual([
      expect.objectContaining({ name: 'Class 7B', yearGroup: null }),
    ]);
    expect(view.body.school[0].total).toBe(36);
    expect(view.body.questions).toEqual(['mood']);
    const csv = await fetch(`${app.url}/api/school/checkins/trends.csv?question=mood`, {
      headers: { authorization: `Bearer ${tokens.wellbeing_lead}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // The bytes, not csv.text(): a UTF-8 decoder drops the byte order mark Excel needs.
    const body = Buffer.from(await csv.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('level,name,year group,period,starts,answers,1,2,3,4,5');
    // 36 answers round to 35; every option is withheld (blank): the one awful answer a day
    // would otherwise be given away.
    expect(lines).toContain('class,Class 7B,,Autumn 2026,2026-11-16,35,,,,,');
    expect(lines).toContain('school,,,Autumn 2026,2026-11-16,35,,,,,');
    // A class without a year group is summed under "not set", in words rather than a dash.
    expect(lines).toContain('year group,,not set,Autumn 2026,2026-11-16,35,,,,,');
  });

  it('refuses bad queries with 400', async () => {
    for (const q of ['?period=day', '?question=Mood!', '?extra=1']) {
      expect(
        (await call('wellbeing_lead', 'GET', `/api/school/checkins/trends${q}`)).status,
        q,
      ).toBe(400);
    }
  });
});

describe('check-in settings', () => {
  it('refuses k outside 5–20 and unknown year groups, naming the problem, and changes nothing', async () => {
    for (const [body, problem] of [
      [{ k: 4, yearGroups: {} }, 'kTooSmall'],
      [{ k: 21, yearGroups: {} }, 'kTooLarge'],
    ] as const) {
      const res = await call('wellbeing_lead', 'PUT', '/api/school/checkin-settings', body);
      expect(res.status).toBe(400);
      expect(res.body.error.problems).toEqual([problem]);
    }
    for (const body of [
      { k: 10, yearGroups: { [teamId]: 'X' } },
      { k: 10 },
      { k: 10, yearGroups: {}, more: 1 },
      '[]',
    ]) {
      expect(
        (await call('wellbeing_lead', 'PUT', '/api/school/checkin-settings', body)).status,
      ).toBe(400);
    }
    expect(
      (await call('teacher', 'PUT', '/api/school/checkin-settings', { k: 5, yearGroups: {} }))
        .status,
    ).toBe(403);
    expect((await call('admin', 'GET', '/api/school/checkin-settings')).body).toEqual({
      k: 10,
      yearGroups: {},
    });
  });

  it('a new k and year groups apply from the next week: a week already shown never changes', async () => {
    const before = await call('wellbeing_lead', 'GET', '/api/school/checkins/trends');
    const put = await call('admin', 'PUT', '/api/school/checkin-settings', {
      k: 5,
      yearGroups: { [teamId]: '7' },
    });
    expect(put.status).toBe(200);
    const view = await call('wellbeing_lead', 'GET', '/api/school/checkins/trends');
    expect(view.body.k).toBe(5);
    // The week was published with k = 10 and the class in no year group (decision 012).
    const figures = (body: typeof view.body) => ({
      periods: body.periods,
      school: body.school,
      yearGroups: body.yearGroups,
      classes: body.classes.map((c: { cells: unknown }) => c.cells),
    });
    expect(figures(view.body)).toEqual(figures(before.body));
    expect(view.body.yearGroups.map((y: { yearGroup: string }) => y.yearGroup)).toEqual(['-']);
    expect(
      (
        await call('admin', 'PUT', '/api/school/checkin-settings', {
          k: 5,
          yearGroups: { [teamId]: notInTotals },
        })
      ).status,
    ).toBe(200);
    const apart = await call('wellbeing_lead', 'GET', '/api/school/checkins/trends');
    expect(apart.body.school).toEqual(before.body.school);
    // The class row names its year group as the settings say now.
    expect(apart.body.classes.map((c: { yearGroup: string }) => c.yearGroup)).toContain(
      notInTotals,
    );
    await call('admin', 'PUT', '/api/school/checkin-settings', { k: 10, yearGroups: {} });
  });
});

describe('before the school can take talk requests', () => {
  it('a teacher’s post is refused with the reason, the class list says so, and nothing is posted', async () => {
    const path = `/api/teams/${encodeURIComponent(teamId)}/checkins`;
    const refused = await call('teacher', 'POST', path, {
      templateId: 'daily-mood',
      phase: 'primary',
      channelId: teamId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      problems: ['safeguardingNotReady'],
    });
    expect((await call('teacher', 'GET', path)).body.ready).toBe(false);
    expect(await app.services.checkins.listOpen(tenantId)).toEqual([]);
    expect(await app.services.deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });
});

describe('posting from the tab, and a pupil’s own check-ins', () => {
  // The DSL and the deputy have opened Belong in Teams: the school can take talk requests.
  beforeAll(() => openSafeguardingChats(app.url, connectorUrl));

  it('a teacher posts; pupils, other teachers and bad bodies are refused and nothing is posted', async () => {
    const path = `/api/teams/${encodeURIComponent(teamId)}/checkins`;
    const body = { templateId: 'daily-mood', phase: 'primary', channelId: teamId };
    const before = (await app.services.checkins.listOpen(tenantId)).length;
    expect((await call('pupil', 'POST', path, body)).status).toBe(403);
    expect(
      (await call('teacher', 'POST', `/api/teams/${encodeURIComponent(otherTeam)}/checkins`, body))
        .status,
    ).toBe(403);
    for (const bad of [
      { ...body, templateId: 'quiz' },
      { ...body, phase: 'KS5' },
      { ...body, channelId: '19:nope' },
      { ...body, extra: true },
      'not json',
    ]) {
      expect(
        (await call('teacher', 'POST', path, bad)).status,
        JSON.stringify(bad),
      ).toBeGreaterThanOrEqual(400);
    }
    expect((await app.services.checkins.listOpen(tenantId)).length).toBe(before);
    const posted = await call('teacher', 'POST', path, body);
    expect(posted.status).toBe(201);
    // Closing times come with the school's time zone, for the tab to show them in.
    expect(posted.body).toMatchObject({
      templateId: 'daily-mood',
      date: '2026-11-24',
      timeZone: 'Europe/London',
    });
    const list = await call('teacher', 'GET', path);
    expect(list.body.ready).toBe(true);
    expect(list.body.checkins[0]).toEqual({
      checkinId: posted.body.checkinId,
      templateId: 'daily-mood',
      date: '2026-11-24',
      closesAt: posted.body.closesAt,
      timeZone: 'Europe/London',
      open: true,
    });
    expect((await call('pupil', 'GET', path)).status).toBe(403);
  });

  it('"My check-ins" shows a pupil their own answers only', async () => {
    const { checkinId } = (
      await call('teacher', 'POST', `/api/teams/${encodeURIComponent(teamId)}/checkins`, {
        templateId: 'daily-mood',
        phase: 'primary',
        channelId: teamId,
      })
    ).body as { checkinId: string };
    const amir = demoPerson('pupil').id;
    await app.services.checkins.answer(
      tenantId,
      checkinId,
      app.services.pseudonyms.pseudonymOf(tenantId, amir),
      { points: { mood: 2 }, skipped: false },
      now,
    );
    const mine = await call('pupil', 'GET', '/api/me/checkins');
    expect(mine.body.checkins).toEqual([
      expect.objectContaining({
        checkinId,
        teamId,
        teamName: 'Class 7B',
        open: true,
        answer: { points: { mood: 2 }, skipped: false },
      }),
    ]);
    expect((await call('cai', 'GET', '/api/me/checkins')).body.checkins).toEqual([]);
    expect((await call('teacher', 'GET', '/api/me/checkins')).body.checkins).toEqual([]);
  });
});
