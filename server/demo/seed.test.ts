/**
 * The demo school as `npm start` seeds it, at fixed dates (never the machine's): a term on or
 * after the day, a rota with duties in this school week or the next, and, once the term has run
 * a while, check-ins to look at. Against Azurite, through the real API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinOccurrenceId } from '../../core/checkin/checkin-service.js';
import type { Clock } from '../../core/ports/directory.js';
import { isSchoolDay } from '../../core/schedule/calendar.js';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';
import { demoCalendar } from './demo-calendar.js';
import { demoSchool } from './demo-school.js';
import { seedDemoSchool } from './seed.js';
import { demoAnswer } from './seed-checkins.js';
import { addDays, mondayOf } from '../../core/dates.js';

const tenantId = demoSchool.tenantId;
const teamId = demoSchool.team.id;
const checkinsPath = `/api/teams/${encodeURIComponent(teamId)}/checkins`;
const pupils = demoSchool.people.filter((p) => p.classRole === 'member');
const class7B = demoSchool.classes[0]!;
const classPupils = [...pupils, ...class7B.pupils];
const byDate = (a: { date: string; templateId: string }, b: { date: string; templateId: string }) =>
  `${a.date}${a.templateId}`.localeCompare(`${b.date}${b.templateId}`);

interface Listed {
  checkinId: string;
  templateId: string;
  date: string;
  open: boolean;
}

// Six school weeks of daily moods before the day (first and last shown), with the pulse on each
// finished week's last school day.
const cases = [
  {
    when: 'a Tuesday in the autumn term',
    now: '2026-11-24T10:00:00Z',
    term: 'Autumn 2026',
    // Back over October half term (26–30 October).
    history: { first: '2026-10-06', last: '2026-11-23' },
    pulses: ['10-09', '10-16', '10-23', '11-06', '11-13', '11-20'].map((d) => `2026-${d}`),
  },
  {
    when: 'the Christmas holiday',
    now: '2026-12-28T10:00:00Z',
    term: 'Spring 2027',
    history: { first: '2026-11-09', last: '2026-12-18' },
    pulses: ['11-13', '11-20', '11-27', '12-04', '12-11', '12-18'].map((d) => `2026-${d}`),
  },
  {
    when: 'the first day of the spring term',
    now: '2027-01-04T09:00:00Z',
    term: 'Spring 2027',
    // The end of the autumn term, before the holiday.
    history: { first: '2026-11-09', last: '2026-12-18' },
    pulses: ['11-13', '11-20', '11-27', '12-04', '12-11', '12-18'].map((d) => `2026-${d}`),
  },
  {
    when: 'the first day of the school year',
    now: '2026-09-01T09:00:00Z',
    term: 'Autumn 2026',
    // The end of the summer term before (its last day a Tuesday).
    history: { first: '2026-06-10', last: '2026-07-21' },
    pulses: ['06-12', '06-19', '06-26', '07-03', '07-10', '07-17', '07-21'].map((d) => `2026-${d}`),
  },
  {
    when: 'August',
    now: '2027-08-10T10:00:00Z',
    term: 'Autumn 2027',
    history: { first: '2027-06-10', last: '2027-07-21' },
    pulses: ['06-11', '06-18', '06-25', '07-02', '07-09', '07-16', '07-21'].map((d) => `2027-${d}`),
  },
] as const;

describe.each(cases)('the demo school seeded in $when', ({ now, term, history, pulses }) => {
  const at = new Date(now);
  const clock: Clock = { now: () => at };
  const today = now.slice(0, 10);
  let app: AppHarness;
  const tokens: Record<string, string> = {};
  const call = (who: string, path: string) => callApi(app.url, 'GET', path, tokens[who]);

  beforeAll(async () => {
    app = await startApp({}, { clock });
    const started = performance.now();
    expect(
      await seedDemoSchool(app.services, demoSchool, at, 'http://127.0.0.1:9/_connector', {
        checkinHistory: true,
      }),
    ).toEqual({ seeded: true });
    // How long `npm start` waits for it on first run (Azurite in memory here).
    console.log(`demo seed: ${Math.round(performance.now() - started)} ms`);
    for (const kind of ['teacher', 'coordinator', 'pupil', 'wellbeing_lead'])
      tokens[kind] = await devToken(app.url, demoPerson(kind).id);
    for (const [i, pupil] of pupils.entries())
      tokens[`pupil${i}`] = await devToken(app.url, pupil.id);
  });
  afterAll(() => app.stop());

  it('has the calendar built around the day, with a term on it or next', async () => {
    const calendar = await app.services.schools.calendar(tenantId);
    expect({ terms: calendar.terms, closures: calendar.closures }).toEqual(demoCalendar(today));
    expect(calendar.terms.find((t) => t.end >= today)?.name).toBe(term);
  });

  it('has duties on the rota in this school week or the next', async () => {
    const calendar = await app.services.schools.calendar(tenantId);
    let next = addDays(today, 1);
    while (!isSchoolDay(calendar, next)) next = addDays(next, 1);
    const monday = mondayOf(next);
    const res = await call('coordinator', `/api/rota?from=${monday}&to=${addDays(monday, 4)}`);
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ startDate: expect.any(String) });
    expect(res.body.assignments.length).toBeGreaterThan(0);
    for (const a of res.body.assignments) expect(a.date > today).toBe(true);
  });

  it('has the class’s closed check-ins of the last six school weeks, posted to nobody', async () => {
    const res = await call('teacher', checkinsPath);
    expect(res.status).toBe(200);
    const listed = (res.body.checkins as Listed[]).reverse();
    const moods = listed.filter((c) => c.templateId === 'daily-mood').map((c) => c.date);
    expect(moods).toHaveLength(30);
    expect([moods[0], moods.at(-1)]).toEqual([history.first, history.last]);
    const calendar = await app.services.schools.calendar(tenantId);
    for (const date of moods.filter((d) => d >= calendar.terms[0]!.start))
      expect(isSchoolDay(calendar, date)).toBe(true);
    expect(listed.filter((c) => c.templateId === 'belonging-pulse').map((c) => c.date)).toEqual(
      pulses,
    );
    expect(listed.filter((c) => c.templateId === 'termly-belonging').map((c) => c.date)).toEqual([
      history.first,
    ]);
    for (const c of listed) expect(c.open).toBe(false);
    for (const c of listed) {
      // Nothing was queued for Teams: the seed never posts.
      expect(
        await app.services.deliveries.deliveriesOf(tenantId, checkinOccurrenceId(c.checkinId)),
      ).toEqual([]);
    }
    // Closed with the class's answers summed in the class index, as closing leaves them.
    const index = await app.services.checkins.listForClass(tenantId, teamId);
    for (const entry of index) {
      const answers = classPupils.map((_, i) =>
        demoAnswer(class7B, i, entry.templateId, entry.date),
      );
      expect(entry.classSize).toBe(28);
      expect(entry.final).toMatchObject({
        respondents: answers.filter((a) => a?.skipped === false).length,
        skipped: answers.filter((a) => a?.skipped === true).length,
      });
    }
    expect(await app.services.checkins.listOpen(tenantId)).toEqual([]);
  });

  it('has five class teams with their year groups; 7B has 28 pupils, the nurture group 7', async () => {
    const teams = await app.services.teams.listInstalled(tenantId);
    expect(teams.map((t) => t.name)).toEqual([
      'Class 7B',
      'Class 7C',
      'Class 8A',
      'Class 8N (nurture group)',
      'Class 9R',
    ]);
    expect((await app.services.teams.listMembers(tenantId, teamId)).length).toBe(29);
    const settings = await app.services.checkinSettings.get(tenantId);
    expect(Object.values(settings.yearGroups).sort()).toEqual(['7', '7', '8', '8', '9']);
    const sizes = demoSchool.classes.map((c) => c.pupils.length);
    expect(sizes).toEqual([22, 27, 27, 7, 29]);
  });

  it('answers vary: every mood from 1 to 5 is given, most days most of 7B answer', async () => {
    const school = (
      await Promise.all(
        demoSchool.classes.map((c) => app.services.checkins.listForClass(tenantId, c.teamId)),
      )
    ).flat();
    const counts = [0, 1, 2, 3, 4].map((p) =>
      school.reduce((n, e) => n + (e.final?.counts.mood?.[p] ?? 0), 0),
    );
    for (const n of counts) expect(n).toBeGreaterThan(0);
    const index = await app.services.checkins.listForClass(tenantId, teamId);
    const moods = index.filter((e) => e.templateId === 'daily-mood');
    const respondents = moods.map((e) => e.final!.respondents);
    expect(Math.min(...respondents)).toBeGreaterThanOrEqual(10);
    expect(new Set(respondents).size).toBeGreaterThan(3);
  });

  it('shows Ms Khan her class’s trends, week by week and for the term', async () => {
    const res = await call('teacher', `${checkinsPath}/trends`);
    expect(res.status).toBe(200);
    const mood = res.body.questions.find(
      (q: { questionId: string; kind: string }) => q.questionId === 'mood' && q.kind === 'week',
    );
    expect(mood.rows.length).toBeGreaterThanOrEqual(5);
    // Her class is big enough for its numbers to show (how many of them is suppression's call).
    const shown = mood.rows.filter((r: { total: number | null }) => r.total !== null);
    expect(shown.length).toBeGreaterThan(0);
    // The termly questionnaire shows as a term when it was asked in this school year's terms —
    // once the term is over; until then the term is pending (decision 012).
    const calendar = await app.services.schools.calendar(tenantId);
    const kinds = new Set([
      ...res.body.questions.map((q: { kind: string }) => q.kind),
      ...res.body.pending.map((p: { kind: string }) => p.kind),
    ]);
    expect(kinds).toEqual(
      new Set(history.first >= calendar.terms[0]!.start ? ['week', 'term'] : ['week']),
    );
  });

  it('shows Mrs Jones a heat map with some cells withheld (the nurture group) and a CSV with rows', async () => {
    const res = await call(
      'wellbeing_lead',
      '/api/school/checkins/trends?question=mood&period=week',
    );
    expect(res.status).toBe(200);
    const rows = res.body.classes as { name: string; cells: ({ total: number | null } | null)[] }[];
    expect(rows).toHaveLength(5);
    const nurture = rows.find((r) => r.name.startsWith('Class 8N'))!;
    for (const cell of nurture.cells) if (cell) expect(cell.total).toBeNull();
    const shown = rows.flatMap((r) => r.cells).filter((c) => c && c.total !== null);
    expect(shown.length).toBeGreaterThan(0);
    const csv = await fetch(`${app.url}/api/school/checkins/trends.csv?question=mood&period=week`, {
      headers: { authorization: `Bearer ${tokens.wellbeing_lead}` },
    });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\n').length).toBeGreaterThan(2);
  });

  it('gives each pupil their own history in My check-ins', async () => {
    const index = await app.services.checkins.listForClass(tenantId, teamId);
    for (const [i] of pupils.entries()) {
      const mine = (await call(`pupil${i}`, '/api/me/checkins')).body.checkins as {
        date: string;
        templateId: string;
        answer: unknown;
      }[];
      const expected = index.flatMap((e) => {
        const answer = demoAnswer(class7B, i, e.templateId, e.date);
        return answer ? [{ date: e.date, templateId: e.templateId, answer }] : [];
      });
      expect(
        mine.map(({ date, templateId, answer }) => ({ date, templateId, answer })).sort(byDate),
      ).toEqual(expected.sort(byDate));
      expect(mine.length).toBeGreaterThan(0);
    }
  });

  it('has last February’s CMHW week in 7B, its five posts sent', async () => {
    // The last week in the data that is over: 2026's in every case (2027 is not published).
    const year = 2026;
    const res = await call('teacher', `/api/teams/${encodeURIComponent(teamId)}/schedules`);
    expect(res.status).toBe(200);
    const cmhw = (
      res.body.schedules as {
        schedule: { id: string; status: string; content: { kind: string; year?: number } };
        recent: { status: string; occurrenceId: string }[];
      }[]
    ).find((v) => v.schedule.content.kind === 'cmhw');
    expect(cmhw?.schedule).toMatchObject({ status: 'ended', content: { year } });
    expect(cmhw!.recent).toHaveLength(5);
    for (const post of cmhw!.recent) {
      expect(post.status).toBe('queued');
      const [delivery] = await app.services.deliveries.deliveriesOf(tenantId, post.occurrenceId);
      expect(delivery?.value.status).toBe('sent');
    }
  });

  it('names every ambassador on the rota (the coordinator, Bethan and the CSV show names)', async () => {
    for (const a of demoSchool.rota.ambassadors) {
      expect(await app.services.personNames.displayName(tenantId, a.id)).toMatch(/^\S+ \S+/);
    }
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await app.services.checkins.listForClass(tenantId, teamId);
    expect(
      await seedDemoSchool(app.services, demoSchool, at, 'http://127.0.0.1:9/_connector', {
        checkinHistory: true,
      }),
    ).toEqual({ seeded: false });
    expect(await app.services.checkins.listForClass(tenantId, teamId)).toEqual(before);
  });
});

describe('the demo school seeded without check-in history', () => {
  it('has a calendar and a rota but no check-ins (suites that count check-ins bring their own)', async () => {
    const at = new Date('2026-11-24T10:00:00Z');
    const app = await startApp({}, { clock: { now: () => at } });
    try {
      await seedDemoSchool(app.services, demoSchool, at, 'http://127.0.0.1:9/_connector');
      expect((await app.services.schools.calendar(tenantId)).terms).toHaveLength(3);
      expect(await app.services.checkins.listForClass(tenantId, teamId)).toEqual([]);
      expect((await app.services.teams.listInstalled(tenantId)).map((t) => t.name)).toEqual([
        'Class 7B',
      ]);
    } finally {
      await app.stop();
    }
  });
});
