/**
 * Production mode end to end through HTTP: Entra ID tokens checked against a (fake) JWKS, Bot
 * Framework JWTs required on /api/messages, no dev sign-in routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../core/api.js';
import type { Directory } from '../../core/ports/directory.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';
import { startFakeEntra, type FakeEntra } from '../../tests/support/fake-entra.js';

const tenant = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const otherTenant = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const clientId = 'b7d1f9a2-5c3e-4d8f-9a1b-2c3d4e5f6a7b';
const teacherId = 'a1a1a1a1-0000-4000-8000-000000000001';
const adminId = 'a1a1a1a1-0000-4000-8000-000000000002';
// Microsoft's Teams clients (web; desktop and mobile), the only ones pre-authorised for Belong.
const teamsWeb = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const teamsDesktop = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const outlookDesktop = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';

let entra: FakeEntra;
let app: AppHarness;
const directory: Directory = { roleInTeam: async () => undefined, findPeople: async () => [] };

beforeAll(async () => {
  entra = await startFakeEntra();
  app = await startApp(
    {
      BELONG_MODE: 'production',
      PUBLIC_URL: 'https://belong.example.org',
      BOT_ID: '0d8e3f3c-1111-4222-8333-444455556666',
      BOT_PASSWORD: 'not-a-real-secret',
      AAD_APP_CLIENT_ID: clientId,
      ALLOWED_TENANT_IDS: tenant,
      ENTRA_JWKS_URI: entra.jwksUri,
      PSEUDONYM_SECRET: 'x'.repeat(40),
      GRAPH_CLIENT_SECRET: 'not-a-real-secret',
    },
    { directory },
  );
  await app.services.schools.setRoles(tenant, adminId, ['admin']);
});
afterAll(async () => {
  await app.stop();
  await entra.close();
});

const claims = (over: Record<string, unknown> = {}) => ({
  iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
  aud: clientId,
  tid: tenant,
  oid: teacherId,
  name: 'Ms Example',
  scp: 'access_as_user',
  azp: teamsWeb,
  ...over,
});
const me = (token?: string) =>
  fetch(`${app.url}/api/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('production tab tokens', () => {
  it('accepts a valid Entra token (v2 issuer, client id audience) and a v1 token (api:// audience)', async () => {
    expect((await me(await entra.sign(claims()))).status).toBe(200);
    const v1 = await entra.sign(
      claims({
        iss: `https://sts.windows.net/${tenant}/`,
        aud: `api://belong.example.org/${clientId}`,
        azp: undefined,
        appid: teamsDesktop,
      }),
    );
    expect((await me(v1)).status).toBe(200);
  });

  it('accepts access_as_user among other scopes, and a member whose idp is their own tenant', async () => {
    const token = await entra.sign(
      claims({
        scp: 'User.Read access_as_user',
        idp: `https://sts.windows.net/${tenant}/`,
      }),
    );
    expect((await me(token)).status).toBe(200);
  });

  it.each([
    ['no scope for Belong', { scp: 'User.Read' }],
    ['a scope that only contains the name', { scp: 'not_access_as_user' }],
    ['no calling client', { azp: undefined }],
    ['a client that is not Teams (v2 azp)', { azp: outlookDesktop }],
    ['a client that is not Teams (v1 appid)', { azp: undefined, appid: outlookDesktop }],
  ])('refuses a token with %s (401, no problem code to show)', async (_name, over) => {
    const res = await me(await entra.sign(claims(over)));
    expect(res.status).toBe(401);
    expect(((await res.json()) as ApiError).error.problems).toBeUndefined();
  });

  it('says why for a tenant it does not serve and for a guest account, so the tab can tell them', async () => {
    const elsewhere = await me(
      await entra.sign(
        claims({ tid: otherTenant, iss: `https://login.microsoftonline.com/${otherTenant}/v2.0` }),
      ),
    );
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as ApiError).error.problems).toEqual(['tenantNotServed']);
    for (const guest of [
      { idp: `https://sts.windows.net/${otherTenant}/` },
      { idp: 'live.com' },
      { acct: 1 },
    ]) {
      const res = await me(await entra.sign(claims(guest)));
      expect(res.status, JSON.stringify(guest)).toBe(401);
      expect(((await res.json()) as ApiError).error.problems).toEqual(['guestAccount']);
    }
  });

  it.each([
    ['missing', async () => undefined],
    ['expired', async () => entra.sign(claims(), { expiresInSeconds: -600 })],
    ['wrong audience', async () => entra.sign(claims({ aud: 'api://someone-else' }))],
    [
      'wrong tenant',
      async () =>
        entra.sign(
          claims({
            tid: otherTenant,
            iss: `https://login.microsoftonline.com/${otherTenant}/v2.0`,
          }),
        ),
    ],
    [
      'issuer of another tenant',
      async () =>
        entra.sign(claims({ iss: `https://login.microsoftonline.com/${otherTenant}/v2.0` })),
    ],
    ['untrusted signing key', async () => entra.sign(claims(), { key: 'untrusted' })],
    ['no object id', async () => entra.sign(claims({ oid: undefined }))],
    ['app-only (no user scope)', async () => entra.sign(claims({ scp: undefined, idtyp: 'app' }))],
  ])('refuses a %s token with 401', async (_name, make) => {
    const res = await me(await make());
    expect(res.status).toBe(401);
  });

  it('a valid token without the role gets 403; with it, 200', async () => {
    const get = async (oid: string) =>
      (
        await fetch(`${app.url}/api/school/roles`, {
          headers: { authorization: `Bearer ${await entra.sign(claims({ oid }))}` },
        })
      ).status;
    expect(await get(teacherId)).toBe(403);
    expect(await get(adminId)).toBe(200);
  });

  it('has no dev sign-in: persona and token routes do not exist', async () => {
    expect((await fetch(`${app.url}/api/dev/personas`)).status).toBe(401);
    const res = await fetch(`${app.url}/api/dev/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await entra.sign(claims())}`,
      },
      body: JSON.stringify({ personaId: teacherId }),
    });
    expect(res.status).toBe(404);
    expect(await (await fetch(`${app.url}/api/config`)).json()).toEqual({
      mode: 'production',
      clientId,
    });
  });
});

describe('production bot endpoint', () => {
  // Without a token, an unserved tenant gets the same 401 as a served one (decision 023; the
  // 403 after a valid token is in server/http/messages-auth.test.ts).
  it('refuses a tokenless activity from a tenant this service does not serve with 401, writing nothing', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        conversation: { id: 'a:1', tenantId: otherTenant },
        from: { id: '29:x' },
        channelData: { tenant: { id: otherTenant } },
      }),
    });
    expect(res.status).toBe(401);
    expect(await app.services.teams.listInstalled(otherTenant)).toEqual([]);
  });

  it('refuses an activity without a Bot Framework token and writes nothing', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'installationUpdate',
        action: 'add',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        conversation: { id: '19:x@thread.tacv2', tenantId: tenant },
        from: { id: '29:someone' },
        recipient: { id: '28:bot' },
        channelData: { tenant: { id: tenant }, team: { id: '19:x@thread.tacv2', name: 'Fake' } },
      }),
    });
    expect(res.status).toBe(401);
    expect(await app.services.teams.listInstalled(tenant)).toEqual([]);
  });
});
