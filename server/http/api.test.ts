import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, PersonasResponse, TeamsResponse } from '../../core/api.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { wallMs } from '../../core/testing/wall-clock.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';

let app: AppHarness;
const byKind = (kind: string) => demoSchool.people.find((p) => p.kind === kind)!;
const seededAt = new Date('2026-11-02T08:00:00Z');

beforeAll(async () => {
  app = await startApp();
  await seedDemoSchool(app.services, demoSchool, seededAt, 'http://127.0.0.1:9/_connector');
});
afterAll(() => app.stop());

async function tokenFor(kind: string): Promise<string> {
  const res = await fetch(`${app.url}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personaId: byKind(kind).id }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });

describe('public endpoints', () => {
  it('health and client config need no token and reveal nothing secret', async () => {
    expect(await (await get('/api/health')).json()).toEqual({ status: 'ok' });
    expect(await (await get('/api/config')).json()).toEqual({ mode: 'local' });
  });

  it('lists the demo personas, one of each kind the picker offers', async () => {
    const body = (await (await get('/api/dev/personas')).json()) as PersonasResponse;
    const kinds = new Set(body.personas.map((p) => p.describeKey));
    expect([...kinds].sort()).toEqual([
      'admin',
      'ambassador',
      'coordinator',
      'deputy_dsl',
      'dsl',
      'pupil',
      'teacher',
      'wellbeing_lead',
    ]);
  });
});

describe('authentication', () => {
  it('refuses a missing token with 401 and a Bearer challenge', async () => {
    const res = await get('/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('refuses garbage, a token from another key, and an expired token', async () => {
    expect((await get('/api/me', 'not-a-jwt')).status).toBe(401);
    expect((await get('/api/me', undefined, { authorization: 'Basic abc' })).status).toBe(401);
    const other = await (
      await import('../auth/dev-issuer.js')
    ).DevIssuer.create([demoSchool.tenantId]);
    const foreign = await other.issue({
      tenantId: demoSchool.tenantId,
      userId: byKind('teacher').id,
      displayName: 'x',
    });
    expect((await get('/api/me', foreign.token)).status).toBe(401);
    const expired = await app.services.devIssuer!.issue(
      { tenantId: demoSchool.tenantId, userId: byKind('teacher').id, displayName: 'x' },
      60,
      new Date(wallMs() - 3600_000),
    );
    const res = await get('/api/me', expired.token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it('refuses a token for a tenant this service does not serve', async () => {
    const wrong = await app.services.devIssuer!.issue({
      tenantId: '99999999-9999-9999-9999-999999999999',
      userId: byKind('teacher').id,
      displayName: 'x',
    });
    expect((await get('/api/me', wrong.token)).status).toBe(401);
  });

  it('refuses a token request for someone who is not a persona, and a malformed one', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${app.url}/api/dev/token`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    expect((await post(JSON.stringify({ personaId: 'nobody' }))).status).toBe(400);
    expect(
      (await post(JSON.stringify({ personaId: byKind('dsl').id, roles: ['admin'] }))).status,
    ).toBe(400);
    expect((await post('{"personaId":')).status).toBe(400);
    expect((await post('personaId=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('[]')).status).toBe(400);
  });
});

describe('roles come from the server', () => {
  it.each([
    ['teacher', ['teacher']],
    ['pupil', ['pupil']],
    ['ambassador', ['ambassador', 'pupil']],
    ['coordinator', ['coordinator']],
    ['wellbeing_lead', ['wellbeing_lead']],
    ['dsl', ['dsl']],
    ['admin', ['admin']],
  ])('%s → %j', async (kind, roles) => {
    const me = (await (await get('/api/me', await tokenFor(kind))).json()) as MeResponse;
    expect(me.user.displayName).toBe(byKind(kind).displayName);
    expect([...me.roles].sort()).toEqual([...roles].sort());
  });

  it('answers in Welsh when the browser asks for it', async () => {
    const me = (await (
      await get('/api/me', await tokenFor('pupil'), { 'accept-language': 'cy-GB,cy;q=0.9' })
    ).json()) as MeResponse;
    expect(me.locale).toBe('cy');
  });
});

describe('class teams', () => {
  it('a teacher and a pupil of Class 7B see it with its channels', async () => {
    for (const kind of ['teacher', 'pupil']) {
      const body = (await (await get('/api/teams', await tokenFor(kind))).json()) as TeamsResponse;
      expect(body.teams.map((t) => t.name)).toEqual(['Class 7B']);
      expect(body.teams[0]!.channels.map((c) => c.name)).toEqual(['General', 'Wellbeing']);
    }
  });

  it('whole-school staff see every class team; someone in no team sees none', async () => {
    await app.services.teams.recordInstall(
      demoSchool.tenantId,
      {
        teamId: '19:class-8c@thread.tacv2',
        name: 'Class 8C',
        serviceUrl: 'http://127.0.0.1:9/',
        channels: [],
      },
      seededAt,
    );
    const dsl = (await (await get('/api/teams', await tokenFor('dsl'))).json()) as TeamsResponse;
    expect(dsl.teams.map((t) => t.name)).toEqual(['Class 7B', 'Class 8C']);
    const teacher = (await (
      await get('/api/teams', await tokenFor('teacher'))
    ).json()) as TeamsResponse;
    expect(teacher.teams.map((t) => t.name)).toEqual(['Class 7B']);
    const res = await get(
      `/api/teams/${encodeURIComponent('19:class-8c@thread.tacv2')}`,
      await tokenFor('teacher'),
    );
    expect(res.status).toBe(403);
    const missing = await get(
      `/api/teams/${encodeURIComponent('19:nope@thread.tacv2')}`,
      await tokenFor('teacher'),
    );
    expect(missing.status).toBe(404);
  });
});

describe('authorisation', () => {
  it('only the school admin may list role holders: everyone else gets 403', async () => {
    const ok = await get('/api/school/roles', await tokenFor('admin'));
    expect(ok.status).toBe(200);
    const { holders } = (await ok.json()) as { holders: { roles: string[] }[] };
    expect(holders.some((h) => h.roles.includes('dsl'))).toBe(true);
    for (const kind of ['teacher', 'pupil', 'ambassador', 'coordinator', 'wellbeing_lead', 'dsl']) {
      expect((await get('/api/school/roles', await tokenFor(kind))).status, kind).toBe(403);
    }
  });
});

describe('bad requests', () => {
  it('unknown API routes are 404 JSON, after authentication', async () => {
    expect((await get('/api/nope')).status).toBe(401);
    const res = await get('/api/nope', await tokenFor('teacher'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });

  it('unknown pages are 404', async () => {
    expect((await get('/definitely-not-here')).status).toBe(404);
  });

  it('an oversized body is refused with 413 and the server stays up', async () => {
    const big = JSON.stringify({ personaId: 'x'.repeat(200_000) });
    const res = await fetch(`${app.url}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect((await get('/api/health')).status).toBe(200);
  });
});

describe('delivery status', () => {
  it('the class’s teacher and the wellbeing lead see progress; pupils, ambassadors and the DSL get 403', async () => {
    await app.services.deliveries.enqueue(
      demoSchool.tenantId,
      { id: 'occ-api-1', label: 'Connection prompt — Class 7B', teamId: demoSchool.team.id },
      [
        {
          targetKey: demoSchool.team.channels[0]!.id,
          target: {
            kind: 'channel',
            teamId: demoSchool.team.id,
            channelId: demoSchool.team.channels[0]!.id,
            serviceUrl: 'http://127.0.0.1:9/',
          },
          content: { text: 'Hello' },
        },
      ],
      seededAt,
    );
    for (const kind of ['teacher', 'wellbeing_lead', 'admin']) {
      const res = await get('/api/occurrences/occ-api-1', await tokenFor(kind));
      expect(res.status, kind).toBe(200);
      expect(await res.json()).toMatchObject({ total: 1, counts: { pending: 1 }, finished: false });
    }
    for (const kind of ['pupil', 'ambassador', 'dsl', 'coordinator']) {
      expect((await get('/api/occurrences/occ-api-1', await tokenFor(kind))).status, kind).toBe(
        403,
      );
    }
    expect((await get('/api/occurrences/nope', await tokenFor('teacher'))).status).toBe(404);
  });
});
