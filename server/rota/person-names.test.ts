import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/ports/directory.js';
import { silentLogger } from '../../core/ports/logger.js';
import { TeamStore } from '../../core/stores/team-store.js';
import { MemoryTableStore } from '../../core/testing/memory-table-store.js';
import { startFakeGraph, type FakeGraph } from '../../tests/support/fake-graph.js';
import { demoSchool } from '../demo/demo-school.js';
import { GraphDirectory } from '../directory/graph-directory.js';
import { GraphClient } from '../graph/graph-client.js';
import { demoPersonNames, GraphPersonNames, idsPerUsersRequest } from './person-names.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const installedAt = new Date('2026-11-24T10:00:00Z');

describe('person names locally', () => {
  it('come from the demo school, for its tenant only', async () => {
    const names = demoPersonNames(demoSchool);
    const bethan = demoSchool.people.find((p) => p.displayName === 'Bethan Morgan')!;
    expect(await names.displayName(demoSchool.tenantId, bethan.id)).toBe('Bethan Morgan');
    expect(await names.displayName(tenantId, bethan.id)).toBeUndefined();
  });
});

describe('person names from Graph', () => {
  let graph: FakeGraph;
  let now: number;
  const clock: Clock = { now: () => new Date(now) };
  const ambassadors = Array.from({ length: 20 }, (_, i) => ({
    userId: `amb-${i}`,
    displayName: ` Ambassador ${i} `,
  }));
  const staff = Array.from({ length: 20 }, (_, i) => ({
    userId: `staff-${i}`,
    displayName: `Staff ${i}`,
  }));

  beforeAll(async () => {
    graph = await startFakeGraph();
    graph.addTeam('g7b', { specialization: 'educationClass', members: ambassadors });
    for (const s of staff) graph.users.set(s.userId, s.displayName);
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.requests.length = 0;
    now = installedAt.getTime();
  });

  async function names() {
    const teams = new TeamStore(new MemoryTableStore());
    await teams.recordInstall(
      tenantId,
      { teamId: 't7b', aadGroupId: 'g7b', serviceUrl: 'http://x', channels: [] },
      installedAt,
    );
    for (const a of ambassadors)
      await teams.addMember(tenantId, 't7b', {
        userId: a.userId,
        teamsId: `29:${a.userId}`,
        addedAt: '',
      });
    const credential: TokenCredential = {
      getToken: async () => ({ token: graph.token, expiresOnTimestamp: 8_640_000_000_000_000 }),
    };
    const client = new GraphClient({
      baseUrl: graph.baseUrl,
      credential,
      log: silentLogger,
      sleep: async () => {},
    });
    const directory = new GraphDirectory({ graph: client, clock });
    return new GraphPersonNames({ graph: client, directory, teams, log: silentLogger, clock });
  }

  it('twenty names in one class come from one roster read, then from the cache', async () => {
    const n = await names();
    const got = await Promise.all(ambassadors.map((a) => n.displayName(tenantId, a.userId)));
    expect(got).toEqual(ambassadors.map((a) => a.displayName.trim()));
    expect(graph.requestsTo('/teams/g7b/members')).toHaveLength(1);
    expect(graph.requestsTo('/users')).toHaveLength(0);
    const before = graph.requests.length;
    expect(await n.displayName(tenantId, 'amb-3')).toBe('Ambassador 3');
    expect(graph.requests).toHaveLength(before);
  });

  it('people in no known team are asked for 15 at a time (Graph’s limit for `in`)', async () => {
    const n = await names();
    const got = await Promise.all(
      [...staff.map((s) => s.userId), 'nobody'].map((id) => n.displayName(tenantId, id)),
    );
    expect(got).toEqual([...staff.map((s) => s.displayName), undefined]);
    const reads = graph.requestsTo('/users');
    expect(reads).toHaveLength(2);
    expect(idsPerUsersRequest).toBe(15);
    expect(reads[0]!.query.get('$filter')).toBe(
      `id in (${staff
        .slice(0, 15)
        .map((s) => `'${s.userId}'`)
        .join(',')})`,
    );
    expect(reads[0]!.query.get('$select')).toBe('id,displayName');
    // "nobody" is known to have no name: not asked again within the hour.
    expect(await n.displayName(tenantId, 'nobody')).toBeUndefined();
    expect(graph.requestsTo('/users')).toHaveLength(2);
  });

  it('without the tenant consent, staff names are left out (and asked again later); class names still come', async () => {
    graph.denyConsent('tenant');
    const n = await names();
    expect(
      await Promise.all(['staff-1', 'amb-1'].map((id) => n.displayName(tenantId, id))),
    ).toEqual([undefined, 'Ambassador 1']);
    await n.displayName(tenantId, 'staff-1');
    expect(graph.requestsTo('/users')).toHaveLength(2);
  });
});
