import type { Directory } from './ports/directory.js';
import type { Role, SchoolRole, TeamRole } from './roles.js';
import type { ClassTeam } from './school.js';
import type { SchoolStore } from './stores/school-store.js';
import type { TeamStore } from './stores/team-store.js';

export interface Access {
  tenantId: string;
  userId: string;
  schoolRoles: SchoolRole[];
  /** The person's role in each installed class team they belong to. */
  teams: { team: ClassTeam; role: TeamRole }[];
  roles: Role[];
}

/** School roles that see every class team of the school (names and channels, never pupil data). */
const wholeSchoolRoles: readonly SchoolRole[] = [
  'admin',
  'wellbeing_lead',
  'dsl',
  'deputy_dsl',
  'coordinator',
];

/**
 * Works out what a signed-in person is, from the store (school roles) and the directory (team
 * roles). The client never supplies roles.
 */
export async function resolveAccess(
  deps: { schools: SchoolStore; teams: TeamStore; directory: Directory },
  tenantId: string,
  userId: string,
): Promise<Access> {
  const [schoolRoles, installed] = await Promise.all([
    deps.schools.rolesOf(tenantId, userId),
    deps.teams.listInstalled(tenantId),
  ]);
  const roleByTeam = await Promise.all(
    installed.map(async (team) => ({
      team,
      role: await deps.directory.roleInTeam(tenantId, team, userId),
    })),
  );
  const teams = roleByTeam.filter(
    (t): t is { team: ClassTeam; role: TeamRole } => t.role !== undefined,
  );
  const roles = [...new Set<Role>([...schoolRoles, ...teams.map((t) => t.role)])];
  return { tenantId, userId, schoolRoles, teams, roles };
}

/** Works out a signed-in person's access: built once (server/services.ts) for the API and the bot. */
export type AccessResolver = (tenantId: string, userId: string) => Promise<Access>;

export function accessResolver(deps: {
  schools: SchoolStore;
  teams: TeamStore;
  directory: Directory;
}): AccessResolver {
  return (tenantId, userId) => resolveAccess(deps, tenantId, userId);
}

/** Class teams this person may see listed: their own, or all of them for whole-school staff. */
export async function visibleTeams(access: Access, teams: TeamStore): Promise<ClassTeam[]> {
  if (access.schoolRoles.some((r) => wholeSchoolRoles.includes(r))) {
    return teams.listInstalled(access.tenantId);
  }
  return access.teams.map((t) => t.team);
}

export function hasRole(access: Access, ...roles: Role[]): boolean {
  return roles.some((r) => access.roles.includes(r));
}
