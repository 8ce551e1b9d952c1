/**
 * Check-ins through the bot, at the HTTP edge: real server, real Azurite, a recording connector
 * and a clock the test sets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PersonaKind } from '../core/api.js';
import type { Clock } from '../core/ports/directory.js';
import { demoSchool } from '../server/demo/demo-school.js';
import {
  cardAction,
  channelMessage,
  person,
  postActivity,
  teamInstall,
  teamUpdate,
} from '../tests/support/activities.js';
import { startApp, type AppHarness } from '../tests/support/app-harness.js';
import { cardSchemaErrors } from '../tests/support/card-schema.js';
import { startFakeConnector, type FakeConnector } from '../tests/support/fake-connector.js';
import { checkinOccurrenceId } from '../core/checkin/checkin-service.js';
import { giveSafeguardingRoles, openSafeguardingChats } from '../tests/support/safeguarding.js';

let app: AppHarness;
let connector: FakeConnector;
let now = '2026-11-24T09:00:00Z';
const clock: Clock = { now: () => new Date(now) };
const tenantId = demoSchool.tenantId;
const general = demoSchool.team.generalChannelId;

beforeAll(async () => {
  app = await startApp({}, { clock });
  connector = await startFakeConnector();
  connector.channels = [{ id: demoSchool.team.id }];
  await postActivity(app.url, teamInstall(connector.url, person('teacher')));
  // The class as Teams announces it: the bot reads pupils for refresh from these members.
  const members = demoSchool.people.filter((p) => p.classRole);
  await postActivity(app.url, teamUpdate(connector.url, 'membersAdded', { membersAdded: members }));
  // The school has its DSL and deputy; they open Belong in Teams below, after the first tests.
  await giveSafeguardingRoles(app.services.schools);
});
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  now = '2026-11-24T09:00:00Z';
});

type Card = Record<string, unknown>;
const words = (card: unknown) => JSON.stringify(card);
const say = async (kind: PersonaKind, text: string): Promise<Card> => {
  await postActivity(app.url, channelMessage(connector.url, person(kind), text));
  const sent = connector.sent();
  const activity = sent[sent.length - 1]!.activity as { attachments: { content: Card }[] };
  const card = activity.attachments[0]!.content;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
};
const press = async (
  who: ReturnType<typeof person>,
  verb: string,
  data: Record<string, unknown>,
): Promise<Card> => {
  const res = (await postActivity(
    app.url,
    cardAction(connector.url, who, { action: { type: 'Action.Execute', verb, data } }),
  )) as { status: number; body: { value: Card } };
  expect(res.status).toBe(200);
  expect(cardSchemaErrors(res.body.value)).toEqual([]);
  return res.body.value;
};

/** Posts a check-in as the teacher and returns its id and the card as posted. */
async function postCheckin(templateId: string, phase = 'primary') {
  const before = new Set((await app.services.checkins.listOpen(tenantId)).map((c) => c.checkinId));
  const done = await press(person('teacher'), 'checkin.post', {
    templateId,
    phase,
    channelId: general,
  });
  expect(words(done)).toContain('Check-in on its way');
  const open = await app.services.checkins.listOpen(tenantId);
  const checkinId = open.find((c) => !before.has(c.checkinId))!.checkinId;
  const [delivery] = await app.services.deliveries.deliveriesOf(
    tenantId,
    checkinOccurrenceId(checkinId),
  );
  const card = delivery!.value.content.attachments![0]!.content as Card & {
    refresh: { userIds: string[] };
  };
  expect(cardSchemaErrors(card)).toEqual([]);
  return { checkinId, card };
}

const notReady =
  'Check-ins start once two safeguarding adults (the DSL or deputies) have opened Belong in Teams. Ask your DSL.';

describe('before the school can take talk requests (nobody has opened Belong yet)', () => {
  it('the teacher’s `checkin` says why check-ins have not started and what to do, and offers no Post now', async () => {
    const card = await say('teacher', 'checkin');
    expect(words(card)).toContain('Check-ins can’t start yet');
    expect(words(card)).toContain(notReady);
    expect(words(card)).not.toContain('Post now');
    expect(words(card)).not.toContain('checkin.post');
  });

  it('says it in Welsh too', async () => {
    await postActivity(app.url, channelMessage(connector.url, person('teacher'), 'checkin', 'cy'));
    const sent = connector.sent();
    const card = (sent[sent.length - 1]!.activity as { attachments: { content: Card }[] })
      .attachments[0]!.content;
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(words(card)).toContain('Does dim modd dechrau holiaduron eto');
    expect(words(card)).toContain('Gofynnwch i’ch DSL.');
  });

  it('Post now on an older form gets the same words, and nothing is stored or sent', async () => {
    const card = await press(person('teacher'), 'checkin.post', {
      templateId: 'daily-mood',
      phase: 'primary',
      channelId: general,
    });
    expect(words(card)).toContain(notReady);
    expect(await app.services.checkins.listForClass(tenantId, demoSchool.team.id)).toEqual([]);
    expect(await app.services.deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });
});

describe('posting a check-in', () => {
  // The DSL and the deputy have opened Belong in Teams: the school can take talk requests.
  beforeAll(() => openSafeguardingChats(app.url, connector.url));

  it('offers teachers the form, and tells pupils it is for teachers', async () => {
    expect(words(await say('teacher', 'checkin'))).toContain('Post a check-in');
    expect(words(await say('pupil', 'checkin'))).toContain('This is for teachers');
  });

  it('brings the form back with the reason when a choice is missing, and posts nothing', async () => {
    const before = (await app.services.checkins.listOpen(tenantId)).length;
    const card = await press(person('teacher'), 'checkin.post', {
      templateId: 'daily-mood',
      channelId: general,
    });
    expect(words(card)).toContain('Choose whose words to use.');
    expect((await app.services.checkins.listOpen(tenantId)).length).toBe(before);
    const forged = await press(person('pupil'), 'checkin.post', {
      templateId: 'daily-mood',
      phase: 'primary',
      channelId: general,
    });
    expect(words(forged)).toContain('This is for teachers');
    expect((await app.services.checkins.listOpen(tenantId)).length).toBe(before);
  });

  it('posts the mood card as a new thread: five labelled faces, skip, and refresh for the pupils only', async () => {
    const { card } = await postCheckin('daily-mood');
    const text = words(card);
    for (const label of ['😞 Awful', '🙁 Not great', '😐 OK', '🙂 Good', '😄 Great', 'Skip']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('How do you feel today?');
    const pupils = demoSchool.people.filter((p) => p.kind === 'pupil' || p.kind === 'ambassador');
    expect(card.refresh.userIds.sort()).toEqual(pupils.map((p) => p.teamsId).sort());
    expect(card.refresh.userIds).not.toContain(person('teacher').teamsId);
  });
});

describe('answering a check-in', () => {
  beforeAll(() => openSafeguardingChats(app.url, connector.url));

  it('shows a pupil their own answer, the privacy line the first time only, and lets them change it', async () => {
    const { checkinId } = await postCheckin('daily-mood');
    const amir = person('pupil', 0);
    const first = await press(amir, 'checkin.answer', { checkinId, 'q.mood': '4' });
    expect(words(first)).toContain('You chose 🙂 Good.');
    expect(words(first)).toContain('Your teacher sees how the class feels, not your name.');
    const again = await press(amir, 'checkin.answer', { checkinId, 'q.mood': '5' });
    expect(words(again)).toContain('You chose 😄 Great.');
    expect(words(again)).not.toContain('not your name');
    // Refreshing: Amir sees his answer; Cai, who has not answered, sees the faces.
    expect(words(await press(amir, 'checkin.view', { checkinId }))).toContain(
      'You chose 😄 Great.',
    );
    expect(words(await press(person('pupil', 1), 'checkin.view', { checkinId }))).toContain(
      '🙁 Not great',
    );
    expect(words(await press(amir, 'checkin.change', { checkinId }))).toContain(
      'Tap the one that fits you.',
    );
    const aggregate = await app.services.checkins.aggregate(tenantId, checkinId);
    expect(aggregate).toMatchObject({ respondents: 1, counts: { mood: [0, 0, 0, 0, 1] } });
  });

  it('gives the teacher the "for pupils" view and stores nothing from their press', async () => {
    const { checkinId } = await postCheckin('daily-mood');
    const card = await press(person('teacher'), 'checkin.answer', { checkinId, 'q.mood': '1' });
    expect(words(card)).toContain('This check-in is for pupils');
    expect((await app.services.checkins.aggregate(tenantId, checkinId))?.respondents).toBe(0);
  });

  it('answers malformed, closed and unknown check-ins with a friendly card and changes nothing', async () => {
    const { checkinId } = await postCheckin('belonging-pulse');
    const pupil = person('pupil', 2);
    for (const data of [
      { checkinId, 'q.safe': '9' },
      { checkinId, 'q.mood': '3' },
      { checkinId: 42 },
      {},
    ]) {
      expect(words(await press(pupil, 'checkin.answer', data))).toContain('Nothing has changed');
    }
    const empty = await press(pupil, 'checkin.answer', { checkinId, 'q.safe': '' });
    expect(words(empty)).toContain('Choose an answer first, or tap Skip.');
    expect(
      words(await press(pupil, 'checkin.answer', { checkinId: 'no-such', 'q.mood': '3' })),
    ).toContain('We can’t find this check-in');
    now = '2026-11-24T17:00:00Z';
    expect(words(await press(pupil, 'checkin.answer', { checkinId, 'q.safe': '4' }))).toContain(
      'This check-in has closed',
    );
    expect((await app.services.checkins.aggregate(tenantId, checkinId))?.respondents).toBe(0);
  });

  it('a belonging pulse shows the answers back and keeps skipped questions out', async () => {
    const { checkinId, card } = await postCheckin('belonging-pulse', 'secondary');
    expect(words(card)).toContain('Strongly agree');
    const saved = await press(person('pupil', 3), 'checkin.answer', {
      checkinId,
      'q.safe': '4',
      'q.purpose': '2',
      'q.connected': '',
    });
    expect(words(saved)).toContain('Thank you! Your answers are saved.');
    expect(words(saved)).toContain('I feel safe at school.');
    expect(words(saved)).not.toContain('I feel connected');
    const skipped = await press(person('pupil', 1), 'checkin.answer', { checkinId, skip: true });
    expect(words(skipped)).toContain('You skipped this one. That is OK.');
    expect(await app.services.checkins.aggregate(tenantId, checkinId)).toMatchObject({
      respondents: 1,
      skipped: 1,
      counts: { safe: [0, 0, 0, 1, 0], purpose: [0, 1, 0, 0, 0], connected: [0, 0, 0, 0, 0] },
    });
  });
});
