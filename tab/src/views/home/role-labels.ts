import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { isSchoolRole, teamRoles, type TeamRole } from '../../../../core/roles.js';

/**
 * The server's roles as words a person recognises: "Teacher in Class 7B" where we know the team's
 * name (the bot is installed there), plain "Teacher" otherwise, then school roles.
 */
export function roleLabels(
  me: Pick<MeResponse, 'roles' | 'teams'>,
  classTeams: readonly ClassTeamView[],
  locale: Locale,
): string[] {
  const teamNames = new Map(classTeams.map((team) => [team.teamId, team.name]));
  const named = new Set<TeamRole>();
  const labels: string[] = [];

  for (const { teamId, role } of me.teams) {
    const team = teamNames.get(teamId);
    if (team === undefined) continue;
    labels.push(
      t(locale, role === 'teacher' ? 'tab.role.teacherIn' : 'tab.role.pupilIn', { team }),
    );
    named.add(role);
  }
  for (const role of me.roles) {
    // A role this build does not know (a newer server) is skipped rather than shown as a key.
    if (isSchoolRole(role)) labels.push(t(locale, `tab.role.${role}`));
    else if (isTeamRole(role) && !named.has(role)) labels.push(t(locale, `tab.role.${role}`));
  }
  return [...new Set(labels)];
}

function isTeamRole(value: string): value is TeamRole {
  return (teamRoles as readonly string[]).includes(value);
}
