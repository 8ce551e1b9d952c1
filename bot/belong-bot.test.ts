import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoSchool } from '../server/demo/demo-school.js';
import { startApp, type AppHarness } from '../tests/support/app-harness.js';
import { startFakeConnector, type FakeConnector } from '../tests/support/fake-connector.js';
import { cardSchemaErrors } from '../tests/support/card-schema.js';
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

let app: AppHarness;
let connector: FakeConnector;
const tenantId = demoSchool.tenantId;
const teamId = demoSchool.team.id;

beforeAll(async () => {
  app = await startApp();
  await app.services.schools.setRoles(tenantId, person('dsl').id, ['dsl']);
  connector = await startFakeConnector();
  connector.channels = [
    { id: teamId },
    { id: '19:class-7b-wellbeing@thread.tacv2', name: 'Wellbeing' },
  ];
});
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  connector.calls.length = 0;
});

type CardAttachment = { contentType: string; content: Record<string, unknown> };
const lastCard = () => {
  const sent = connector.sent();
  const activity = sent[sent.length - 1]!.activity as { attachments: CardAttachment[] };
  return activity.attachments[0]!;
};

describe('installation', () => {
  it('records the team, its channels (from the roster) and the service URL', async () => {
    const res = await postActivity(app.url, teamInstall(connector.url, person('teacher')));
    expect(res.status).toBe(200);
    const team = await app.services.teams.get(tenantId, teamId);
    expect(team).toMatchObject({
      name: 'Class 7B',
      serviceUrl: connector.url,
      aadGroupId: expect.any(String),
    });
    expect(team!.channels).toEqual([
      { id: teamId, name: 'General' },
      { id: '19:class-7b-wellbeing@thread.tacv2', name: 'Wellbeing' },
    ]);
    expect(team!.removedAt).toBeUndefined();
  });

  it('keeps channels, renames and member changes in step', async () => {
    await postActivity(app.url, teamInstall(connector.url, person('teacher')));
    await postActivity(
      app.url,
      teamUpdate(connector.url, 'channelCreated', {
        channel: { id: '19:clubs@thread.tacv2', name: 'Clubs' },
      }),
    );
    await postActivity(
      app.url,
      teamUpdate(connector.url, 'channelRenamed', {
        channel: { id: '19:clubs@thread.tacv2', name: 'After-school clubs' },
      }),
    );
    let team = await app.services.teams.get(tenantId, teamId);
    expect(team!.channels.map((c) => c.name)).toEqual([
      'General',
      'Wellbeing',
      'After-school clubs',
    ]);
    await postActivity(
      app.url,
      teamUpdate(connector.url, 'channelDeleted', {
        channel: { id: '19:clubs@thread.tacv2', name: 'After-school clubs' },
      }),
    );
    await postActivity(
      app.url,
      teamUpdate(connector.url, 'teamRenamed', { teamName: 'Class 7B (2026)' }),
    );
    team = await app.services.teams.get(tenantId, teamId);
    expect(team!.channels.map((c) => c.name)).toEqual(['General', 'Wellbeing']);
    expect(team!.name).toBe('Class 7B (2026)');

    await postActivity(
      app.url,
      teamUpdate(connector.url, 'teamMemberAdded', {
        membersAdded: [person('pupil', 0), person('pupil', 1)],
      }),
    );
    await postActivity(
      app.url,
      teamUpdate(connector.url, 'teamMemberRemoved', { membersRemoved: [person('pupil', 0)] }),
    );
    const members = await app.services.teams.listMembers(tenantId, teamId);
    expect(members.map((m) => m.userId)).toEqual([person('pupil', 1).id]);
    expect(await app.services.teams.teamIdsOf(tenantId, person('pupil', 0).id)).toEqual([]);
    expect(JSON.stringify(members)).not.toContain(person('pupil', 1).displayName);
    await postActivity(app.url, teamUpdate(connector.url, 'teamRenamed', { teamName: 'Class 7B' }));
  });

  it('records uninstall and re-install', async () => {
    await postActivity(app.url, teamInstall(connector.url, person('teacher'), 'remove'));
    expect((await app.services.teams.get(tenantId, teamId))!.removedAt).toBeTruthy();
    expect(await app.services.teams.listInstalled(tenantId)).toEqual([]);
    await postActivity(app.url, teamInstall(connector.url, person('teacher')));
    expect((await app.services.teams.listInstalled(tenantId)).map((t) => t.name)).toEqual([
      'Class 7B',
    ]);
  });

  it('a personal install (no team) is recorded as a personal conversation and does not crash', async () => {
    const res = await postActivity(app.url, personalInstall(connector.url, person('pupil')));
    expect(res.status).toBe(200);
    const conv = await app.services.teams.personalConversation(tenantId, person('pupil').id);
    expect(conv).toMatchObject({
      conversationId: `a:personal-${person('pupil').id}`,
      serviceUrl: connector.url,
    });
  });
});

describe('help', () => {
  it('@Belong help in the channel answers the teacher with a teacher help card, as a reply', async () => {
    await postActivity(app.url, teamInstall(connector.url, person('teacher')));
    connector.calls.length = 0;
    const res = await postActivity(
      app.url,
      channelMessage(connector.url, person('teacher'), 'help'),
    );
    expect(res.status).toBe(200);
    const card = lastCard();
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardSchemaErrors(card.content)).toEqual([]);
    expect(JSON.stringify(card.content)).toContain('never who said what');
  });

  it('a pupil in the channel gets the pupil help card', async () => {
    await postActivity(app.url, channelMessage(connector.url, person('pupil'), 'help'));
    const text = JSON.stringify(lastCard().content);
    expect(text).toContain('I help your class feel like a team');
    expect(text).not.toContain('never who said what');
  });

  it('help in personal chat speaks to the DSL about safeguarding, in Welsh when the client is Welsh', async () => {
    await postActivity(app.url, personalMessage(connector.url, person('dsl'), 'help'));
    expect(JSON.stringify(lastCard().content)).toContain('pupil’s name');
    await postActivity(app.url, personalMessage(connector.url, person('pupil'), 'HELP', 'cy-GB'));
    expect(JSON.stringify(lastCard().content)).toContain('Helo, Perthyn ydw i');
  });

  it('an unknown command gets a friendly card that lists what you can type', async () => {
    await postActivity(app.url, personalMessage(connector.url, person('pupil'), 'dance please'));
    const text = JSON.stringify(lastCard().content);
    expect(text).toContain('I don’t understand “dance”');
    expect(text).toContain('"title":"help"');
  });
});

describe('card actions', () => {
  const invoke = async (value: unknown) => {
    const res = await postActivity(app.url, cardAction(connector.url, person('pupil'), value));
    return res as {
      status: number;
      body: { statusCode: number; type: string; value: Record<string, unknown> };
    };
  };

  it('a known verb answers with a card', async () => {
    const res = await invoke({ action: { type: 'Action.Execute', verb: 'help.show' } });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.body.value)).toContain('Hello, I’m Belong');
  });

  it.each([
    ['an unknown verb', { action: { type: 'Action.Execute', verb: 'pizza.order' } }],
    ['no action', {}],
    ['a non-object value', 'hello'],
    ['the wrong action type', { action: { type: 'Action.Submit', verb: 'help.show' } }],
    [
      'data that is not an object',
      { action: { type: 'Action.Execute', verb: 'help.show', data: [1, 2] } },
    ],
  ])('%s gets a friendly card, not an error', async (_name, value) => {
    const res = await invoke(value);
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    expect(JSON.stringify(res.body.value)).toContain('Nothing has changed');
    expect(cardSchemaErrors(res.body.value)).toEqual([]);
  });
});

describe('malformed activities', () => {
  it.each([
    ['not JSON', '{"type":', 400],
    ['an array', '[]', 400],
    [
      'no conversation',
      JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'http://x',
        from: { id: '1' },
        channelData: { tenant: { id: 't' } },
      }),
      400,
    ],
    [
      'no tenant',
      JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'http://x',
        from: { id: '1' },
        conversation: { id: 'c' },
      }),
      400,
    ],
    [
      'another channel than Teams',
      JSON.stringify({
        type: 'message',
        channelId: 'webchat',
        serviceUrl: 'http://x',
        from: { id: '1' },
        conversation: { id: 'c' },
      }),
      400,
    ],
    [
      'a bad service URL',
      JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'file:///etc/passwd',
        from: { id: '1' },
        conversation: { id: 'c', tenantId: 't' },
      }),
      400,
    ],
  ])('%s gets %#: a clear 4xx and nothing is sent or written', async (_name, body, status) => {
    const before = await app.services.teams.listInstalled(tenantId);
    const res = await postActivity(app.url, body);
    expect(res.status).toBe(status);
    expect((res.body as { error: { message: string } }).error.message).toBeTruthy();
    expect(connector.calls).toEqual([]);
    expect(await app.services.teams.listInstalled(tenantId)).toEqual(before);
  });

  it('a wrong content type gets 415, an oversized body 413, and GET 405', async () => {
    expect((await postActivity(app.url, 'type=message', 'text/plain')).status).toBe(415);
    const big = channelMessage(connector.url, person('pupil'), 'x'.repeat(300_000));
    expect((await postActivity(app.url, big)).status).toBe(413);
    expect((await fetch(`${app.url}/api/messages`)).status).toBe(405);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});
