/**
 * Roles a person can hold in Belong. School roles are assigned by the school admin and stored;
 * `teacher` and `pupil` are derived per class team from the directory (team owner / member),
 * never taken from the client.
 */
export const schoolRoles = [
  'admin',
  'dsl',
  'deputy_dsl',
  'wellbeing_lead',
  'coordinator',
  'ambassador',
] as const;
export type SchoolRole = (typeof schoolRoles)[number];

export const teamRoles = ['teacher', 'pupil'] as const;
export type TeamRole = (typeof teamRoles)[number];

export type Role = SchoolRole | TeamRole;

export function isSchoolRole(value: string): value is SchoolRole {
  return (schoolRoles as readonly string[]).includes(value);
}
