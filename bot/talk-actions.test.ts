/**
 * Talk requests through the bot (issue 17), at the HTTP edge: the real server on Azurite, a
 * recording connector and a clock the test sets. What a pupil types or taps, what they are told,
 * what the DSL and deputy are sent (queued in the outbox: no delivery worker runs here) and what
 * their card actions change. The tests run in order: first the school cannot take requests (only
 * the DSL has a chat with Belong), then the deputy opens one and it can.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../core/ports/directory.js';
import { TalkStore } from '../core/support/talk-store.js';
import { demoSchool, type DemoPerson } from '../server/demo/demo-school.js';
import {
  cardAction,
  channelMessage,
  person,
  personalInstall,
  personalMessage,
  postActivity,
  teamInstall,
  teamUpdate,
} from '../tests/support/activities.js';
import { startApp, type AppHarness } from '../tests/support/app-harness.js';
import { cardSchemaErrors } from '../tests/support/card-schema.js';
import { startFakeConnector, type FakeConnector } from '../tests/support/fake-connector.js';
import { checkinOccurrenceId } from '../core/checkin/checkin-service.js';

let app: AppHarness;
let connector: FakeConnector;
/** Tuesday 24 November 2026, 10:00 in London (GMT): a school day, in school hours. */
const tuesday = '2026-11-24T10:00:00Z';
let now = tuesday;
const clock: Clock = { now: () => new Date(now) };
const tenantId = demoSchool.tenantId;

const byName = (name: string) => demoSchool.people.find((p) => p.displayName === name)!;
const amir = byName('Amir Hassan');
const cai = byName('Cai Williams');
const dara = byName('Dara Okafor');
const elin = byName('Elin Roberts');
const femi = byName('Femi Adeyemi');
const ruth = person('dsl');
const owen = person('deputy_dsl');
const teacher = person('teacher');
const lead = person('wellbeing_lead');

beforeAll(async () => {
  app = await startApp({}, { clock });
  connector = await startFakeConnector();
  connector.channels = [{ id: demoSchool.team.id }];
  // The demo school as Belong would know it: its roles, the autumn term, London time, and Class 7B
  // installed with its members.
  const { schools } = app.services;
  await schools.put({
    tenantId,
    name: demoSchool.schoolName,
    timeZone: 'Europe/London',
    createdAt: now,
  });
  await schools.setCalendar(tenantId, {
    terms: [{ name: 'Autumn 2026', start: '2026-09-01', end: '2026-12-18' }],
    closures: [],
  });
  for (const p of demoSchool.people)
    if (p.schoolRoles.length) await schools.setRoles(tenantId, p.id, p.schoolRoles);
  await postActivity(app.url, teamInstall(connector.url, teacher));
  const members = demoSchool.people.filter((p) => p.classRole);
  await postActivity(app.url, teamUpdate(connector.url, 'membersAdded', { membersAdded: members }));
  // The DSL, the wellbeing lead and two pupils have opened Belong in Teams; the deputy has not yet.
  for (const who of [ruth, lead, amir, cai])
    await postActivity(app.url, personalInstall(connector.url, who));
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});
beforeEach(() => {
  now = tuesday;
});

type Card = Record<string, unknown>;
const words = (card: unknown) => JSON.stringify(card);
const helplines = ['999', '0800 1111', 'SHOUT to 85258'];
/** Wording that would promise a child that nobody else will be told. */
const secrecy = /secret|confidential|private|nobody else|no one else|won[’']?t tell|will not tell/i;

/** What the bot answers a message typed in the person's personal chat with it. */
async function type(who: DemoPerson, text: string, locale = 'en-GB'): Promise<Card> {
  const before = connector.sent().length;
  const res = await postActivity(app.url, personalMessage(connector.url, who, text, locale));
  expect(res.status).toBe(200);
  const sent = connector.sent();
  expect(sent.length).toBe(before + 1);
  const card = (sent.at(-1)!.activity as { attachments: { content: Card }[] }).attachments[0]!
    .content;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
}

/** A card action in the person's personal chat (where the talk and staff cards are). */
async function tap(who: DemoPerson, verb: string, data: Record<string, unknown>): Promise<Card> {
  const action = cardAction(connector.url, who, { action: { type: 'Action.Execute', verb, data } });
  const res = (await postActivity(app.url, {
    ...action,
    conversation: { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  })) as { status: number; body: { statusCode: number; value: Card } };
  expect(res.status).toBe(200);
  expect(res.body.statusCode).toBe(200);
  expect(cardSchemaErrors(res.body.value)).toEqual([]);
  return res.body.value;
}

/** A card action on a card in Class 7B's General channel (a check-in card). */
async function tapInChannel(
  who: DemoPerson,
  verb: string,
  data: Record<string, unknown>,
): Promise<Card> {
  const res = (await postActivity(
    app.url,
    cardAction(connector.url, who, { action: { type: 'Action.Execute', verb, data } }),
  )) as { status: number; body: { value: Card } };
  expect(res.status).toBe(200);
  expect(cardSchemaErrors(res.body.value)).toEqual([]);
  return res.body.value;
}

/** Every Action.Execute anywhere in a card, as verb and data. */
function actionsOf(
  card: unknown,
): { title: string; verb: string; data?: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data?: Record<string, unknown> }[] = [];
  JSON.stringify(card, (key, v: unknown) => {
    const a = v as { type?: unknown; title: string; verb: string; data?: Record<string, unknown> };
    if (key !== 'action' && a && typeof a === 'object' && a.type === 'Action.Execute')
      found.push(a);
    return v;
  });
  return found;
}

/** Every input anywhere in a card. */
function inputsOf(card: unknown): { id: string; value?: unknown }[] {
  const found: { id: string; value?: unknown }[] = [];
  JSON.stringify(card, (_key, v: unknown) => {
    const el = v as { type?: unknown; id: string; value?: unknown } | null;
    if (el && typeof el === 'object' && String(el.type).startsWith('Input.')) found.push(el);
    return v;
  });
  return found;
}

/** Read straight from the store: the service's own reads are audited. */
const requests = () => new TalkStore(app.services.store).list(tenantId);
const latestOf = async (who: DemoPerson) => (await requests()).find((r) => r.pupilId === who.id);
/** Occurrences in the outbox that are about talk requests. */
const talkOccurrences = async () =>
  (await app.services.deliveries.activeOccurrenceIds(tenantId)).filter((id) =>
    id.startsWith('talk:'),
  );
const deliveriesOf = async (occurrenceId: string) =>
  (await app.services.deliveries.deliveriesOf(tenantId, occurrenceId)).map((d) => d.value);
const stored = async (id: string) =>
  (await new TalkStore(app.services.store).get(tenantId, id))!.value;

describe('before the school can take requests (only the DSL can be messaged)', () => {
  it('the help card does not list talk, and `talk` says to tell an adult, with helplines; nothing is stored', async () => {
    const help = await type(amir, 'help');
    expect(words(help)).not.toContain('"title":"talk"');
    expect(actionsOf(help).map((a) => a.verb)).not.toContain('talk.start');

    for (const text of ['talk', 'I want to talk to someone']) {
      const card = await type(amir, text);
      expect(words(card)).toContain('Please tell an adult at school');
      for (const line of helplines) expect(words(card)).toContain(line);
      expect(actionsOf(card).map((a) => a.verb)).not.toContain('talk.send');
    }
    // A tap on an old ask card: the same answer, and nothing is stored or sent.
    const sent = await tap(amir, 'talk.send', { source: 'chat' });
    expect(words(sent)).toContain('Please tell an adult at school');
    expect(await requests()).toEqual([]);
    expect(await talkOccurrences()).toEqual([]);
  });

  it('then the deputy opens Belong, and the school is ready', async () => {
    await postActivity(app.url, personalInstall(connector.url, owen));
    const readiness = await app.services.talk.readiness(tenantId);
    expect(readiness.ready).toBe(true);
    expect(readiness.recipients.map((r) => r.name).sort()).toEqual(
      [owen.displayName, ruth.displayName].sort(),
    );
  });
});

describe('asking from personal chat', () => {
  const isAskCard = (card: Card) => {
    const text = words(card);
    expect(text).toContain('Talk to a trusted adult');
    expect(text).toContain('They will see your name and your class');
    expect(text).toContain('they may need to tell other adults');
    expect(text).not.toMatch(secrecy);
    for (const line of helplines) expect(text).toContain(line);
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['talk.send', 'talk.notNow']);
    // Nothing pre-selected: "how soon" is left to the pupil.
    expect(inputsOf(card)).toEqual([
      expect.not.objectContaining({ value: expect.anything() as unknown }),
    ]);
  };

  it('`talk` and everyday phrasings get the ask card: it says their name will be seen, promises no secrecy, and lists helplines', async () => {
    for (const text of [
      'talk',
      'Talk',
      'I feel sad and want to talk to someone',
      'I need help',
      'help me',
      'siarad',
    ])
      isAskCard(await type(amir, text));
    const welsh = await type(amir, 'dw i eisiau siarad efo rhywun', 'cy-GB');
    expect(welsh.lang).toBe('cy');
    expect(words(welsh)).toContain('Byddan nhw’n gweld dy enw');
    expect(words(welsh)).toContain('0800 1111');
    expect(actionsOf(welsh).map((a) => a.verb)).toEqual(['talk.send', 'talk.notNow']);
    // Asking is not sending: nothing is stored until the pupil taps "Ask to talk".
    expect(await requests()).toEqual([]);
  });

  it('`help` alone stays help, and now lists talk with its button', async () => {
    const help = await type(amir, 'help');
    expect(words(help)).toContain('Hello, I’m Belong');
    expect(words(help)).toContain('"title":"talk"');
    expect(actionsOf(help).map((a) => a.verb)).toEqual(['talk.start']);
    expect(actionsOf(help).map((a) => a.verb)).not.toContain('talk.send');
  });

  it('a teacher typing "I need help" gets the help card, not the talk card', async () => {
    const card = await type(teacher, 'I need help');
    expect(words(card)).toContain('Belong');
    expect(words(card)).not.toContain('Ask to talk');
    expect(actionsOf(card).map((a) => a.verb)).not.toContain('talk.start');
    expect(words(card)).not.toContain('I don’t understand “i”');
    expect(words(card)).toContain('Hello, I’m Belong');
    // The same for "help me"; and `talk` itself tells staff what it is for.
    expect(words(await type(ruth, 'help me'))).toContain('Hello, I’m Belong');
    for (const who of [teacher, ruth]) {
      const talk = await type(who, 'talk');
      expect(words(talk)).toContain('This is for pupils');
      expect(actionsOf(talk)).toEqual([]);
    }
  });

  it('`talk` typed in the class channel answers with a button only: everyone can see the reply', async () => {
    await postActivity(app.url, channelMessage(connector.url, amir, 'talk'));
    const card = (connector.sent().at(-1)!.activity as { attachments: { content: Card }[] })
      .attachments[0]!.content;
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(words(card)).not.toContain('They will see your name');
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['talk.start']);
  });

  it('"Not now" says that is OK, with helplines, and stores nothing', async () => {
    const card = await tap(amir, 'talk.notNow', { source: 'chat' });
    expect(words(card)).toContain('That’s OK');
    for (const line of helplines) expect(words(card)).toContain(line);
    expect(await requests()).toEqual([]);
  });

  it('"Ask to talk" makes one request; the DSL and the deputy each get a staff card, in the urgent lane, with the pupil’s name and class', async () => {
    const card = await tap(amir, 'talk.send', { source: 'chat', talkUrgency: 'today' });
    expect(words(card)).toContain('Sent');
    expect(words(card)).toContain('A trusted adult will see this soon.');
    for (const line of helplines) expect(words(card)).toContain(line);
    expect(words(card)).not.toContain('School is closed');
    const [request, ...others] = await requests();
    expect(others).toEqual([]);
    expect(request).toMatchObject({
      pupilId: amir.id,
      source: 'chat',
      urgency: 'today',
      status: 'new',
      alerts: [{ level: 0, unreachable: [] }],
    });
    expect(await talkOccurrences()).toEqual([`talk:${request!.id}:0`]);
    const sent = await deliveriesOf(`talk:${request!.id}:0`);
    expect(sent.map((d) => d.targetKey).sort()).toEqual([owen.id, ruth.id].sort());
    for (const d of sent) {
      expect(d.urgent).toBe(true);
      const staffCard = d.content.attachments![0]!.content;
      expect(cardSchemaErrors(staffCard)).toEqual([]);
      expect(words(staffCard)).toContain('A pupil would like to talk');
      expect(words(staffCard)).toContain(amir.displayName);
      expect(words(staffCard)).toContain('Class 7B');
      expect(words(staffCard)).toContain('Today');
      expect(actionsOf(staffCard).map((a) => a.verb)).toEqual([
        'talk.acknowledge',
        'talk.note',
        'talk.refer',
        'talk.resolve',
      ]);
    }
    // Sent to each one's own chat with Belong.
    expect(sent.map((d) => (d.target as { conversationId: string }).conversationId).sort()).toEqual(
      [`a:personal-${owen.id}`, `a:personal-${ruth.id}`].sort(),
    );
  });

  it('tapping again finds the same request: nothing new is stored or queued', async () => {
    const before = await requests();
    const again = await tap(amir, 'talk.send', { source: 'chat' });
    expect(words(again)).toContain('A trusted adult will see this soon.');
    // And typing talk shows where it stands, not a new ask.
    const typed = await type(amir, 'talk');
    expect(words(typed)).toContain('Sent');
    expect(actionsOf(typed).map((a) => a.verb)).not.toContain('talk.send');
    expect(await requests()).toEqual(before);
    expect(await talkOccurrences()).toEqual([`talk:${before[0]!.id}:0`]);
    expect((await deliveriesOf(`talk:${before[0]!.id}:0`)).length).toBe(2);
  });
});

describe('out of school hours', () => {
  it('at 19:00 the ask card and the sent card say when an adult will see it; nobody is alerted yet', async () => {
    now = '2026-11-24T19:00:00Z';
    const when = 'Wednesday 25 November at 08:30';
    const ask = await type(cai, 'talk');
    expect(words(ask)).toContain(`School is closed now. An adult will see this on ${when}.`);
    for (const line of helplines) expect(words(ask)).toContain(line);
    const sent = await tap(cai, 'talk.send', { source: 'chat' });
    expect(words(sent)).toContain(`An adult will see this on ${when}.`);
    for (const line of helplines) expect(words(sent)).toContain(line);
    const request = (await latestOf(cai))!;
    expect(request).toMatchObject({
      status: 'new',
      alerts: [],
      alertAt: '2026-11-25T08:30:00.000Z',
    });
    expect(await talkOccurrences()).not.toContain(`talk:${request.id}:0`);
    // Its card, reopened, still says when.
    expect(words(await tap(cai, 'talk.view', {}))).toContain(when);
  });

  it('on a Saturday the ask card says Monday', async () => {
    now = '2026-11-28T11:00:00Z';
    const ask = await type(dara, 'I feel lonely');
    expect(words(ask)).toContain('An adult will see this on Monday 30 November at 08:30.');
    expect(await latestOf(dara)).toBeUndefined();
  });
});

describe('the safeguarding team’s card', () => {
  const amirsRequest = async () => (await latestOf(amir))!;

  it('Acknowledge: the card says who; the pupil is told once; a second acknowledgement changes nothing', async () => {
    const { id } = await amirsRequest();
    now = '2026-11-24T10:05:00Z';
    const card = await tap(ruth, 'talk.acknowledge', { requestId: id });
    expect(words(card)).toContain(
      `Acknowledged by ${ruth.displayName}, Tuesday 24 November at 10:05.`,
    );
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['talk.note', 'talk.refer', 'talk.resolve']);
    const seen = await deliveriesOf(`talk:${id}:seen`);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ targetKey: amir.id, urgent: true });
    expect(words(seen[0]!.content)).toContain('An adult has seen this and will find you.');
    // The deputy (or a replayed tap) a minute later: Ruth's acknowledgement stands.
    now = '2026-11-24T10:06:00Z';
    const again = await tap(owen, 'talk.acknowledge', { requestId: id });
    expect(words(again)).toContain(
      `Acknowledged by ${ruth.displayName}, Tuesday 24 November at 10:05.`,
    );
    expect(await deliveriesOf(`talk:${id}:seen`)).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: ruth.id });
    const acks = (await app.services.audit.recent(tenantId, 100, id)).filter(
      (e) => e.action === 'talk.acknowledged',
    );
    expect(acks).toHaveLength(1);
    // The pupil's own card now says an adult has seen it.
    const mine = await tap(amir, 'talk.view', {});
    expect(words(mine)).toContain('An adult has seen this');
  });

  it('Add note: saved and shown; an empty or over-long note is refused on the card and nothing changes', async () => {
    const { id } = await amirsRequest();
    const saved = await tap(owen, 'talk.note', {
      requestId: id,
      talkNote: 'Spoke to Amir at break.',
    });
    expect(words(saved)).toContain('Spoke to Amir at break.');
    expect(words(saved)).toContain(owen.displayName);
    const before = await stored(id);
    for (const talkNote of ['', '   ', 'x'.repeat(1_001)]) {
      const refused = await tap(ruth, 'talk.note', { requestId: id, talkNote });
      expect(words(refused)).toContain(
        'Write a note of 1 to 1,000 characters. Nothing has changed.',
      );
    }
    expect(await stored(id)).toEqual(before);
  });

  it('a teacher or a pupil tapping a staff verb is told only the safeguarding team can see it; nothing changes', async () => {
    const { id } = await amirsRequest();
    const before = await stored(id);
    const auditBefore = await app.services.audit.recent(tenantId, 1_000);
    for (const who of [teacher, amir, femi, lead])
      for (const [verb, data] of [
        ['talk.staff.view', {}],
        ['talk.acknowledge', {}],
        ['talk.note', { talkNote: 'forged' }],
        ['talk.refer', { talkReferral: 'police' }],
        ['talk.resolve', {}],
      ] as const) {
        const card = await tap(who, verb, { requestId: id, ...data });
        expect(words(card), `${who.displayName} ${verb}`).toContain(
          'Only the safeguarding team can see this',
        );
        expect(words(card)).not.toContain(amir.displayName);
      }
    expect(await stored(id)).toEqual(before);
    expect(await app.services.audit.recent(tenantId, 1_000)).toEqual(auditBefore);
  });

  it.each([
    ['no request id', 'talk.acknowledge', {}],
    ['a 10 kB request id', 'talk.resolve', { requestId: 'x'.repeat(10_240) }],
    ['a request id that is not a string', 'talk.staff.view', { requestId: 42 }],
    ['an unknown request', 'talk.acknowledge', { requestId: '0000000000000-nothere' }],
    ['an unknown referral', 'talk.refer', { requestId: 'ID', talkReferral: 'witchfinder' }],
    ['a 10 kB note', 'talk.note', { requestId: 'ID', talkNote: 'x'.repeat(10_240) }],
    ['a note that is not text', 'talk.note', { requestId: 'ID', talkNote: 42 }],
  ])(
    'malformed data (%s) gets a friendly card, never an error; nothing changes',
    async (_n, verb, data) => {
      const { id } = await amirsRequest();
      const before = await stored(id);
      const card = await tap(ruth, verb, {
        ...data,
        ...('requestId' in data && data.requestId === 'ID' ? { requestId: id } : {}),
      });
      expect(words(card)).toContain('Nothing has changed');
      expect(await stored(id)).toEqual(before);
    },
  );

  it('Record referral before choosing who: the card says to choose, and nothing changes', async () => {
    const { id } = await amirsRequest();
    const before = await stored(id);
    for (const data of [{}, { talkReferral: '' }]) {
      const card = await tap(ruth, 'talk.refer', { requestId: id, ...data });
      expect(words(card)).toContain('Choose who it was referred on to. Nothing has changed.');
      // Still the DSL's card, with its actions: not an error card in place of it.
      expect(words(card)).toContain(amir.displayName);
      expect(actionsOf(card).map((a) => a.verb)).toContain('talk.refer');
    }
    expect(await stored(id)).toEqual(before);
  });

  it('Refer on, then the request is closed: further actions say so and change nothing', async () => {
    const { id } = await amirsRequest();
    now = '2026-11-24T11:00:00Z';
    const referred = await tap(owen, 'talk.refer', { requestId: id, talkReferral: 'camhs' });
    expect(words(referred)).toContain(
      `Referred on to CAMHS by ${owen.displayName}, Tuesday 24 November at 11:00.`,
    );
    expect(actionsOf(referred).map((a) => a.verb)).toEqual([]);
    const before = await stored(id);
    expect(before).toMatchObject({ status: 'referred', referredTo: 'camhs', closedBy: owen.id });
    for (const [verb, data] of [
      ['talk.acknowledge', {}],
      ['talk.note', { talkNote: 'Too late' }],
      ['talk.resolve', {}],
      ['talk.refer', { talkReferral: 'police' }],
    ] as const) {
      const card = await tap(ruth, verb, { requestId: id, ...data });
      expect(words(card), verb).toContain('This request is closed. Nothing has changed.');
    }
    expect(await stored(id)).toEqual(before);
    // Closed: the pupil can ask again, and that is a new request.
    const again = await tap(amir, 'talk.send', { source: 'chat' });
    expect(words(again)).toContain('A trusted adult will see this soon.');
    const newer = (await amirsRequest()).id;
    expect(newer).not.toBe(id);
  });

  it('Resolve: resolving a request nobody acknowledged acknowledges it too; the pupil is told', async () => {
    const { id } = await amirsRequest();
    now = '2026-11-24T12:00:00Z';
    const resolved = await tap(ruth, 'talk.resolve', { requestId: id });
    expect(words(resolved)).toContain(
      `Resolved by ${ruth.displayName}, Tuesday 24 November at 12:00.`,
    );
    expect(await stored(id)).toMatchObject({
      status: 'resolved',
      acknowledgedBy: ruth.id,
      closedBy: ruth.id,
    });
    expect(await deliveriesOf(`talk:${id}:seen`)).toHaveLength(1);
    const closed = await tap(owen, 'talk.resolve', { requestId: id });
    expect(words(closed)).toContain('This request is closed. Nothing has changed.');
  });
});

/** Posts a daily mood check-in as the teacher; returns its id. */
async function postCheckin(): Promise<{ checkinId: string }> {
  const before = new Set((await app.services.checkins.listOpen(tenantId)).map((c) => c.checkinId));
  const done = await tapInChannel(teacher, 'checkin.post', {
    templateId: 'daily-mood',
    phase: 'primary',
    channelId: demoSchool.team.generalChannelId,
  });
  expect(words(done)).toContain('Check-in on its way');
  const open = await app.services.checkins.listOpen(tenantId);
  const checkinId = open.find((c) => !before.has(c.checkinId))!.checkinId;
  expect(
    await app.services.deliveries.deliveriesOf(tenantId, checkinOccurrenceId(checkinId)),
  ).not.toEqual([]);
  return { checkinId };
}

let checkinId: string;

describe('in a check-in card', () => {
  beforeAll(async () => {
    now = tuesday;
    ({ checkinId } = await postCheckin());
  });

  it('a pupil’s own view has the talk button, never pressed; the teacher’s view has none', async () => {
    const mine = await tapInChannel(femi, 'checkin.view', { checkinId });
    expect(words(mine)).toContain('😞 Awful');
    const talk = actionsOf(mine).filter((a) => a.verb === 'talk.start');
    expect(talk).toEqual([
      expect.objectContaining({
        title: 'Talk to a trusted adult',
        data: { source: 'checkin', checkinId },
      }),
    ]);
    expect(words(mine)).not.toContain('Would you like to talk');
    const teachers = await tapInChannel(teacher, 'checkin.view', { checkinId });
    expect(actionsOf(teachers).map((a) => a.verb)).not.toContain('talk.start');
  });

  it('after 😞 the gentle question appears above the button; after 😐 only the button', async () => {
    const low = await tapInChannel(femi, 'checkin.answer', { checkinId, 'q.mood': '1' });
    expect(words(low)).toContain('You chose 😞 Awful.');
    expect(words(low)).toContain(
      'Would you like to talk to a trusted adult? You can if you want to.',
    );
    expect(actionsOf(low).map((a) => a.verb)).toContain('talk.start');
    const notGreat = await tapInChannel(femi, 'checkin.answer', { checkinId, 'q.mood': '2' });
    expect(words(notGreat)).toContain('Would you like to talk');
    const ok = await tapInChannel(femi, 'checkin.answer', { checkinId, 'q.mood': '3' });
    expect(words(ok)).not.toContain('Would you like to talk');
    expect(actionsOf(ok).map((a) => a.verb)).toContain('talk.start');
    // Nothing is sent because of an answer.
    expect(await latestOf(femi)).toBeUndefined();
  });

  it('Talk to a trusted adult opens the ask inside the check-in card; Not now goes back to it', async () => {
    await tapInChannel(dara, 'checkin.answer', { checkinId, 'q.mood': '1' });
    const ask = await tapInChannel(dara, 'talk.start', { source: 'checkin', checkinId });
    expect(words(ask)).toContain('You chose 😞 Awful.');
    expect(words(ask)).toContain('They will see your name and your class');
    expect(words(ask)).not.toMatch(secrecy);
    expect(actionsOf(ask).filter((a) => a.verb.startsWith('talk.'))).toEqual([
      expect.objectContaining({ verb: 'talk.send', data: { source: 'checkin', checkinId } }),
      expect.objectContaining({ verb: 'talk.notNow', data: { source: 'checkin', checkinId } }),
    ]);
    const back = await tapInChannel(dara, 'talk.notNow', { source: 'checkin', checkinId });
    expect(words(back)).toContain('You chose 😞 Awful.');
    expect(words(back)).not.toContain('They will see your name');
    expect(actionsOf(back).map((a) => a.verb)).toContain('talk.start');
    expect(await latestOf(dara)).toBeUndefined();
  });

  it('Ask to talk from the check-in card sends it; the stored request knows neither the check-in nor the answer', async () => {
    const sent = await tapInChannel(dara, 'talk.send', {
      source: 'checkin',
      checkinId,
      talkUrgency: '',
    });
    expect(words(sent)).toContain('You chose 😞 Awful.');
    expect(words(sent)).toContain('A trusted adult will see this soon.');
    expect(actionsOf(sent).map((a) => a.verb)).not.toContain('talk.send');
    const request = (await latestOf(dara))!;
    expect(request.source).toBe('checkin');
    const raw = words(await stored(request.id));
    expect(raw).not.toContain(checkinId);
    expect(raw).not.toMatch(/checkinId|mood|points|answer|Awful/i);
    expect(request.urgency).toBeUndefined();
    // The staff card says where it was asked from, and nothing about the answer.
    const [staff] = await deliveriesOf(`talk:${request.id}:0`);
    expect(words(staff!.content)).toContain('A check-in card');
    expect(words(staff!.content)).not.toMatch(/Awful|mood/i);
    // Refreshing the check-in card shows where the request stands.
    const view = await tapInChannel(dara, 'checkin.view', { checkinId });
    expect(words(view)).toContain('A trusted adult will see this soon.');
    await tap(ruth, 'talk.acknowledge', { requestId: request.id });
    const seen = await tapInChannel(dara, 'checkin.view', { checkinId });
    expect(words(seen)).toContain('An adult has seen this and will find you.');
  });
});

describe('when the school can no longer take requests', () => {
  it('a check-in card stops offering talk, and an old talk button says to tell an adult; nothing is sent', async () => {
    // The deputy stops being one: only the DSL is left.
    await app.services.schools.setRoles(tenantId, owen.id, []);
    try {
      const before = await requests();
      const view = await tapInChannel(elin, 'checkin.view', { checkinId });
      expect(words(view)).toContain('😞 Awful');
      expect(actionsOf(view).map((a) => a.verb)).not.toContain('talk.start');
      const answered = await tapInChannel(elin, 'checkin.answer', { checkinId, 'q.mood': '1' });
      expect(words(answered)).not.toContain('Would you like to talk');
      for (const [verb, data] of [
        ['talk.start', { source: 'checkin', checkinId }],
        ['talk.send', { source: 'checkin', checkinId }],
      ] as const) {
        const card = await tapInChannel(elin, verb, data);
        expect(words(card), verb).toContain('Please tell an adult at school');
        for (const line of helplines) expect(words(card), verb).toContain(line);
      }
      expect(await requests()).toEqual(before);
      expect(words(await type(elin, 'help'))).not.toContain('"title":"talk"');
    } finally {
      await app.services.schools.setRoles(tenantId, owen.id, ['deputy_dsl']);
    }
  });
});
