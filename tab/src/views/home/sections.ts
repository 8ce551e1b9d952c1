import type { ClassTeamView, MeResponse } from '../../../../core/api.js';

export interface ConnectSections {
  /** Classes whose posts this person may plan: their own as a teacher, every one as a lead. */
  postTeams: ClassTeamView[];
  /** The school calendar and the CMHW planner: wellbeing lead and admin. */
  schoolWide: boolean;
  /** Classes whose check-in trends this person reads: their own as a teacher, all as the lead. */
  checkinTeams: ClassTeamView[];
  /** The school's check-in trends (the wellbeing lead) or its check-in settings (also admin). */
  schoolTrends: boolean;
  /** A pupil's own check-ins. */
  myCheckins: boolean;
}

/**
 * Which Connect sections to offer. Only a hint for the navigation: the server decides who may
 * do what, and refuses everyone else.
 */
export function connectSections(
  me: Pick<MeResponse, 'roles' | 'teams'>,
  teams: readonly ClassTeamView[],
): ConnectSections {
  const schoolWide = me.roles.some((role) => role === 'wellbeing_lead' || role === 'admin');
  const teaches = new Set(me.teams.filter((t) => t.role === 'teacher').map((t) => t.teamId));
  const lead = me.roles.includes('wellbeing_lead');
  return {
    postTeams: teams.filter((team) => schoolWide || teaches.has(team.teamId)),
    schoolWide,
    checkinTeams: teams.filter((team) => lead || teaches.has(team.teamId)),
    schoolTrends: schoolWide,
    myCheckins: me.teams.some((t) => t.role === 'pupil'),
  };
}

/**
 * The school's set-up views. Only a hint for the navigation, like the rest: school roles for the
 * admin; the audit log for the admin, the DSL and deputies.
 */
export function schoolSections(me: Pick<MeResponse, 'roles'>): { roles: boolean; audit: boolean } {
  return {
    roles: me.roles.includes('admin'),
    audit: me.roles.some((role) => role === 'admin' || role === 'dsl' || role === 'deputy_dsl'),
  };
}
