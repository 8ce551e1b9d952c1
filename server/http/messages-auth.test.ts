/**
 * /api/messages in production (decision 023): the Bot Framework token is checked first, with
 * botbuilder's own validator against a fake Bot Framework key service. Forged tokens of every kind
 * get the same short 401 (never botbuilder's 500), a request without a valid token learns nothing
 * about its body or its tenant, and nothing is stored for a refused activity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../core/ports/directory.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';
import {
  productionBot,
  productionBotEnv,
  startFakeBotFramework,
  type FakeBotFramework,
} from '../../tests/support/fake-bot-framework.js';

const { tenant, botId, serviceUrl } = productionBot;
const otherTenant = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

let bf: FakeBotFramework;
let app: AppHarness;
const directory: Directory = { roleInTeam: async () => undefined, findPeople: async () => [] };

beforeAll(async () => {
  bf = await startFakeBotFramework();
  app = await startApp(productionBotEnv(bf), { directory });
});
afterAll(async () => {
  await app?.stop();
  await bf?.close();
});

let n = 0;
/** A team install from `tenantId`, as Teams sends it. */
const install = (tenantId = tenant) => {
  const teamId = `19:prod-${++n}@thread.tacv2`;
  return {
    teamId,
    tenantId,
    activity: {
      type: 'installationUpdate',
      action: 'add',
      id: `act-${n}`,
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: teamId, tenantId, conversationType: 'channel' },
      from: { id: '29:someone', aadObjectId: 'a1a1a1a1-0000-4000-8000-000000000001' },
      recipient: { id: `28:${botId}` },
      channelData: { tenant: { id: tenantId }, team: { id: teamId, name: 'Class 9C' } },
    },
  };
};

const post = (body: unknown, authorization?: string, raw = false) =>
  fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined ? { authorization } : {}),
    },
    body: raw ? (body as string) : JSON.stringify(body),
  });

const channelToken = (over: Record<string, unknown> = {}, options = {}) =>
  bf.sign({ aud: botId, serviceurl: serviceUrl, ...over }, options);

const refused = { error: { code: 'unauthenticated', message: 'Not authorized' } };

async function expectNothingStored(tenantId: string, teamId: string) {
  expect(await app.services.teams.get(tenantId, teamId)).toBeUndefined();
}

describe('a genuine Bot Framework token', () => {
  it('lets a served tenant’s install through, and it is stored', async () => {
    const { activity, teamId } = install();
    const res = await post(activity, `Bearer ${await channelToken()}`);
    expect(res.status).toBe(200);
    expect(await app.services.teams.get(tenant, teamId)).toMatchObject({ name: 'Class 9C' });
  });
});

describe('forged or missing tokens', () => {
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['an empty header', async () => ''],
    ['a Basic header', async () => 'Basic dXNlcjpwYXNz'],
    ['a bearer of garbage', async () => 'Bearer not.a.jwt'],
    ['a bearer of nothing', async () => 'Bearer '],
    ['a bearer of a huge string', async () => `Bearer ${'A'.repeat(6000)}`],
    [
      'a bad signature (an unknown key, same kid)',
      async () => `Bearer ${await channelToken({}, { key: 'untrusted' })}`,
    ],
    [
      'a key id the Bot Framework never published',
      async () => `Bearer ${await channelToken({}, { kid: 'someone-elses-key' })}`,
    ],
    [
      'another issuer',
      async () => `Bearer ${await channelToken({}, { issuer: 'https://evil.example' })}`,
    ],
    [
      'an emulator issuer, signed by someone else',
      async () =>
        `Bearer ${await channelToken(
          { ver: '1.0', appid: botId },
          {
            key: 'untrusted',
            issuer: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
          },
        )}`,
    ],
    [
      'another bot’s audience',
      async () => `Bearer ${await channelToken({ aud: '11111111-2222-4333-8444-555555555555' })}`,
    ],
    [
      'an expired token',
      async () => `Bearer ${await channelToken({}, { expiresInSeconds: -900 })}`,
    ],
    [
      'another service URL',
      async () => `Bearer ${await channelToken({ serviceurl: 'https://evil.example/' })}`,
    ],
    [
      'an unsigned token (alg none)',
      async () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({
          iss: 'https://api.botframework.com',
          aud: botId,
          serviceurl: serviceUrl,
          exp: 4_102_444_800,
        })}.`;
      },
    ],
  ];

  it.each(cases)('%s: 401, the same short body, nothing stored', async (_name, make) => {
    const { activity, teamId } = install();
    const res = await post(activity, await make());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(refused);
    await expectNothingStored(tenant, teamId);
  });
});

describe('before the token is checked, nothing is told', () => {
  it('a served and an unserved tenant get the same 401', async () => {
    const served = await post(install(tenant).activity);
    const unserved = await post(install(otherTenant).activity);
    expect([served.status, unserved.status]).toEqual([401, 401]);
    expect(await unserved.json()).toEqual(await served.json());
  });

  it.each([
    ['a malformed activity', { type: 'message' }, false],
    ['a body that is not JSON', '{"type": ', true],
    ['an empty object', {}, false],
  ])('%s without a token gets 401, not a 400 that describes it', async (_n, body, raw) => {
    const res = await post(body, undefined, raw);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(refused);
  });
});

describe('after the token is checked', () => {
  it('an unserved tenant gets a short 403 and nothing of theirs is stored', async () => {
    const { activity, teamId } = install(otherTenant);
    const res = await post(activity, `Bearer ${await channelToken()}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'Forbidden' } });
    await expectNothingStored(otherTenant, teamId);
  });

  it('a malformed activity gets a 400 that says what is wrong, and nothing is stored', async () => {
    const { activity, teamId } = install();
    const res = await post(
      { ...activity, channelData: { ...activity.channelData, team: { id: teamId, name: {} } } },
      `Bearer ${await channelToken()}`,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/channelData\.team\.name/);
    await expectNothingStored(tenant, teamId);
  });
});
