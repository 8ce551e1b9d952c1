import type { Access } from '../../core/access.js';
import { RotaService } from '../../core/rota/rota-service.js';
import type { RotaStore } from '../../core/rota/rota-store.js';
import { localDateOf } from '../../core/schedule/schedule.js';
import type { SchoolStore } from '../../core/stores/school-store.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import type { DemoSchool } from './demo-school.js';

/**
 * First run of `npm start`: the demo school, its school roles, and Class 7B as if the bot had
 * been installed (the Playground's own install event then refreshes it). Safe to run again.
 */
export async function seedDemoSchool(
  deps: { schools: SchoolStore; teams: TeamStore; rotas?: RotaStore },
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
  if (deps.rotas) await seedDemoRota({ ...deps, rotas: deps.rotas }, school, now);
  // Written last: its presence means the seed completed.
  await deps.schools.put({
    tenantId: school.tenantId,
    name: school.schoolName,
    timeZone: 'Europe/London',
    createdAt: now.toISOString(),
  });
  return { seeded: true };
}

/**
 * The ambassador rota for the term that is on (or next) at `now`, filled as if by the
 * coordinator, Mr Gareth Price. Nothing when the demo calendar has no term left.
 */
async function seedDemoRota(
  deps: { schools: SchoolStore; rotas: RotaStore },
  school: DemoSchool,
  now: Date,
): Promise<void> {
  const today = localDateOf(now, 'Europe/London');
  const term = school.calendar.terms.find((t) => t.end >= today);
  const coordinator = school.people.find((p) => p.kind === 'coordinator');
  if (!term || !coordinator) return;
  const access: Access = {
    tenantId: school.tenantId,
    userId: coordinator.id,
    schoolRoles: ['coordinator'],
    teams: [],
    roles: ['coordinator'],
  };
  const rota = new RotaService({ ...deps, clock: { now: () => now } });
  await rota.setSettings(access, {
    startDate: term.start,
    endDate: term.end,
    weekAB: false,
    maxPerWeek: school.rota.maxPerWeek,
  });
  await rota.setSlots(access, school.rota.slots);
  for (const { id, ...ambassador } of school.rota.ambassadors)
    await rota.upsertAmbassador(access, id, { ...ambassador, active: true });
  await rota.fill(access);
}
