import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isBelongError } from '../../core/errors.js';
import type { Logger, LogFields } from '../../core/ports/logger.js';
import { startFakeGraph, type FakeGraph } from '../../tests/support/fake-graph.js';
import { GraphClient, type GraphRequest } from './graph-client.js';
import {
  GraphConsentMissing,
  GraphNotFound,
  GraphRequestFailed,
  GraphUnavailable,
} from './graph-errors.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
/** Far in the future, so the token never looks expired whatever today is. */
const credential = (token: string): TokenCredential => ({
  getToken: async () => ({ token, expiresOnTimestamp: 8_640_000_000_000_000 }),
});

let graph: FakeGraph;
let waits: number[];
let logged: { event: string; fields?: LogFields }[];
const log: Logger = {
  debug() {},
  info: (event, fields) => logged.push({ event, fields }),
  warn: (event, fields) => logged.push({ event, fields }),
  error: (event, fields) => logged.push({ event, fields }),
};
const client = (options: { token?: string; random?: number } = {}) =>
  new GraphClient({
    baseUrl: graph.baseUrl,
    credential: credential(options.token ?? graph.token),
    log,
    // Waits are recorded, not slept: the test is as fast on a busy machine as on a quiet one.
    sleep: async (ms) => void waits.push(ms),
    random: () => options.random ?? 0.5,
  });
const members = (groupId: string): GraphRequest => ({
  path: `/teams/${groupId}/members`,
  what: 'team members',
  consent: { kind: 'team', groupId, permission: 'TeamMember.Read.Group' },
});

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.addTeam('g7b', {
    specialization: 'educationClass',
    members: Array.from({ length: 7 }, (_, i) => ({ userId: `u${i}`, displayName: `Pupil ${i}` })),
  });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.requests.length = 0;
  graph.pageSize = 100;
  waits = [];
  logged = [];
});

describe('GraphClient', () => {
  it('sends the bearer token and follows @odata.nextLink over three pages', async () => {
    graph.pageSize = 3;
    const all = await client().list<{ userId: string }>(tenantId, members('g7b'));
    expect(all.map((m) => m.userId)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    const reads = graph.requestsTo('/teams/g7b/members');
    expect(reads).toHaveLength(3);
    expect(reads.map((r) => r.query.get('$skiptoken'))).toEqual([null, '3', '6']);
    expect(reads.every((r) => r.headers.authorization === `Bearer ${graph.token}`)).toBe(true);
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    graph.fail([{ status: 429, retryAfter: 2 }]);
    const all = await client().list(tenantId, members('g7b'));
    expect(all).toHaveLength(7);
    expect(waits).toEqual([2000]);
    expect(graph.requests).toHaveLength(2);
    expect(logged).toContainEqual({
      event: 'graph.retry',
      fields: { status: 429, count: 1, ms: 2000, scope: 'team members' },
    });
  });

  it('honours Retry-After on 503 too, and gives up at once when it asks for longer than we wait', async () => {
    graph.fail([{ status: 503, retryAfter: 1 }]);
    expect(await client().list(tenantId, members('g7b'))).toHaveLength(7);
    expect(waits).toEqual([1000]);

    graph.fail([{ status: 429, retryAfter: 3600 }]);
    const error = await client()
      .list(tenantId, members('g7b'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphUnavailable);
    expect(isBelongError(error, 'unavailable')).toBe(true);
    expect(waits).toEqual([1000]);
  });

  it('backs off exponentially with jitter on other 5xx, then succeeds', async () => {
    graph.fail([{ status: 500 }, { status: 502 }, { status: 504 }]);
    expect(await client({ random: 0 }).list(tenantId, members('g7b'))).toHaveLength(7);
    // Half the ceiling plus a random half: 500, 1000, 2000 ms ceilings with random 0.
    expect(waits).toEqual([250, 500, 1000]);
    graph.fail([{ status: 500 }]);
    await client({ random: 0.999 }).list(tenantId, members('g7b'));
    expect(waits.at(-1)).toBe(500);
  });

  it('stops after four tries of a persistent 5xx with a typed error', async () => {
    graph.fail([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }]);
    const error = await client()
      .list(tenantId, members('g7b'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphUnavailable);
    expect((error as GraphUnavailable).attempts).toBe(4);
    expect((error as GraphUnavailable).lastStatus).toBe(500);
    expect(graph.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
    expect(logged.at(-1)).toEqual({
      event: 'graph.unavailable',
      fields: { status: 500, count: 4, scope: 'team members' },
    });
  });

  it('turns 403 into a consent message an administrator can act on, and logs no person', async () => {
    graph.denyConsent('g-staff');
    graph.addTeam('g-staff', { members: [] });
    const error = await client()
      .list(tenantId, members('g-staff'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphConsentMissing);
    expect((error as Error).message).toMatch(
      /^An administrator needs to grant Belong consent in team g-staff: Belong may not use TeamMember\.Read\.Group/,
    );
    expect(graph.requests).toHaveLength(1); // refused consent is not retried
    expect(logged).toEqual([
      {
        event: 'graph.consentMissing',
        fields: {
          error: 'GraphConsentMissing',
          scope: 'TeamMember.Read.Group',
          url: '/teams/g-staff',
        },
      },
    ]);

    graph.denyConsent('tenant');
    const tenantWide = await client()
      .list(tenantId, {
        path: `/users?$filter=${encodeURIComponent("id in ('u1')")}`,
        what: 'user names',
        consent: { kind: 'tenant', permission: 'User.Read.All' },
      })
      .catch((e: unknown) => e);
    expect((tenantWide as Error).message).toMatch(
      /^An administrator needs to grant Belong consent in the tenant: Belong may not use User\.Read\.All/,
    );
    expect(JSON.stringify(logged)).not.toContain('u1');
  });

  it('says not found on 404, and refuses other 4xx without retrying', async () => {
    await expect(client().get(tenantId, members('nope'))).rejects.toBeInstanceOf(GraphNotFound);
    const error = await client({ token: 'wrong' })
      .get(tenantId, members('g7b'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestFailed);
    expect((error as GraphRequestFailed).graphStatus).toBe(401);
    expect(graph.requests).toHaveLength(2);
  });

  it('never sends the token to a next link on another origin', async () => {
    const stray = new GraphClient({
      baseUrl: graph.baseUrl,
      credential: credential(graph.token),
      log,
      fetch: async () =>
        new Response(
          JSON.stringify({ value: [{}], '@odata.nextLink': 'https://elsewhere.example/v1.0/x' }),
        ),
    });
    await expect(stray.list(tenantId, members('g7b'))).rejects.toBeInstanceOf(GraphRequestFailed);
  });
});
