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

interface Listed {
  checkinId: string;
  templateId: string;
  date: string;
  open: boolean;
}

const cases = [
  {
    when: 'a Tuesday in the autumn term',
    now: '2026-11-24T10:00:00Z',
    term: 'Autumn 2026',
    // The ten school days before this one.
    history: [
      ...['10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `2026-11-${d}`),
      '2026-11-23',
    ],
  },
  {
    when: 'the Christmas holiday',
    now: '2026-12-28T10:00:00Z',
    term: 'Spring 2027',
    // The last two weeks of the autumn term.
    history: [
      ...['07', '08', '09', '10', '11', '14', '15', '16', '17', '18'].map((d) => `2026-12-${d}`),
    ],
  },
  {
    when: 'the first day of the spring term',
    now: '2027-01-04T09:00:00Z',
    term: 'Spring 2027',
    // The last two weeks of the autumn term, before the holiday.
    history: [
      ...['07', '08', '09', '10', '11', '14', '15', '16', '17', '18'].map((d) => `2026-12-${d}`),
    ],
  },
  {
    when: 'the first day of the school year',
    now: '2026-09-01T09:00:00Z',
    term: 'Autumn 2026',
    // The end of the summer term before.
    history: ['08', '09', '10', '13', '14', '15', '16', '17', '20', '21'].map(
      (d) => `2026-07-${d}`,
    ),
  },
  {
    when: 'August',
    now: '2027-08-10T10:00:00Z',
    term: 'Autumn 2027',
    // The end of the summer term just gone.
    history: ['08', '09', '12', '13', '14', '15', '16', '19', '20', '21'].map(
      (d) => `2027-07-${d}`,
    ),
  },
] as const;

describe.each(cases)('the demo school seeded in $when', ({ now, term, history }) => {
  const at = new Date(now);
  const clock: Clock = { now: () => at };
  const today = now.slice(0, 10);
  let app: AppHarness;
  const tokens: Record<string, string> = {};
  const call = (who: string, path: string) => callApi(app.url, 'GET', path, tokens[who]);

  beforeAll(async () => {
    app = await startApp({}, { clock });
    expect(
      await seedDemoSchool(app.services, demoSchool, at, 'http://127.0.0.1:9/_connector', {
        checkinHistory: true,
      }),
    ).toEqual({ seeded: true });
    for (const kind of ['teacher', 'coordinator', 'pupil'])
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

  it('has the class’s closed daily check-ins of the last two school weeks, posted to nobody', async () => {
    const res = await call('teacher', checkinsPath);
    expect(res.status).toBe(200);
    const listed = res.body.checkins as Listed[];
    expect(listed.map((c) => c.date)).toEqual([...history].reverse());
    for (const c of listed) expect(c).toMatchObject({ templateId: 'daily-mood', open: false });
    for (const c of listed) {
      // Nothing was queued for Teams: the seed never posts.
      expect(
        await app.services.deliveries.deliveriesOf(tenantId, checkinOccurrenceId(c.checkinId)),
      ).toEqual([]);
    }
    // Closed with the class's answers summed in the class index, as closing leaves them.
    const index = await app.services.checkins.listForClass(tenantId, teamId);
    for (const entry of index) {
      const answered = pupils.filter((_, i) => demoAnswer(i, entry.date)?.skipped === false);
      const skipped = pupils.filter((_, i) => demoAnswer(i, entry.date)?.skipped === true);
      expect(entry.classSize).toBe(pupils.length);
      expect(entry.final).toMatchObject({
        respondents: answered.length,
        skipped: skipped.length,
      });
    }
    if (history.length) {
      expect(index.reduce((n, e) => n + (e.final?.respondents ?? 0), 0)).toBeGreaterThan(
        history.length,
      );
    }
    expect(await app.services.checkins.listOpen(tenantId)).toEqual([]);
  });

  it('gives each pupil their own history in My check-ins', async () => {
    for (const [i] of pupils.entries()) {
      const mine = (await call(`pupil${i}`, '/api/me/checkins')).body.checkins as {
        date: string;
        open: boolean;
        answer: unknown;
      }[];
      const expected = [...history].reverse().flatMap((date) => {
        const answer = demoAnswer(i, date);
        return answer ? [{ date, open: false, answer }] : [];
      });
      expect(mine.map(({ date, open, answer }) => ({ date, open, answer }))).toEqual(expected);
    }
    if (history.length) {
      const amir = (await call('pupil', '/api/me/checkins')).body.checkins as unknown[];
      expect(amir.length).toBeGreaterThan(0);
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
    } finally {
      await app.stop();
    }
  });
});
