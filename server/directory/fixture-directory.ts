import type { Directory, DirectoryPerson, TeamRef } from '../../core/ports/directory.js';
import type { TeamRole } from '../../core/roles.js';
import { demoClassRole, demoDirectory, type DemoSchool } from '../demo/demo-school.js';

/**
 * Local mode's directory: the demo school — the Agents Playground's users and team, and the
 * richer demo's other pupils, teachers and class teams.
 */
export class FixtureDirectory implements Directory {
  constructor(private readonly school: DemoSchool) {}

  async roleInTeam(tenantId: string, team: TeamRef, userId: string): Promise<TeamRole | undefined> {
    if (tenantId !== this.school.tenantId) return undefined;
    const role = demoClassRole(this.school, team.teamId, userId);
    return role === 'owner' ? 'teacher' : role === 'member' ? 'pupil' : undefined;
  }

  async pupilsOf(tenantId: string, team: TeamRef): Promise<string[] | undefined> {
    if (tenantId !== this.school.tenantId) return undefined;
    return demoDirectory(this.school)
      .filter((p) => demoClassRole(this.school, team.teamId, p.id) === 'member')
      .map((p) => p.id);
  }

  /** As Graph's `$search` on displayName: every word of the query starts a word of the name. */
  async findPeople(tenantId: string, query: string, limit: number): Promise<DirectoryPerson[]> {
    if (tenantId !== this.school.tenantId) return [];
    const wanted = words(query);
    if (!wanted.length) return [];
    return demoDirectory(this.school)
      .filter((p) => {
        const name = words(p.displayName);
        return wanted.every((w) => name.some((n) => n.startsWith(w)));
      })
      .map((p) => ({ userId: p.id, displayName: p.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, limit);
  }
}

/** Lower-case words without accents, so "sian" finds "Siân". */
const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
