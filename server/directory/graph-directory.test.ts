import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isBelongError } from '../../core/errors.js';
import type { Clock } from '../../core/ports/directory.js';
import type { Logger, LogFields } from '../../core/ports/logger.js';
import { startFakeGraph, type FakeGraph } from '../../tests/support/fake-graph.js';
import { GraphClient } from '../graph/graph-client.js';
import { GraphUnavailable } from '../graph/graph-errors.js';
import { GraphDirectory } from './graph-directory.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const classTeam = { teamId: '19:7b@thread.tacv2', aadGroupId: 'g7b' };
const staffTeam = { teamId: '19:staff@thread.tacv2', aadGroupId: 'g-staff' };

let graph: FakeGraph;
let now: number;
let warnings: { event: string; fields?: LogFields }[];
const clock: Clock = { now: () => new Date(now) };
const log: Logger = {
  debug() {},
  info() {},
  warn: (event, fields) => warnings.push({ event, fields }),
  error() {},
};

function directory() {
  const credential: TokenCredential = {
    getToken: async () => ({ token: graph.token, expiresOnTimestamp: 8_640_000_000_000_000 }),
  };
  const client = new GraphClient({
    baseUrl: graph.baseUrl,
    credential,
    log,
    sleep: async () => {},
  });
  return new GraphDirectory({ graph: client, clock, cacheMs: 60_000 });
}

const pupils = Array.from({ length: 28 }, (_, i) => ({
  userId: `pupil-${i}`,
  displayName: `Pupil ${i}`,
}));

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.addTeam('g7b', {
    specialization: 'educationClass',
    members: [
      { userId: 'ms-evans', displayName: 'Ms Ruth Evans', roles: ['owner'] },
      { userId: 'parent', displayName: 'A Parent', roles: ['guest'] },
      ...pupils,
    ],
  });
  graph.addTeam('g-staff', {
    specialization: 'educationStaff',
    members: [
      { userId: 'head', displayName: 'Mr Owen Davies', roles: ['owner'] },
      { userId: 'ms-evans', displayName: 'Ms Ruth Evans' },
    ],
  });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.requests.length = 0;
  graph.pageSize = 10;
  now = Date.parse('2026-11-24T10:00:00Z');
  warnings = [];
});

describe('GraphDirectory.roleInTeam', () => {
  it('in a class team: owners are teachers, members pupils, guests and strangers nothing', async () => {
    const d = directory();
    expect(await d.roleInTeam(tenantId, classTeam, 'ms-evans')).toBe('teacher');
    expect(await d.roleInTeam(tenantId, classTeam, 'pupil-27')).toBe('pupil'); // on the third page
    expect(await d.roleInTeam(tenantId, classTeam, 'parent')).toBeUndefined();
    expect(await d.roleInTeam(tenantId, classTeam, 'stranger')).toBeUndefined();
    expect(await d.roleInTeam(tenantId, { teamId: classTeam.teamId }, 'ms-evans')).toBeUndefined();
  });

  it('in a staff team: members are recognised but nobody is a pupil (nor a class teacher)', async () => {
    const d = directory();
    const roster = await d.roster(tenantId, 'g-staff');
    expect(roster).toMatchObject({ reachable: true, kind: 'other' });
    expect([...roster.members.keys()]).toEqual(['head', 'ms-evans']);
    expect(await d.roleInTeam(tenantId, staffTeam, 'ms-evans')).toBeUndefined();
    expect(await d.roleInTeam(tenantId, staffTeam, 'head')).toBeUndefined();
    // The same person is still a teacher where she owns a class.
    expect(await d.roleInTeam(tenantId, classTeam, 'ms-evans')).toBe('teacher');
  });

  it('reads a roster once for a burst of answers (paged), and again after a minute', async () => {
    const d = directory();
    const roles = await Promise.all(
      [...pupils, { userId: 'ms-evans' }].map((p) => d.roleInTeam(tenantId, classTeam, p.userId)),
    );
    expect(roles.filter((r) => r === 'pupil')).toHaveLength(28);
    // 30 members at 10 a page: three pages of one roster read, and the team's kind once.
    expect(graph.requestsTo('/teams/g7b/members')).toHaveLength(3);
    expect(graph.requestsTo('/teams/g7b')).toHaveLength(1);
    await d.roleInTeam(tenantId, classTeam, 'pupil-1');
    expect(graph.requests).toHaveLength(4);
    now += 60_001;
    await d.roleInTeam(tenantId, classTeam, 'pupil-1');
    expect(graph.requestsTo('/teams/g7b/members')).toHaveLength(6);
    // The team's kind never changes: it is not read again.
    expect(graph.requestsTo('/teams/g7b')).toHaveLength(1);
  });

  it('without consent in a team: nobody has a role there, the admin is told once a minute, not per pupil', async () => {
    graph.addTeam('g-club', { specialization: 'educationClass', members: pupils });
    graph.denyConsent('g-club');
    const d = directory();
    const club = { teamId: '19:club@thread.tacv2', aadGroupId: 'g-club' };
    const roles = await Promise.all(pupils.map((p) => d.roleInTeam(tenantId, club, p.userId)));
    expect(roles.every((r) => r === undefined)).toBe(true);
    expect(warnings.map((w) => w.event)).toEqual(['graph.consentMissing', 'graph.consentMissing']);
    expect(warnings.map((w) => w.fields?.scope).sort()).toEqual([
      'TeamMember.Read.Group',
      'TeamSettings.Read.Group',
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/pupil-/);
  });

  it('lists a class team’s pupils from the one roster read (its size); a staff team has none; no group id or no consent cannot say', async () => {
    const d = directory();
    const listed = await d.pupilsOf(tenantId, classTeam);
    expect(listed).toHaveLength(28);
    expect(listed).not.toContain('ms-evans');
    expect(listed).not.toContain('parent');
    expect(await d.roleInTeam(tenantId, classTeam, 'pupil-3')).toBe('pupil');
    expect(graph.requestsTo('/teams/g7b/members')).toHaveLength(3); // shared with roleInTeam
    expect(await d.pupilsOf(tenantId, staffTeam)).toEqual([]);
    expect(await d.pupilsOf(tenantId, { teamId: classTeam.teamId })).toBeUndefined();
    graph.addTeam('g-locked', { specialization: 'educationClass', members: pupils });
    graph.denyConsent('g-locked');
    expect(await d.pupilsOf(tenantId, { teamId: 'x', aadGroupId: 'g-locked' })).toBeUndefined();
  });

  it('a team Graph no longer has is nobody’s; Graph down is an error, and is not remembered', async () => {
    const d = directory();
    const gone = { teamId: '19:gone@thread.tacv2', aadGroupId: 'g-gone' };
    expect(await d.roleInTeam(tenantId, gone, 'pupil-1')).toBeUndefined();

    graph.fail(
      [500, 500, 500, 500].map((status) => ({ status })),
      '/teams/g7b/members',
    );
    const error = await d.roleInTeam(tenantId, classTeam, 'pupil-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphUnavailable);
    expect(await d.roleInTeam(tenantId, classTeam, 'pupil-1')).toBe('pupil');
  });
});

describe('GraphDirectory.findPeople', () => {
  it('searches display names with an advanced query (ConsistencyLevel: eventual), sorted, at most the limit', async () => {
    const d = directory();
    expect(await d.findPeople(tenantId, 'Ev', 10)).toEqual([
      { userId: 'ms-evans', displayName: 'Ms Ruth Evans' },
    ]);
    const search = graph.requestsTo('/users')[0]!;
    expect(search.query.get('$search')).toBe('"displayName:Ev"');
    expect(search.query.get('$select')).toBe('id,displayName');
    expect(search.query.get('$top')).toBe('10');
    expect(search.headers.consistencylevel).toBe('eventual');
    expect((await d.findPeople(tenantId, 'pupil', 3)).map((p) => p.displayName)).toEqual([
      'Pupil 0',
      'Pupil 1',
      'Pupil 10',
    ]);
  });

  it('keeps quotes and backslashes out of the search term, and asks nothing for an empty one', async () => {
    const d = directory();
    await d.findPeople(tenantId, 'O"Neil\\', 10);
    expect(graph.requestsTo('/users')[0]!.query.get('$search')).toBe('"displayName:O Neil"');
    expect(await d.findPeople(tenantId, ' " ', 10)).toEqual([]);
    expect(graph.requests).toHaveLength(1);
  });

  it('says plainly when the app may not read users (403): an admin must consent in the tenant', async () => {
    graph.denyConsent('tenant');
    const error = await directory()
      .findPeople(tenantId, 'Ruth', 10)
      .catch((e: unknown) => e);
    expect(isBelongError(error, 'unavailable')).toBe(true);
    expect((error as Error).message).toMatch(/grant Belong consent in the tenant.*User\.Read\.All/);
  });
});
