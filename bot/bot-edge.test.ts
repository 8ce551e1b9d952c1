/**
 * The bot's hard edges (decision 023), through HTTP against the real app on Azurite: conversation
 * updates with the wrong types are refused before anything is stored, invokes Belong does not
 * handle get a clear 400 (not botbuilder's 501), and logs hold only known activity values.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../core/ports/logger.js';
import { demoSchool } from '../server/demo/demo-school.js';
import { startApp, type AppHarness } from '../tests/support/app-harness.js';
import { startFakeConnector, type FakeConnector } from '../tests/support/fake-connector.js';
import {
  cardAction,
  person,
  postActivity,
  teamInstall,
  teamUpdate,
} from '../tests/support/activities.js';

const tenantId = demoSchool.tenantId;
const teamId = demoSchool.team.id;
const logged: { level: string; event: string; fields: LogFields }[] = [];
const recordingLog: Logger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [
    level,
    (event: string, fields: LogFields = {}) => logged.push({ level, event, fields }),
  ]),
) as unknown as Logger;

let app: AppHarness;
let connector: FakeConnector;

beforeAll(async () => {
  app = await startApp({}, { log: recordingLog });
  connector = await startFakeConnector();
  connector.channels = [{ id: teamId }];
  expect((await postActivity(app.url, teamInstall(connector.url, person('teacher')))).status).toBe(
    200,
  );
});
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  logged.length = 0;
});

const stored = async () => ({
  team: await app.services.teams.get(tenantId, teamId),
  members: await app.services.teams.listMembers(tenantId, teamId),
});

describe('conversation updates with the wrong types', () => {
  const update = (eventType: string, channelData: Record<string, unknown>, extra = {}) => {
    const activity = teamUpdate(connector.url, eventType, {});
    return {
      ...activity,
      channelData: { ...activity.channelData, ...channelData },
      ...extra,
    };
  };
  const pupil = person('pupil');

  it.each([
    [
      'teamRenamed with the name as an object',
      () => update('teamRenamed', { team: { id: teamId, name: { a: 1 } } }),
    ],
    [
      'channelCreated with a numeric channel id',
      () => update('channelCreated', { channel: { id: 42, name: 'Clubs' } }),
    ],
    [
      'channelCreated with an object as its name',
      () => update('channelCreated', { channel: { id: '19:c@thread.tacv2', name: ['x'] } }),
    ],
    [
      'membersAdded with aadObjectId __proto__',
      () =>
        update(
          'teamMemberAdded',
          {},
          { membersAdded: [{ id: pupil.teamsId, aadObjectId: '__proto__' }] },
        ),
    ],
    [
      'membersAdded with a numeric aadObjectId',
      () =>
        update('teamMemberAdded', {}, { membersAdded: [{ id: pupil.teamsId, aadObjectId: 7 }] }),
    ],
    [
      'membersAdded that is not a list',
      () => update('teamMemberAdded', {}, { membersAdded: { id: pupil.teamsId } }),
    ],
    [
      'membersRemoved with a member without an id',
      () => update('teamMemberRemoved', {}, { membersRemoved: [{ aadObjectId: pupil.id }] }),
    ],
    [
      'a team id with a lone surrogate',
      () => update('teamRenamed', { team: { id: '19:\ud800@thread', name: 'X' } }),
    ],
    [
      'a channel id with a slash (not allowed in a storage key)',
      () => update('channelCreated', { channel: { id: '19:a/b', name: 'X' } }),
    ],
    [
      'a team name with control characters',
      () => update('teamRenamed', { team: { id: teamId, name: 'Class\u0000 7B' } }),
    ],
  ])('%s: 400, nothing stored', async (_name, activity) => {
    const before = await stored();
    const res = await postActivity(app.url, activity());
    expect(res.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('a well-formed one is still stored (the schemas are not too strict)', async () => {
    const res = await postActivity(
      app.url,
      teamUpdate(connector.url, 'teamMemberAdded', { membersAdded: [person('pupil', 2)] }),
    );
    expect(res.status).toBe(200);
    expect((await stored()).members.map((m) => m.userId)).toContain(person('pupil', 2).id);
  });
});

describe('invokes Belong does not handle', () => {
  it.each(['composeExtension/query', 'task/fetch', 'signin/verifyState', 'no/such/thing'])(
    '%s gets a 400 that says so, in the invoke error shape',
    async (name) => {
      const res = await postActivity(app.url, {
        ...cardAction(connector.url, person('pupil'), {}),
        name,
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'NotSupported', message: expect.any(String) },
      });
    },
  );

  it('an invoke without a name is refused as malformed', async () => {
    const { name: _name, ...nameless } = cardAction(connector.url, person('pupil'), {});
    expect((await postActivity(app.url, nameless)).status).toBe(400);
  });
});

describe('logs hold only known activity values', () => {
  it('an unknown event type is logged as `other`, a known one as itself', async () => {
    await postActivity(app.url, teamUpdate(connector.url, 'x<script>pupil-name', {}));
    await postActivity(app.url, teamUpdate(connector.url, 'channelDeleted', {}));
    const types = logged
      .filter((l) => l.event === 'bot.conversationUpdate')
      .map((l) => l.fields.activityType);
    expect(types).toEqual(['other', 'channelDeleted']);
    expect(JSON.stringify(logged)).not.toContain('pupil-name');
  });
});
