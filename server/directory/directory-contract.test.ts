/**
 * One contract for both directories: the fixture used locally and the Graph directory used in
 * production (on the fake Graph, seeded with the same demo school as class teams) give every
 * person of the school the same role in every class team — so local mode cannot drift from what
 * production will say.
 */
import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory, TeamRef } from '../../core/ports/directory.js';
import { silentLogger } from '../../core/ports/logger.js';
import { startFakeGraph, type FakeGraph } from '../../tests/support/fake-graph.js';
import { demoClassRole, demoDirectory, demoSchool } from '../demo/demo-school.js';
import { GraphClient } from '../graph/graph-client.js';
import { FixtureDirectory } from './fixture-directory.js';
import { GraphDirectory } from './graph-directory.js';

const school = demoSchool;
const people = demoDirectory(school);
const teams: TeamRef[] = [school.team.id, ...school.classes.map((c) => c.teamId)]
  .filter((id, i, all) => all.indexOf(id) === i)
  .map((teamId, i) => ({ teamId, aadGroupId: `group-${i}` }));

let graph: FakeGraph;
const directories: [string, () => Directory][] = [
  ['fixture', () => new FixtureDirectory(school)],
  [
    'Graph',
    () => {
      const credential: TokenCredential = {
        getToken: async () => ({ token: graph.token, expiresOnTimestamp: 8_640_000_000_000_000 }),
      };
      return new GraphDirectory({
        graph: new GraphClient({ baseUrl: graph.baseUrl, credential, log: silentLogger }),
      });
    },
  ],
];

beforeAll(async () => {
  graph = await startFakeGraph();
  for (const team of teams)
    graph.addTeam(team.aadGroupId!, {
      specialization: 'educationClass',
      members: people.flatMap((p) => {
        const role = demoClassRole(school, team.teamId, p.id);
        if (!role) return [];
        return [
          {
            userId: p.id,
            displayName: p.displayName,
            roles: role === 'owner' ? ['owner' as const] : [],
          },
        ];
      }),
    });
});
afterAll(() => graph.close());

describe.each(directories)('the %s directory', (_name, make) => {
  it('gives every person of the demo school the role the school says, in every class team', async () => {
    const directory = make();
    let teachers = 0;
    let pupils = 0;
    for (const team of teams)
      for (const person of people) {
        const role = demoClassRole(school, team.teamId, person.id);
        const expected = role === 'owner' ? 'teacher' : role === 'member' ? 'pupil' : undefined;
        expect(await directory.roleInTeam(school.tenantId, team, person.id)).toBe(expected);
        if (expected === 'teacher') teachers++;
        if (expected === 'pupil') pupils++;
      }
    // The demo has teachers and pupils in every class, so the loop above checked something.
    expect(teachers).toBeGreaterThanOrEqual(teams.length);
    expect(pupils).toBeGreaterThan(teams.length * 5);
  });

  it('lists each class team’s pupils (for its size): everyone the school says is a pupil there', async () => {
    const directory = make();
    for (const team of teams) {
      const expected = people
        .filter((p) => demoClassRole(school, team.teamId, p.id) === 'member')
        .map((p) => p.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect([...((await directory.pupilsOf!(school.tenantId, team)) ?? [])].sort()).toEqual(
        expected,
      );
    }
  });

  it('knows nobody who is not in the school', async () => {
    expect(await make().roleInTeam(school.tenantId, teams[0]!, 'stranger')).toBeUndefined();
  });
});
