/**
 * Check-in answers under load, at the HTTP edge (issue #6): the real server in-process on the
 * run's Azurite, a recording connector, and a directory in which every `pupilId(N)` is a pupil of
 * Class 7B, so a thousand distinct pupils can answer one check-in at once. What is stored must be
 * exactly what was acknowledged: one answer row per pupil, and an aggregate equal to a recount of
 * those rows — also when one pupil answers many times at once and when two server instances
 * answer the same check-in together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyAnswer,
  emptyAggregate,
  type CheckinAggregate,
  type StoredAnswer,
} from '../../core/checkin/checkin.js';
import { checkinTemplate } from '../../core/checkin/templates.js';
import type { Clock, Directory } from '../../core/ports/directory.js';
import { demoSchool, type DemoPerson } from '../../server/demo/demo-school.js';
import { FixtureDirectory } from '../../server/directory/fixture-directory.js';
import {
  cardAction,
  person,
  postActivity,
  teamInstall,
  teamUpdate,
} from '../support/activities.js';
import { startApp, type AppHarness } from '../support/app-harness.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { giveSafeguardingRoles, openSafeguardingChats } from '../support/safeguarding.js';

const tenantId = demoSchool.tenantId;
const general = demoSchool.team.generalChannelId;
const clock: Clock = { now: () => new Date('2026-11-24T09:00:00Z') };
const moodLabels = ['😞 Awful', '🙁 Not great', '😐 OK', '🙂 Good', '😄 Great'];

/**
 * The demo school, plus any number of extra pupils of Class 7B, `pupilId(N)`: Entra object ids
 * (GUIDs) as Teams sends them, since the bot refuses others (decision 023).
 */
const pupilId = (n: number) => `e0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const fixture = new FixtureDirectory(demoSchool);
const directory: Directory = {
  roleInTeam: async (tenant, team, userId) =>
    tenant === tenantId &&
    team.teamId === demoSchool.team.id &&
    /^e0000000-0000-4000-8000-[0-9a-f]{12}$/.test(userId)
      ? 'pupil'
      : fixture.roleInTeam(tenant, team, userId),
  findPeople: (tenant, query, limit) => fixture.findPeople(tenant, query, limit),
};
const pupil = (n: number): DemoPerson => ({
  id: pupilId(n),
  teamsId: `29:${pupilId(n)}`,
  displayName: `Pupil ${n}`,
  kind: 'pupil',
  schoolRoles: [],
  classRole: 'member',
});

let app: AppHarness;
let second: AppHarness;
let connector: FakeConnector;
let checkinId: string;

beforeAll(async () => {
  app = await startApp({}, { directory, clock });
  // A second instance on the same tables: its own process state (caches, commit queues).
  second = await startApp({ TABLE_PREFIX: app.services.config.tablePrefix }, { directory, clock });
  connector = await startFakeConnector();
  connector.channels = [{ id: demoSchool.team.id }];
  await postActivity(app.url, teamInstall(connector.url, person('teacher')));
  const members = demoSchool.people.filter((p) => p.classRole);
  await postActivity(app.url, teamUpdate(connector.url, 'membersAdded', { membersAdded: members }));
  // A school that can take talk requests: its DSL and deputy have opened Belong in Teams.
  await giveSafeguardingRoles(app.services.schools);
  await openSafeguardingChats(app.url, connector.url);
  const posted = await press(app, person('teacher'), 'checkin.post', {
    templateId: 'daily-mood',
    phase: 'secondary',
    channelId: general,
  });
  expect(posted).toContain('Check-in on its way');
  const open = await app.services.checkins.listOpen(tenantId);
  expect(open).toHaveLength(1);
  checkinId = open[0]!.checkinId;
});
afterAll(async () => {
  await second?.stop();
  await app?.stop();
  await connector?.close();
});

/** Presses a card button as `who`; returns the card the server answered with, as text. */
async function press(
  on: AppHarness,
  who: DemoPerson,
  verb: string,
  data: Record<string, unknown>,
): Promise<string> {
  const res = await postActivity(
    on.url,
    cardAction(connector.url, who, { action: { type: 'Action.Execute', verb, data } }),
  );
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as { value: unknown }).value);
}

const answer = (on: AppHarness, who: DemoPerson, point: number) =>
  press(on, who, 'checkin.answer', { checkinId, 'q.mood': String(point) });

/** Runs `jobs` with at most `limit` in flight. */
async function inParallel<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

/** What is stored for the check-in: the answer rows and the aggregate row. */
async function stored(): Promise<{
  answers: StoredAnswer[];
  aggregate: CheckinAggregate;
  of: (n: number) => StoredAnswer | undefined;
}> {
  const rows = await app.services.store.list<Record<string, unknown>>(
    'checkins',
    tenantId,
    `c:${checkinId}`,
  );
  const byRow = new Map(rows.map((r) => [r.key.row, r.value]));
  return {
    answers: rows.filter((r) => r.key.row.startsWith('a:')).map((r) => r.value as StoredAnswer),
    // The counts, merged from every instance's counts row (decision 031).
    aggregate: (await app.services.checkins.aggregate(tenantId, checkinId))!,
    of: (n) =>
      byRow.get(`a:${app.services.pseudonyms.pseudonymOf(tenantId, pupilId(n))}`) as
        StoredAnswer | undefined,
  };
}

const recount = (answers: StoredAnswer[]): CheckinAggregate =>
  answers.reduce(
    (aggregate, a) => applyAnswer(aggregate, a, 1),
    emptyAggregate(checkinTemplate('daily-mood')),
  );

const pointOf = (n: number) => (n % 5) + 1;

describe('answering one check-in at scale', () => {
  it('1,000 pupils answer at once: each sees their own answer, and exactly 1,000 are stored', async () => {
    const pupils = Array.from({ length: 1_000 }, (_, n) => n);
    const cards = await inParallel(
      200,
      pupils.map((n) => () => answer(app, pupil(n), pointOf(n))),
    );
    cards.forEach((card, n) => expect(card).toContain(`You chose ${moodLabels[pointOf(n) - 1]}.`));
    // Everyone answered for the first time, so everyone is told who sees what.
    expect(cards.every((c) => c.includes('not your name'))).toBe(true);

    const { answers, aggregate } = await stored();
    expect(answers).toHaveLength(1_000);
    expect(aggregate.respondents).toBe(1_000);
    expect(aggregate.skipped).toBe(0);
    expect(aggregate.counts.mood).toEqual([200, 200, 200, 200, 200]);
    expect(aggregate.counts.mood!.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(aggregate).toEqual(recount(answers));
  });

  it('one pupil answering 20 times at once counts once, with one of the answers they sent', async () => {
    const amir = pupil(7);
    const sent = Array.from({ length: 20 }, (_, i) => (i % 5) + 1);
    const cards = await Promise.all(sent.map((p) => answer(app, amir, p)));
    cards.forEach((card, i) => expect(card).toContain(`You chose ${moodLabels[sent[i]! - 1]}.`));
    expect(cards.some((c) => c.includes('not your name'))).toBe(false);

    const { answers, aggregate } = await stored();
    expect(answers).toHaveLength(1_000);
    expect(aggregate.respondents).toBe(1_000);
    expect(aggregate).toEqual(recount(answers));
    // Their card, refreshed, shows the answer that was stored last.
    const view = await press(app, amir, 'checkin.view', { checkinId });
    const shown = moodLabels.findIndex((label) => view.includes(`You chose ${label}.`)) + 1;
    expect(sent).toContain(shown);
    const skip = await press(app, amir, 'checkin.answer', { checkinId, skip: true });
    expect(skip).toContain('You skipped this one.');
    const after = await stored();
    expect(after.aggregate).toMatchObject({ respondents: 999, skipped: 1 });
    expect(after.aggregate).toEqual(recount(after.answers));
  });

  it('two server instances answering the same check-in together store exactly what they acknowledge', async () => {
    // Pupils 0–299 change their answer on one instance, 300–599 on the other, and 600–649 on both
    // at once with different answers; 1,000–1,099 answer for the first time, alternating.
    const sends: { n: number; on: AppHarness; point: number }[] = [];
    for (let n = 0; n < 300; n++) sends.push({ n, on: app, point: pointOf(n + 1) });
    for (let n = 300; n < 600; n++) sends.push({ n, on: second, point: pointOf(n + 2) });
    for (let n = 600; n < 650; n++) {
      sends.push({ n, on: app, point: 1 }, { n, on: second, point: 5 });
    }
    for (let n = 1_000; n < 1_100; n++) {
      sends.push({ n, on: n % 2 ? second : app, point: pointOf(n) });
    }
    // Shuffled deterministically so the two instances' commits interleave.
    const order = sends
      .map((send, i) => ({ send, key: (i * 7_919) % sends.length }))
      .sort((a, b) => a.key - b.key)
      .map((o) => o.send);
    const cards = await inParallel(
      200,
      order.map((s) => () => answer(s.on, pupil(s.n), s.point)),
    );
    const acknowledged = order.map((s, i) =>
      cards[i]!.includes(`You chose ${moodLabels[s.point - 1]}.`),
    );
    // Each instance writes its own counts row, so no answer is refused (issue 21, decision 031).
    order.forEach((_, i) => expect(cards[i]).not.toContain('Nothing has changed'));
    expect(acknowledged.filter((a) => !a)).toEqual([]);

    const { answers, aggregate, of } = await stored();
    expect(aggregate).toEqual(recount(answers));
    for (const n of [...Array(650).keys(), ...Array.from({ length: 100 }, (_, i) => 1_000 + i)]) {
      const mine = order.map((s, i) => ({ ...s, ok: acknowledged[i] })).filter((s) => s.n === n);
      const kept = mine.filter((s) => s.ok).map((s) => s.point);
      const now = of(n);
      if (kept.length) {
        expect(kept).toContain(now?.points.mood);
      } else if (n >= 1_000) {
        expect(now).toBeUndefined();
      } else if (n === 7) {
        expect(now?.skipped).toBe(true);
      } else {
        expect(now?.points.mood).toBe(pointOf(n));
      }
    }
    // Whichever instance a pupil used, a refresh on either shows what is stored.
    const onBoth = await Promise.all([
      press(app, pupil(600), 'checkin.view', { checkinId }),
      press(second, pupil(600), 'checkin.view', { checkinId }),
    ]);
    expect(onBoth[0]).toEqual(onBoth[1]);
    expect(onBoth[0]).toContain(`You chose ${moodLabels[of(600)!.points.mood! - 1]}.`);
  });

  it('a tap that arrives late (a retry, a slow network) never overwrites the pupil’s newer choice', async () => {
    const who = pupil(2_000);
    const tap = (point: number, timestamp: string, on = app) =>
      postActivity(on.url, {
        ...cardAction(connector.url, who, {
          action: {
            type: 'Action.Execute',
            verb: 'checkin.answer',
            data: { checkinId, 'q.mood': String(point) },
          },
        }),
        timestamp,
      }).then((res) => JSON.stringify((res.body as { value: unknown }).value));
    // Chose 😞 at 08:58, then 😄 at 08:59; the 08:59 tap arrives first, the 08:58 one after it.
    expect(await tap(5, '2026-11-24T08:59:00.000Z')).toContain(`You chose ${moodLabels[4]}.`);
    expect(await tap(1, '2026-11-24T08:58:00.000Z', second)).toContain(
      `You chose ${moodLabels[4]}.`,
    );
    const { of } = await stored();
    expect(of(2_000)?.points.mood).toBe(5);
    // A newer tap still changes it.
    expect(await tap(3, '2026-11-24T08:59:30.000Z')).toContain(`You chose ${moodLabels[2]}.`);
    expect((await stored()).of(2_000)?.points.mood).toBe(3);
  });
});
