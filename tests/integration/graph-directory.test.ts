/**
 * The production server asks Microsoft Graph (a fake one) who teaches whom, as the app that holds
 * Belong's consent: a teacher is a teacher of the class she owns and of nothing in the staff team,
 * a pupil is a pupil of his class, and the burst of /api/me calls reads each roster once.
 */
import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../core/api/me.js';
import { startApp, type AppHarness } from '../support/app-harness.js';
import { startFakeEntra, type FakeEntra } from '../support/fake-entra.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';

const tenant = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const clientId = 'b7d1f9a2-5c3e-4d8f-9a1b-2c3d4e5f6a7b';
const teacherId = 'a1a1a1a1-0000-4000-8000-000000000001';
const pupilId = 'a1a1a1a1-0000-4000-8000-000000000003';
const installedAt = new Date('2026-11-24T10:00:00Z');

let entra: FakeEntra;
let graph: FakeGraph;
let app: AppHarness;
const tokensAsked: { scope: string; tenantId: string | undefined }[] = [];

beforeAll(async () => {
  entra = await startFakeEntra();
  graph = await startFakeGraph();
  graph.addTeam('g7b', {
    specialization: 'educationClass',
    members: [
      { userId: teacherId, displayName: 'Ms Ruth Evans', roles: ['owner'] },
      { userId: pupilId, displayName: 'Amir Hassan' },
    ],
  });
  graph.addTeam('g-staff', {
    specialization: 'educationStaff',
    members: [{ userId: teacherId, displayName: 'Ms Ruth Evans' }],
  });
  const graphCredential: TokenCredential = {
    getToken: async (scope, options) => {
      tokensAsked.push({ scope: String(scope), tenantId: options?.tenantId });
      return { token: graph.token, expiresOnTimestamp: 8_640_000_000_000_000 };
    },
  };
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
      GRAPH_BASE_URL: graph.baseUrl,
    },
    { graphCredential },
  );
  for (const [teamId, aadGroupId] of [
    ['19:7b@thread.tacv2', 'g7b'],
    ['19:staff@thread.tacv2', 'g-staff'],
  ] as const)
    await app.services.teams.recordInstall(
      tenant,
      { teamId, aadGroupId, serviceUrl: 'https://smba.example/uk/', channels: [] },
      installedAt,
    );
});
afterAll(async () => {
  await app.stop();
  await graph.close();
  await entra.close();
});

async function me(oid: string): Promise<MeResponse> {
  const token = await entra.sign({
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    aud: clientId,
    tid: tenant,
    oid,
    name: 'Someone',
    scp: 'access_as_user',
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  });
  const res = await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as MeResponse;
}

describe('the production directory on Graph', () => {
  it('knows who teaches whom: class owners teach it, members are its pupils, the staff team gives no role', async () => {
    const [teacher, pupil, ...again] = await Promise.all([
      me(teacherId),
      me(pupilId),
      me(teacherId),
      me(pupilId),
    ]);
    expect(teacher.teams).toEqual([{ teamId: '19:7b@thread.tacv2', role: 'teacher' }]);
    expect(teacher.roles).toEqual(['teacher']);
    expect(pupil.teams).toEqual([{ teamId: '19:7b@thread.tacv2', role: 'pupil' }]);
    expect(again.map((m) => m.teams)).toEqual([teacher.teams, pupil.teams]);
    // Four people's access at once: one roster read per team, not one per person.
    expect(graph.requestsTo('/teams/g7b/members')).toHaveLength(1);
    expect(graph.requestsTo('/teams/g-staff/members')).toHaveLength(1);
    // As the app, in the school's tenant.
    expect(new Set(tokensAsked.map((t) => `${t.scope} ${t.tenantId}`))).toEqual(
      new Set([`https://graph.microsoft.com/.default ${tenant}`]),
    );
  });

  it('names come from the same rosters', async () => {
    await app.services.teams.addMember(tenant, '19:7b@thread.tacv2', {
      userId: pupilId,
      teamsId: `29:${pupilId}`,
      addedAt: installedAt.toISOString(),
    });
    const before = graph.requests.length;
    expect(await app.services.personNames.displayName(tenant, pupilId)).toBe('Amir Hassan');
    expect(graph.requests).toHaveLength(before);
  });
});
