import type { Access } from '../../core/access.js';
import type { CheckinSettingsStore } from '../../core/checkin/checkin-settings.js';
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
import { seedDemoCmhw } from './seed-cmhw.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import type { ScheduleStore } from '../../core/stores/schedule-store.js';
import { addDays, localDateOf } from '../../core/dates.js';

const timeZone = 'Europe/London';

export interface SeedOptions {
  /**
   * The richer demo (decision 025): four more class teams beside 7B, every class with 25–30
   * pupils the directory knows (and a small nurture group), their year groups, and six school
   * weeks of closed check-ins in each (seed-checkins.ts), for a demo with trends to look at. Off
   * unless asked for: suites that count classes or check-ins seed the Playground's school only
   * and bring their own.
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
    checkinSettings?: CheckinSettingsStore;
    schedules?: ScheduleStore;
    deliveries?: DeliveryStore;
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
    await seedDemoClasses(deps, school, now, serviceUrl);
    await seedDemoCheckins(
      { checkins: deps.checkins, pseudonyms: deps.pseudonyms },
      school,
      calendar,
      now,
    );
    if (deps.schedules && deps.deliveries) {
      await seedDemoCmhw(
        { schedules: deps.schedules, deliveries: deps.deliveries, teams: deps.teams },
        school,
        localDateOf(now, timeZone),
      );
    }
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
 * The richer demo's class teams as if the bot had been installed in each (Class 7B is already),
 * their members as a roster would list them, and their year groups as the wellbeing lead would
 * set them.
 */
async function seedDemoClasses(
  deps: { teams: TeamStore; checkinSettings?: CheckinSettingsStore },
  school: DemoSchool,
  now: Date,
  serviceUrl: string,
): Promise<void> {
  for (const c of school.classes) {
    if (c.teamId !== school.team.id) {
      await deps.teams.recordInstall(
        school.tenantId,
        { teamId: c.teamId, name: c.name, serviceUrl, channels: c.channels },
        now,
      );
    }
    await Promise.all(
      [...c.teachers, ...c.pupils].map((p) =>
        deps.teams.addMember(school.tenantId, c.teamId, {
          userId: p.id,
          teamsId: p.teamsId,
          addedAt: now.toISOString(),
        }),
      ),
    );
  }
  if (deps.checkinSettings) {
    const settings = await deps.checkinSettings.get(school.tenantId);
    await deps.checkinSettings.put(school.tenantId, {
      ...settings,
      yearGroups: Object.fromEntries(school.classes.map((c) => [c.teamId, c.yearGroup])),
    });
  }
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
