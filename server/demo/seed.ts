import type { Access } from '../../core/access.js';
import type { CheckinStore } from '../../core/checkin/checkin-store.js';
import type { Pseudonymiser } from '../../core/ports/pseudonymiser.js';
import { RotaService } from '../../core/rota/rota-service.js';
import type { RotaStore } from '../../core/rota/rota-store.js';
import { schoolDaysBetween, type SchoolCalendar } from '../../core/schedule/calendar.js';
import type { SchoolStore } from '../../core/stores/school-store.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import { demoCalendar } from './demo-calendar.js';
import type { DemoSchool } from './demo-school.js';
import { seedDemoCheckins } from './seed-checkins.js';
import { addDays, localDateOf } from '../../core/dates.js';

const timeZone = 'Europe/London';

export interface SeedOptions {
  /**
   * Also write a short history of Class 7B's daily mood check-ins (the last two school weeks,
   * closed and answered), for a demo with something to look at. Off unless asked for: suites that
   * count check-ins seed the demo school and bring their own.
   */
  checkinHistory?: boolean;
}

/**
 * First run of `npm start`: the demo school, its school roles, and Class 7B as if the bot had
 * been installed (the Playground's own install event then refreshes it), with a calendar built
 * around today (demo-calendar.ts) and a filled rota. Safe to run again: once the school record
 * is written, nothing is seeded again.
 */
export async function seedDemoSchool(
  deps: {
    schools: SchoolStore;
    teams: TeamStore;
    rotas?: RotaStore;
    checkins?: CheckinStore;
    pseudonyms?: Pseudonymiser;
  },
  school: DemoSchool,
  now: Date,
  serviceUrl: string,
  options: SeedOptions = {},
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
  const calendar = demoCalendar(localDateOf(now, timeZone));
  await deps.schools.setCalendar(school.tenantId, calendar);
  if (deps.rotas) await seedDemoRota({ ...deps, rotas: deps.rotas }, school, calendar, now);
  if (options.checkinHistory && deps.checkins && deps.pseudonyms) {
    await seedDemoCheckins(
      { checkins: deps.checkins, pseudonyms: deps.pseudonyms },
      school,
      calendar,
      now,
    );
  }
  // Written last: its presence means the seed completed.
  await deps.schools.put({
    tenantId: school.tenantId,
    name: school.schoolName,
    timeZone,
    createdAt: now.toISOString(),
  });
  return { seeded: true };
}

/**
 * The ambassador rota for the term that is on (or next) at `now`, filled as if by the
 * coordinator, Mr Gareth Price. Filling starts tomorrow, so on a term's last day it is the next
 * term's rota. Nothing when the calendar has no school day left after today.
 */
async function seedDemoRota(
  deps: { schools: SchoolStore; rotas: RotaStore },
  school: DemoSchool,
  calendar: SchoolCalendar,
  now: Date,
): Promise<void> {
  const tomorrow = addDays(localDateOf(now, timeZone), 1);
  const term = calendar.terms.find(
    (t) =>
      t.end >= tomorrow &&
      schoolDaysBetween(calendar, t.start > tomorrow ? t.start : tomorrow, t.end).length > 0,
  );
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
