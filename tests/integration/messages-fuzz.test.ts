/**
 * Issue 20: /api/messages under property-based malformed activities (fast-check), in local mode
 * against the real app on Azurite with the demo school: Teams-shaped activities of every kind the
 * bot handles (messages, commands, installs, conversation updates, card actions) with fields
 * replaced by the wrong types, removed, made huge or filled with odd unicode; unknown types and
 * invoke names; card actions with any verb and any data; bodies that are not activities at all.
 * What must hold: no 5xx, every refusal (4xx) leaves storage exactly as it was, and the server
 * still answers a real activity at the end.
 *
 * `npm test` runs FUZZ_RUNS (default 60) activities; `npm run fuzz:messages` runs 2,000.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardVerbs } from '../../bot/card-actions.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { seedDemoSchool } from '../../server/demo/seed.js';
import type { AzureTableStore } from '../../server/storage/azure-table-store.js';
import {
  cardAction,
  channelMessage,
  person,
  personalInstall,
  personalMessage,
  teamInstall,
  teamUpdate,
} from '../support/activities.js';
import { startApp, type AppHarness } from '../support/app-harness.js';
import { schoolDay } from '../support/clock.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { tableSnapshot, type TableSnapshot } from '../support/table-snapshot.js';

const runs = Number(process.env.FUZZ_RUNS ?? 60);

let app: AppHarness;
let connector: FakeConnector;
let snapshot: TableSnapshot;

beforeAll(async () => {
  app = await startApp({ DEV_CLOCK_START: schoolDay.toISOString() });
  connector = await startFakeConnector();
  connector.channels = demoSchool.team.channels.map((c) => ({ id: c.id, name: c.name }));
  await seedDemoSchool(app.services, demoSchool, schoolDay, connector.url);
  snapshot = tableSnapshot((app.services.store as AzureTableStore).prefix);
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

type Activity = Record<string, unknown>;

/** Real activities of every kind the bot handles, from the demo school's people. */
const activities: ((url: string) => Activity)[] = [
  (url) => personalMessage(url, person('pupil'), 'help'),
  (url) => personalMessage(url, person('pupil'), 'talk'),
  (url) => personalMessage(url, person('teacher'), 'schedule'),
  (url) => channelMessage(url, person('teacher'), 'checkin'),
  (url) => channelMessage(url, person('pupil'), 'prompts'),
  (url) => teamInstall(url, person('teacher')),
  (url) => personalInstall(url, person('pupil')),
  (url) => teamUpdate(url, 'channelCreated', { channel: { id: '19:fz@thread.tacv2', name: 'Fz' } }),
  (url) => teamUpdate(url, 'teamRenamed', { teamName: 'Class 7B' }),
  (url) => teamUpdate(url, 'teamMemberAdded', { membersAdded: [person('pupil', 1)] }),
  (url) => teamUpdate(url, 'teamMemberRemoved', { membersRemoved: [person('pupil', 2)] }),
  (url) =>
    cardAction(url, person('pupil'), {
      action: { type: 'Action.Execute', verb: cardVerbs.showHelp, data: {} },
      trigger: 'manual',
    }),
];

/** Where a mutation lands: every field a handler reads, and some it should not care about. */
const paths = [
  'type',
  'channelId',
  'serviceUrl',
  'id',
  'timestamp',
  'localTimestamp',
  'locale',
  'text',
  'name',
  'action',
  'value',
  'value.action',
  'value.action.verb',
  'value.action.data',
  'value.action.data.checkinId',
  'value.trigger',
  'conversation',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'from',
  'from.id',
  'from.aadObjectId',
  'recipient',
  'recipient.id',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'channelData.team.id',
  'channelData.team.name',
  'channelData.channel',
  'channelData.channel.id',
  'channelData.channel.name',
  'channelData.eventType',
  'membersAdded',
  'membersAdded.0',
  'membersAdded.0.aadObjectId',
  'membersRemoved.0.id',
  'entities',
  'entities.0.mentioned',
  'deliveryMode',
  'replyToId',
  '__proto__',
  'constructor',
];

const oddText = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  '\u202Egpj.exe',
  '\u200B\u200D\uFEFF',
  '\uD800',
  '\uDC00x',
  '%00',
  '../../etc',
  '19:a/b#c?d\\e',
  '<at>Belong</at>',
  '[x](https://evil.example)',
  '{{DATE(2017-02-14T06:00:00Z)}}',
  '😀'.repeat(500),
  'x'.repeat(5_000),
  'expectReplies',
  'adaptiveCard/action',
  'conversationUpdate',
  'task/fetch',
);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  oddText,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...Object.values(cardVerbs)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), oddText), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 4,
  }),
);

/** Sets (or, with undefined, deletes) a dotted path, making the objects on the way. */
function mutate(activity: Activity, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = activity;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object') {
      const made: Record<string, unknown> = {};
      Object.defineProperty(at, key, {
        value: made,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      at = made;
    } else at = next as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else
    Object.defineProperty(at, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

type Case =
  | { kind: 'activity'; base: number; mutations: { path: string; value: unknown }[] }
  | { kind: 'cardAction'; verb: string; data: unknown; who: number }
  | { kind: 'invoke'; name: string }
  | { kind: 'raw'; body: string; contentType: string };

const cases: fc.Arbitrary<Case> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('activity' as const),
      base: fc.nat({ max: activities.length - 1 }),
      mutations: fc.array(
        fc.record({ path: fc.constantFrom(...paths), value: fc.option(junk, { nil: undefined }) }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('cardAction' as const),
      verb: fc.oneof(fc.constantFrom(...Object.values(cardVerbs)), oddText),
      data: fc.oneof(
        fc.dictionary(
          fc.constantFrom('checkinId', 'answer', 'requestId', 'scheduleId', 'teamId', 'note', 'x'),
          junk,
          { maxKeys: 4 },
        ),
        junk,
      ),
      who: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('invoke' as const),
      name: fc.oneof(oddText, fc.string({ maxLength: 40 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      body: fc.oneof(
        fc.constantFrom('', '[]', 'null', '"text"', '42', '{', '{"type":', '{}'),
        fc.json({ maxDepth: 3 }),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
      ),
    }),
  },
);

function build(c: Case): { body: string; contentType: string } {
  const url = connector.url;
  if (c.kind === 'raw') return c;
  let activity: Activity;
  if (c.kind === 'activity') {
    // A copy: the builders share objects (the demo tenant, team) that must not be mutated.
    activity = structuredClone(activities[c.base]!(url));
    for (const m of c.mutations) mutate(activity, m.path, m.value);
  } else if (c.kind === 'cardAction') {
    const who = (['pupil', 'teacher', 'dsl'] as const)[c.who]!;
    activity = cardAction(url, person(who), {
      action: { type: 'Action.Execute', verb: c.verb, data: c.data },
      trigger: 'manual',
    });
  } else {
    activity = { ...cardAction(url, person('pupil'), {}), name: c.name };
  }
  return { body: JSON.stringify(activity), contentType: 'application/json' };
}

async function send(request: { body: string; contentType: string }) {
  const res = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': request.contentType },
    body: request.body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, text: await res.text() };
}

const statuses: number[] = [];

describe('/api/messages under malformed activities', () => {
  it(`answers ${runs} of them without a 5xx, and a refusal changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const request = build(c);
        const before = await snapshot();
        const res = await send(request);
        statuses.push(res.status);
        expect(res.status, `${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(await snapshot()).toEqual(before);
          if (res.text) expect(() => JSON.parse(res.text) as unknown).not.toThrow();
        }
      }),
      { numRuns: runs, endOnFailure: true },
    );
    // The cases reach the bot's handlers as well as the checks in front of them.
    expect(statuses.some((s) => s === 200)).toBe(true);
    expect(statuses.some((s) => s === 400)).toBe(true);
  }, 600_000);

  it('still answers a real activity afterwards', async () => {
    const res = await send({
      body: JSON.stringify(personalMessage(connector.url, person('pupil'), 'help')),
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
  });
});
