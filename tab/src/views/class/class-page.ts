/**
 * What the class page (the channel tab, `#/class`) shows a person, as a pure function of who they
 * are and which class it is. Only a hint, like the navigation: the server decides who may do what.
 */
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { connectSections } from '../home/sections.js';

/** The staff parts of a class page. */
export type ClassPart = 'posts' | 'checkins';

export type ClassPageView =
  /** No class in the Teams context or the route: the classes this person has a page for. */
  | { kind: 'choose'; teams: ClassTeamView[] }
  /** A teacher (or the wellbeing lead, or the admin for posts): the parts they may use. */
  | { kind: 'staff'; team: ClassTeamView; parts: ClassPart[]; postTeams: ClassTeamView[] }
  /** A pupil of the class: their own check-ins for it, and asking to talk. */
  | { kind: 'pupil'; team: ClassTeamView }
  /** A class this person may see but has no part in (the DSL, a coordinator…). */
  | { kind: 'notYours'; team: ClassTeamView }
  /** Not among the classes this person can see: ask the server whether it is someone else's. */
  | { kind: 'lookup'; teamId: string };

/** The classes this person has a class page for: their own, and those they plan or read for. */
export function classPageTeams(
  me: Pick<MeResponse, 'roles' | 'teams'>,
  teams: readonly ClassTeamView[],
): ClassTeamView[] {
  const sections = connectSections(me, teams);
  const has = (list: readonly ClassTeamView[], id: string) => list.some((t) => t.teamId === id);
  return teams.filter(
    (team) =>
      me.teams.some((m) => m.teamId === team.teamId) ||
      has(sections.postTeams, team.teamId) ||
      has(sections.checkinTeams, team.teamId),
  );
}

export function classPageView(
  me: Pick<MeResponse, 'roles' | 'teams'>,
  teams: readonly ClassTeamView[],
  teamId: string | undefined,
): ClassPageView {
  const sections = connectSections(me, teams);
  const has = (list: readonly ClassTeamView[], id: string) => list.some((t) => t.teamId === id);
  if (!teamId) return { kind: 'choose', teams: classPageTeams(me, teams) };
  const team = teams.find((candidate) => candidate.teamId === teamId);
  if (!team) return { kind: 'lookup', teamId };
  const parts: ClassPart[] = [
    ...(has(sections.postTeams, teamId) ? ['posts' as const] : []),
    ...(has(sections.checkinTeams, teamId) ? ['checkins' as const] : []),
  ];
  if (parts.length > 0) {
    return { kind: 'staff', team, parts, postTeams: [team].filter(() => parts.includes('posts')) };
  }
  if (me.teams.some((m) => m.teamId === teamId && m.role === 'pupil'))
    return { kind: 'pupil', team };
  return { kind: 'notYours', team };
}
