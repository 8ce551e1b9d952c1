import type { SchoolStore } from '../../core/stores/school-store.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import type { DemoSchool } from './demo-school.js';

/**
 * First run of `npm start`: the demo school, its school roles, and Class 7B as if the bot had
 * been installed (the Playground's own install event then refreshes it). Safe to run again.
 */
export async function seedDemoSchool(
  deps: { schools: SchoolStore; teams: TeamStore },
  school: DemoSchool,
  now: Date,
  serviceUrl: string,
): Promise<{ seeded: boolean }> {
  if (await deps.schools.get(school.tenantId)) return { seeded: false };
  for (const person of school.people) {
    if (person.schoolRoles.length)
      await deps.schools.setRoles(school.tenantId, person.id, person.schoolRoles);
  }
  await deps.teams.recordInstall(
    school.tenantId,
    { teamId: school.team.id, name: school.team.name, serviceUrl, channels: school.team.channels },
    now,
  );
  for (const person of school.people) {
    if (person.classRole) {
      await deps.teams.addMember(school.tenantId, school.team.id, {
        userId: person.id,
        teamsId: person.teamsId,
        addedAt: now.toISOString(),
      });
    }
  }
  await deps.schools.setCalendar(school.tenantId, school.calendar);
  // Written last: its presence means the seed completed.
  await deps.schools.put({
    tenantId: school.tenantId,
    name: school.schoolName,
    timeZone: 'Europe/London',
    createdAt: now.toISOString(),
  });
  return { seeded: true };
}
