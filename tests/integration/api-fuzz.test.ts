/**
 * Issue 20: every route the tab API registers, read from the router itself (new routes join
 * without being listed), gets property-based malformed requests (fast-check): bad path ids, bad
 * query values, bodies of the wrong type, shape or size, unicode junk, wrong content types, sent
 * by signed-in demo personas of every kind to the real app on Azurite. What must hold: no 5xx, every
 * 4xx is a JSON error, nothing a refused request did is left in storage, and the server still
 * answers at the end.
 *
 * `npm test` runs FUZZ_RUNS (default 12) requests per route; `npm run fuzz` runs many more.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchool } from '../../server/demo/demo-school.js';
import { seedDemoSchool } from '../../server/demo/seed.js';
import { apiRouter } from '../../server/http/api.js';
import type { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { callApi, devToken } from '../support/api-client.js';
import { routesOf, type ApiRoute } from '../support/api-routes.js';
import { startApp, type AppHarness } from '../support/app-harness.js';
import { schoolDay } from '../support/clock.js';
import { fuzzRequest, type FuzzRequest } from '../support/fuzz-requests.js';
import { tableSnapshot, type TableSnapshot } from '../support/table-snapshot.js';

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const kinds = [...new Set(demoSchool.people.map((p) => p.kind))];

let app: AppHarness;
let snapshot: TableSnapshot;
const tokens = new Map<string, string>();

// The routes come from a router built the way the app builds its own: with the dev routes on.
const routes: ApiRoute[] = await (async () => {
  const probe = await startApp({ DEV_CLOCK_START: schoolDay.toISOString() });
  try {
    return routesOf(apiRouter(probe.services));
  } finally {
    await probe.stop();
  }
})();

beforeAll(async () => {
  app = await startApp({ DEV_CLOCK_START: schoolDay.toISOString() });
  await seedDemoSchool(app.services, demoSchool, schoolDay, 'http://127.0.0.1:9/_connector');
  for (const kind of kinds) {
    const person = demoSchool.people.find((p) => p.kind === kind)!;
    tokens.set(kind, await devToken(app.url, person.id));
  }
  snapshot = tableSnapshot((app.services.store as AzureTableStore).prefix);
});
afterAll(() => app?.stop());

async function send(request: FuzzRequest, token: string | undefined) {
  const res = await fetch(`${app.url}/api${request.path}`, {
    method: request.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(request.body.contentType ? { 'content-type': request.body.contentType } : {}),
    },
    ...(request.body.text !== undefined && request.method !== 'GET' && request.method !== 'HEAD'
      ? { body: request.body.text }
      : {}),
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

describe('the tab API under malformed requests', () => {
  it('has the routes a reader of api.ts expects, each answering (not the catch-all 404)', async () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    for (const route of [
      'GET /teams/:teamId',
      'POST /teams/:teamId/checkins',
      'POST /school/cmhw-plan',
      'PUT /rota/notices',
      'POST /dev/clock',
      'PUT /school/roles/:userId',
      'POST /support/requests/:id/actions',
    ])
      expect(names).toContain(route);
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, 'x');
      const res = await send({ method: route.method, path, body: {} }, tokens.get('admin'));
      expect(res.text, `${route.method} ${route.path}`).not.toContain('There is no API at');
    }
  });

  it('sees any write in the table listing, even one that puts back the same value', async () => {
    const key = { tenantId: demoSchool.tenantId, partition: 'fuzz-probe', row: 'r' };
    await app.services.store.upsert('schools', key, { n: 1 });
    const before = await snapshot();
    await app.services.store.upsert('schools', key, { n: 1 });
    expect(await snapshot()).not.toEqual(before);
    await app.services.store.delete('schools', key);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: no 5xx, and a refused request changes nothing',
    async (_name, route) => {
      let before = await snapshot();
      await fc.assert(
        fc.asyncProperty(
          fuzzRequest(route),
          fc.constantFrom(...kinds, 'nobody'),
          async (request, kind) => {
            const res = await send(request, tokens.get(kind));
            const what = `${kind} ${request.method} ${request.path.slice(0, 120)} → ${res.status} ${res.text.slice(0, 200)}`;
            expect(res.status, what).toBeLessThan(500);
            const after = await snapshot();
            if (res.status >= 400) {
              expect(res.type, what).toMatch(/^application\/json/);
              expect(JSON.parse(res.text), what).toMatchObject({
                error: { code: expect.any(String) },
              });
              expect(after, what).toEqual(before);
            }
            before = after;
          },
        ),
        { numRuns: runs, endOnFailure: true },
      );
    },
    Math.max(60_000, runs * 1_000),
  );

  it('still answers after all that', async () => {
    expect((await callApi(app.url, 'GET', '/api/health')).status).toBe(200);
    const me = await callApi(app.url, 'GET', '/api/me', tokens.get('teacher'));
    expect(me.status).toBe(200);
  });
});
