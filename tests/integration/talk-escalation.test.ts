/**
 * Talk requests with the dev clock (issue 17): the real server process (local mode, the demo
 * school seeded, its delivery engine and talk worker running) on the run's Azurite, a recording
 * connector for everyone's personal chat, and the server's clock moved forward with
 * `POST /api/dev/clock`. Nobody acknowledging escalates after 15 minutes of school time — the DSL
 * and deputy get the card again, the wellbeing lead a card without the pupil's name — and again 15
 * minutes later; a request made at 19:00 alerts nobody until the next school session starts.
 *
 * Against the fake connector rather than the Playground: the Playground shows the same cards (see
 * tests/e2e/talk-playground.e2e.test.ts) but cannot be asked what was sent to whom, and when.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TalkStore } from '../../core/support/talk-store.js';
import type { TalkRequest } from '../../core/support/talk.js';
import { demoSchool, type DemoPerson } from '../../server/demo/demo-school.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { cardAction, person, personalInstall, postActivity } from '../support/activities.js';
import { cardSchemaErrors } from '../support/card-schema.js';
import { moveServerClock, schoolDay } from '../support/clock.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import type { Child } from '../support/process.js';
import { startServerProcess } from '../support/stack.js';

const tenantId = demoSchool.tenantId;
const byName = (name: string) => demoSchool.people.find((p) => p.displayName === name)!;
const amir = byName('Amir Hassan');
const cai = byName('Cai Williams');
const ruth = person('dsl');
const owen = person('deputy_dsl');
const helen = person('wellbeing_lead');
const chatOf = (who: DemoPerson) => `a:personal-${who.id}`;

let server: { url: string; child: Child };
let connector: FakeConnector;
let talks: TalkStore;

beforeAll(async () => {
  const { connectionString } = inject('azurite');
  const tablePrefix = `talk${randomBytes(4).toString('hex')}`;
  connector = await startFakeConnector();
  server = await startServerProcess({
    connectionString,
    tablePrefix,
    env: {
      // Tuesday 24 November 2026, 10:00 in London: a school day, in school hours.
      DEV_CLOCK_START: schoolDay.toISOString(),
      SCHEDULER_TICK_MS: '250',
      DEMO_CHECKINS: 'false',
      DEMO_SERVICE_URL: connector.url,
    },
  });
  talks = new TalkStore(
    await AzureTableStore.open({ kind: 'connectionString', connectionString }, tablePrefix),
  );
  // The DSL, the deputy, the wellbeing lead and the two pupils have opened Belong in Teams.
  for (const who of [ruth, owen, helen, amir, cai])
    expect((await postActivity(server.url, personalInstall(connector.url, who))).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await server?.child.stop('SIGTERM');
  await connector?.close();
});

type Card = Record<string, unknown>;
const words = (card: unknown) => JSON.stringify(card);

/** The pupil taps "Ask to talk" on their talk card in their chat with Belong. */
async function askToTalk(who: DemoPerson): Promise<Card> {
  const action = cardAction(connector.url, who, {
    action: { type: 'Action.Execute', verb: 'talk.send', data: { source: 'chat' } },
  });
  const res = (await postActivity(server.url, {
    ...action,
    conversation: { id: chatOf(who), conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  })) as { status: number; body: { value: Card } };
  expect(res.status).toBe(200);
  expect(cardSchemaErrors(res.body.value)).toEqual([]);
  return res.body.value;
}

/** The cards the connector received for one person's chat, oldest first. */
const cardsTo = (who: DemoPerson): Card[] =>
  connector
    .sent()
    .filter((s) => decodeURIComponent(s.conversationId) === chatOf(who))
    .map((s) => (s.activity as { attachments: { content: Card }[] }).attachments[0]!.content);

async function latestOf(who: DemoPerson): Promise<TalkRequest> {
  const found = (await talks.list(tenantId)).find((r) => r.pupilId === who.id);
  expect(found).toBeDefined();
  return found!;
}

async function moveClock(to: Date): Promise<void> {
  const res = await moveServerClock(server.url, to);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const minutesAfter = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000 + 1_000);

describe('escalation with the dev clock', () => {
  it('nobody acknowledges: after 15 minutes the DSL and deputy get it again and the wellbeing lead is told, without the pupil’s name; again after another 15', async () => {
    const sent = await askToTalk(amir);
    expect(words(sent)).toContain('A trusted adult will see this soon.');
    // Alerted at once: each safeguarding adult's chat gets the card with the pupil's name and class.
    for (const who of [ruth, owen])
      await expect.poll(() => cardsTo(who).length, { timeout: 30_000 }).toBe(1);
    for (const who of [ruth, owen]) {
      const card = cardsTo(who)[0]!;
      expect(cardSchemaErrors(card)).toEqual([]);
      expect(words(card)).toContain('A pupil would like to talk');
      expect(words(card)).toContain(amir.displayName);
      expect(words(card)).toContain('Class 7B');
      expect(words(card)).toContain('Nobody has acknowledged this yet.');
    }
    expect(cardsTo(helen)).toEqual([]);
    const first = await latestOf(amir);
    expect(first.alerts.map((a) => a.level)).toEqual([0]);

    // Fifteen minutes of school time later: level 1.
    await moveClock(minutesAfter(first.alerts[0]!.at, 15));
    for (const who of [ruth, owen])
      await expect.poll(() => cardsTo(who).length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => cardsTo(helen).length, { timeout: 30_000 }).toBe(1);
    for (const who of [ruth, owen]) {
      const again = words(cardsTo(who)[1]);
      expect(again).toContain(amir.displayName);
      expect(again).toContain('Reminder: this has waited 15 minutes of school time.');
    }
    const lead = cardsTo(helen)[0]!;
    expect(cardSchemaErrors(lead)).toEqual([]);
    expect(words(lead)).toContain('A talk request is waiting');
    expect(words(lead)).toContain('has waited 15 minutes of school time');
    expect(words(lead)).not.toMatch(/Amir|Hassan|Class 7B|requestId/);
    const escalated = await latestOf(amir);
    expect(escalated.alerts.map((a) => a.level)).toEqual([0, 1]);
    expect(escalated.status).toBe('new');

    // And again fifteen minutes after that: level 2, to the same people.
    await moveClock(minutesAfter(escalated.alerts[1]!.at, 15));
    for (const who of [ruth, owen])
      await expect.poll(() => cardsTo(who).length, { timeout: 30_000 }).toBe(3);
    await expect.poll(() => cardsTo(helen).length, { timeout: 30_000 }).toBe(2);
    expect(words(cardsTo(ruth)[2])).toContain(
      'Reminder: this has waited 30 minutes of school time.',
    );
    expect(words(cardsTo(helen)[1])).toContain('has waited 30 minutes of school time');
    expect((await latestOf(amir)).alerts.map((a) => a.level)).toEqual([0, 1, 2]);
    // Nothing else went to the pupil while nobody had seen it.
    expect(cardsTo(amir)).toEqual([]);
  });

  it('once acknowledged it escalates no more, and the pupil is told an adult has seen it', async () => {
    const request = await latestOf(amir);
    const action = cardAction(connector.url, ruth, {
      action: { type: 'Action.Execute', verb: 'talk.acknowledge', data: { requestId: request.id } },
    });
    const res = (await postActivity(server.url, {
      ...action,
      conversation: { id: chatOf(ruth), conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
    })) as { body: { value: Card } };
    expect(words(res.body.value)).toContain(`Acknowledged by ${ruth.displayName}`);
    await expect.poll(() => cardsTo(amir).length, { timeout: 30_000 }).toBe(1);
    expect(words(cardsTo(amir)[0])).toContain('An adult has seen this and will find you.');
    const last = (await latestOf(amir)).alerts.at(-1)!;
    await moveClock(minutesAfter(last.at, 16));
    // The worker sees it acknowledged and drops it from its list: that is what escalation reads.
    await expect
      .poll(async () => (await talks.waiting(tenantId)).map((r) => r.value.id), { timeout: 30_000 })
      .not.toContain(request.id);
    expect((await latestOf(amir)).alerts).toHaveLength(3);
  });
});

describe('out of school hours', () => {
  it('a request made at 19:00 alerts nobody until the next school session starts, then alerts', async () => {
    await moveClock(new Date('2026-11-24T19:00:00Z'));
    const before = { ruth: cardsTo(ruth).length, owen: cardsTo(owen).length };
    const sent = await askToTalk(cai);
    expect(words(sent)).toContain(
      'School is closed now. An adult will see this on Wednesday 25 November at 08:30.',
    );
    for (const line of ['999', '0800 1111', '85258']) expect(words(sent)).toContain(line);
    const waiting = await latestOf(cai);
    expect(waiting).toMatchObject({ alertAt: '2026-11-25T08:30:00.000Z', alerts: [] });

    // Late evening, and just before school: the worker runs, and nobody is alerted.
    await moveClock(new Date('2026-11-24T23:00:00Z'));
    await moveClock(new Date('2026-11-25T08:29:00Z'));
    // Give the talk worker (every 250 ms) a few turns; nothing it does may send this yet.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await latestOf(cai)).alerts).toEqual([]);
    expect({ ruth: cardsTo(ruth).length, owen: cardsTo(owen).length }).toEqual(before);

    // School starts: the DSL and deputy are alerted, with the time the pupil asked.
    await moveClock(new Date('2026-11-25T08:30:00Z'));
    for (const who of [ruth, owen])
      await expect
        .poll(() => cardsTo(who).length, { timeout: 30_000 })
        .toBe(before[who === ruth ? 'ruth' : 'owen'] + 1);
    const card = words(cardsTo(ruth).at(-1));
    expect(card).toContain(cai.displayName);
    expect(card).toContain('Tuesday 24 November at 19:00');
    const alerted = await latestOf(cai);
    expect(alerted.alerts).toHaveLength(1);
    expect(Date.parse(alerted.alerts[0]!.at)).toBeGreaterThanOrEqual(
      Date.parse('2026-11-25T08:30:00Z'),
    );
    // Its first escalation counts from 08:30, not from 19:00 the evening before.
    expect(cardsTo(helen)).toHaveLength(2);
    await moveClock(minutesAfter(alerted.alerts[0]!.at, 15));
    await expect.poll(() => cardsTo(helen).length, { timeout: 30_000 }).toBe(3);
    expect(words(cardsTo(helen).at(-1))).toContain('has waited 15 minutes of school time');
  });
});
