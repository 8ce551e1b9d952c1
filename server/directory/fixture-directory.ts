import type { Directory, TeamRef } from '../../core/ports/directory.js';
import type { TeamRole } from '../../core/roles.js';
import type { DemoSchool } from '../demo/demo-school.js';

/** Local mode's directory: the demo school, mirroring the Agents Playground's users and team. */
export class FixtureDirectory implements Directory {
  constructor(private readonly school: DemoSchool) {}

  async roleInTeam(tenantId: string, team: TeamRef, userId: string): Promise<TeamRole | undefined> {
    if (tenantId !== this.school.tenantId || team.teamId !== this.school.team.id) return undefined;
    const person = this.school.people.find((p) => p.id === userId);
    if (person?.classRole === 'owner') return 'teacher';
    if (person?.classRole === 'member') return 'pupil';
    return undefined;
  }
}
