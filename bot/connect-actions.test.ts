/**
 * Connect through the bot, end to end at the HTTP edge: real server, real Azurite, a recording
 * connector, and a clock the test sets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PersonaKind } from '../core/api.js';
import { promptLibrary } from '../core/content/content.js';
import type { Clock } from '../core/ports/directory.js';
import { demoSchool } from '../server/demo/demo-school.js';
import {
  cardAction,
  channelMessage,
  person,
  personalMessage,
  postActivity,
  teamInstall,
} from '../tests/support/activities.js';
import { startApp, type AppHarness } from '../tests/support/app-harness.js';
import { cardSchemaErrors } from '../tests/support/card-schema.js';
import { startFakeConnector, type FakeConnector } from '../tests/support/fake-connector.js';

let app: AppHarness;
let connector: FakeConnector;
let now = '2026-11-24T12:00:00Z';
const clock: Clock = { now: () => new Date(now) };
const tenantId = demoSchool.tenantId;
const teamId = demoSchool.team.id;
const general = demoSchool.team.generalChannelId;
const promptId = promptLibrary()[0]!.id;

beforeAll(async () => {
  app = await startApp({}, { clock });
  connector = await startFakeConnector();
  connector.channels = [
    { id: teamId },
    { id: '19:class-7b-wellbeing@thread.tacv2', name: 'Wellbeing' },
  ];
  await postActivity(app.url, teamInstall(connector.url, person('teacher')));
});
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  now = '2026-11-24T12:00:00Z';
  connector.calls.length = 0;
});

type Card = Record<string, unknown>;
const say = async (kind: PersonaKind, text: string): Promise<Card> => {
  await postActivity(app.url, channelMessage(connector.url, person(kind), text));
  const sent = connector.sent();
  const activity = sent[sent.length - 1]!.activity as { attachments: { content: Card }[] };
  const card = activity.attachments[0]!.content;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
};
const press = async (
  kind: PersonaKind,
  verb: string,
  data: Record<string, unknown>,
): Promise<Card> => {
  const res = (await postActivity(
    app.url,
    cardAction(connector.url, person(kind), { action: { type: 'Action.Execute', verb, data } }),
  )) as { status: number; body: { value: Card } };
  expect(res.status).toBe(200);
  expect(cardSchemaErrors(res.body.value)).toEqual([]);
  return res.body.value;
};
const words = (card: Card) => JSON.stringify(card);
const stored = () => app.services.schedules.listForTeam(tenantId, teamId);
const weekly = {
  promptId,
  channelId: general,
  repeat: 'weekly',
  date: '2026-11-25',
  weekdays: '1,3',
  time: '08:50',
};

describe('teacher commands in a class channel', () => {
  it('prompts: browse by theme and key stage', async () => {
    expect(words(await say('teacher', 'prompts'))).toContain('Connection prompts');
    const kindness = await press('teacher', 'prompts.browse', {
      theme: 'kindness',
      keyStage: 'KS1',
    });
    expect(words(kindness)).toContain('Kindness · ');
    expect(words(kindness)).not.toContain('Trust · ');
  });

  it('schedule: the form, then a weekly prompt is stored and confirmed with its first post', async () => {
    expect(words(await say('teacher', 'schedule'))).toContain('Schedule a post');
    const before = (await stored()).length;
    const done = await press('teacher', 'schedule.create', weekly);
    expect(words(done)).toContain('Scheduled');
    expect(words(done)).toContain('Wednesday 25 November at 08:50');
    const after = await stored();
    expect(after.length).toBe(before + 1);
    expect(after.find((s) => s.repeat.kind === 'weekly')).toMatchObject({
      channelId: general,
      time: '08:50',
      repeat: { kind: 'weekly', weekdays: [1, 3], start: '2026-11-25' },
      createdBy: person('teacher').id,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an end before the start',
      { ...weekly, end: '2026-11-20' },
      'The end date is before the start date.',
    ],
    [
      'a past date',
      { ...weekly, repeat: 'once', date: '2026-11-23' },
      'That time has already passed.',
    ],
    [
      'a channel from elsewhere',
      { ...weekly, channelId: '19:other@thread.tacv2' },
      'That channel is not in this class team.',
    ],
    ['an absurd repeat', { ...weekly, end: '2030-01-01' }, 'A repeat can run for a year at most.'],
    ['a time at night', { ...weekly, time: '03:00' }, 'Posts go out between 06:00 and 21:00'],
    ['no weekdays', { ...weekly, weekdays: '' }, 'Choose at least one weekday.'],
  ])(
    'schedule with %s: the form comes back saying why, and nothing is stored',
    async (_n, data, message) => {
      const before = (await stored()).length;
      const card = await press('teacher', 'schedule.create', data);
      expect(words(card)).toContain('Please change this and try again');
      expect(words(card)).toContain(message);
      expect((await stored()).length).toBe(before);
    },
  );

  it('malformed card data gets a friendly card and changes nothing', async () => {
    const before = (await stored()).length;
    for (const data of [
      { ...weekly, repeat: 'hourly' },
      { ...weekly, promptId: 7 },
      { scheduleId: 3 },
    ]) {
      const verb = 'scheduleId' in data ? 'schedule.cancel' : 'schedule.create';
      expect(words(await press('teacher', verb, data))).toContain('Nothing has changed');
    }
    expect((await stored()).length).toBe(before);
  });

  it('schedules: lists what is planned, and Cancel stops it', async () => {
    await press('teacher', 'schedule.create', { ...weekly, date: '2026-11-30', weekdays: '2' });
    const list = await say('teacher', 'schedules');
    expect(words(list)).toContain('Posts planned for this class');
    const active = (await stored()).filter((s) => s.status === 'active');
    const target = active[0]!;
    const after = await press('teacher', 'schedule.cancel', { scheduleId: target.id });
    expect(words(after)).toContain('Cancelled');
    expect((await stored()).find((s) => s.id === target.id)!.status).toBe('cancelled');
  });

  it('post now: the prompt goes to the outbox as a new thread in the channel', async () => {
    const card = await press('teacher', 'prompts.post', { promptId, channelId: general });
    expect(words(card)).toContain('Posting it in General now');
    const occurrences = await app.services.deliveries.activeOccurrenceIds(tenantId);
    const posted = occurrences.filter((id) => id.startsWith('now:'));
    expect(posted.length).toBeGreaterThan(0);
    const [delivery] = await app.services.deliveries.deliveriesOf(tenantId, posted[0]!);
    expect(delivery!.value.target).toMatchObject({ kind: 'channel', channelId: general });
    expect(words(delivery!.value.content)).toContain(promptLibrary()[0]!.text['en-GB']);
  });

  it('cmhw in November 2026: 2027 on its likely dates, theme to be announced, with the school’s own theme', async () => {
    const card = words(await say('teacher', 'cmhw'));
    expect(card).toContain('Children’s Mental Health Week 2027: theme to be announced');
    expect(card).toContain('Place2Be has not published 2027 yet');
    expect(card).toContain('Monday 1 February');
    const done = await press('teacher', 'cmhw.schedule', {
      year: 2027,
      channelId: general,
      time: '09:00',
      phase: 'secondary',
      theme: 'Together *we* grow',
    });
    expect(words(done)).toContain('Monday 1 February at 09:00');
    const planned = (await stored()).find(
      (s) => s.content.kind === 'cmhw' && s.content.year === 2027,
    );
    expect(planned?.content).toEqual({
      kind: 'cmhw',
      year: 2027,
      phase: 'secondary',
      theme: 'Together *we* grow',
    });
    // The list shows the school's theme as text, never as Markdown.
    const list = words(await say('teacher', 'schedules'));
    expect(list).toContain('Together \\\\*we\\\\* grow');
    await app.services.schedules.cancel(tenantId, planned!.id, person('teacher').id, new Date(now));
  });

  it('cmhw: runs the week in this class when it is coming', async () => {
    now = '2026-01-20T12:00:00Z';
    const card = await say('teacher', 'cmhw');
    expect(words(card)).toContain('This is My Place');
    const done = await press('teacher', 'cmhw.schedule', {
      year: 2026,
      channelId: general,
      time: '09:00',
      phase: 'primary',
    });
    expect(words(done)).toContain('Monday 9 February at 09:00');
    // The same week twice would post every day twice: refused, saying why.
    const again = await press('teacher', 'cmhw.schedule', {
      year: 2026,
      channelId: general,
      time: '10:00',
      phase: 'primary',
    });
    expect(words(again)).toContain('already has that Children’s Mental Health Week planned');
  });
});

describe('what the cards propose (issue 18.6)', () => {
  type Input = { id?: string; value?: string };
  const inputs = (card: Card) =>
    new Map(
      ((card.body as Input[]) ?? []).filter((e) => e.id).map((e) => [e.id!, e.value] as const),
    );

  it.each([
    // Tuesday noon: 08:50 has gone, so Wednesday.
    ['after the usual time on a school day', '2026-11-24T12:00:00Z', '2026-11-25'],
    // Tuesday 07:00: still ahead today.
    ['before it', '2026-11-24T07:00:00Z', '2026-11-24'],
    // Friday afternoon: Monday.
    ['on a Friday afternoon', '2026-11-27T15:00:00Z', '2026-11-30'],
  ])('schedule %s proposes the next school day at the school’s usual time', async (_, at, date) => {
    now = at;
    const form = inputs(await say('teacher', 'schedule'));
    expect(form.get('date')).toBe(date);
    // The school's schedules so far post at 08:50 (most of them).
    expect(form.get('time')).toBe('08:50');
  });

  it('prompts opens at the key stage of the class’s year group', async () => {
    const settings = await app.services.checkinSettings.get(tenantId);
    await app.services.checkinSettings.put(tenantId, {
      ...settings,
      yearGroups: { ...settings.yearGroups, [teamId]: '7' },
    });
    try {
      const card = await say('teacher', 'prompts');
      expect(inputs(card).get('keyStage')).toBe('KS3');
      expect(words(card)).toContain(' · KS3');
    } finally {
      await app.services.checkinSettings.put(tenantId, settings);
    }
  });
});

describe('who may plan posts', () => {
  it.each<PersonaKind>(['dsl', 'coordinator', 'deputy_dsl'])(
    'the %s typing schedule or checkin is told who does it, in words for staff',
    async (kind) => {
      for (const command of ['schedule', 'prompts', 'checkin']) {
        const card = words(await say(kind, command));
        expect(card).toContain('This is for the class’s teachers');
        expect(card).toContain('the wellbeing lead and the school’s admin');
        expect(card).not.toContain('your teacher');
      }
    },
  );

  it('a pupil typing checkin is told their teacher posts check-ins, and that they can answer or skip', async () => {
    const card = words(await say('pupil', 'checkin'));
    expect(card).toContain('Only your teacher can post a check-in');
    expect(card).not.toContain('school’s admin');
  });

  it.each<PersonaKind>(['pupil', 'ambassador'])(
    'a %s typing schedule is refused politely, and pressing does nothing',
    async (kind) => {
      expect(words(await say(kind, 'schedule'))).toContain('This is for teachers');
      const before = (await stored()).length;
      expect(words(await press(kind, 'schedule.create', weekly))).toContain('This is for teachers');
      expect(words(await press(kind, 'prompts.post', { promptId }))).toContain(
        'This is for teachers',
      );
      expect((await stored()).length).toBe(before);
    },
  );

  it('in a personal chat the commands ask for a class team', async () => {
    await postActivity(app.url, personalMessage(connector.url, person('teacher'), 'schedules'));
    const sent = connector.sent();
    const activity = sent[sent.length - 1]!.activity as { attachments: { content: Card }[] };
    expect(words(activity.attachments[0]!.content)).toContain('Please use this in a class team');
  });
});
