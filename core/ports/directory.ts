import type { TeamRole } from '../roles.js';

/**
 * Who owns and who belongs to a class team. Activities don't carry team ownership (roster
 * `userRole` is only user/guest/anonymous), so teachers come from the directory: Microsoft Graph
 * in production, a fixture that mirrors the Agents Playground locally.
 */
export interface Directory {
  /** 'teacher' for team owners, 'pupil' for other members, undefined for non-members. */
  roleInTeam(tenantId: string, team: TeamRef, userId: string): Promise<TeamRole | undefined>;
  /**
   * People of the school whose display name matches `query` (at most `limit`), for the admin
   * choosing who holds a school role. Belong keeps no copy of the directory.
   */
  findPeople(tenantId: string, query: string, limit: number): Promise<DirectoryPerson[]>;
  /**
   * The pupils of a class team (Entra object ids), for its size; undefined when the directory
   * cannot say now (no group id, no consent, the team gone). Directories that cannot list a
   * team (unit tests' stand-ins) leave it out, and Belong counts the members it recorded.
   */
  pupilsOf?(tenantId: string, team: TeamRef): Promise<string[] | undefined>;
}

/** A person as the directory shows them: their Entra object id and display name. */
export interface DirectoryPerson {
  userId: string;
  displayName: string;
}

/** A class team as the directory needs it: Graph knows teams by their Microsoft 365 group id. */
export interface TeamRef {
  teamId: string;
  aadGroupId?: string;
}

/** Wall-clock time, injectable so schedules and expiry can be tested. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
