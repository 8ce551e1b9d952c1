/**
 * What teachers and the wellbeing lead do with schedules, shared by the bot and the tab API so
 * both apply the same checks and the same permissions.
 */
import type { Access } from '../access.js';
import { hasRole } from '../access.js';
import { BelongError } from '../errors.js';
import type { Clock } from '../ports/directory.js';
import type { ClassTeam } from '../school.js';
import type { ScheduleStore, ScheduledPost } from '../stores/schedule-store.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import type { KeyStage } from '../content/index.js';
import { checkCalendar, type SchoolCalendar } from './calendar.js';
import { classKeyStage, proposedPostDate, usualPostingTime } from './defaults.js';
import { inputProblems } from './problems.js';
import {
  checkSchedule,
  upcomingPosts,
  type PlanContext,
  type PlannedPost,
  type Schedule,
  type ScheduleInput,
} from './schedule.js';

export const defaultTimeZone = 'Europe/London';

export interface ScheduleView {
  schedule: Schedule;
  channelName: string;
  /** The next few posts, with when they go out. */
  upcoming: { date: string; at: string; promptId: string; occurrenceId: string }[];
  /** What became of past posts, newest first: queued (see delivery progress) or skipped and why. */
  recent: ScheduledPost[];
}

export interface ScheduleServiceDeps {
  schedules: ScheduleStore;
  schools: SchoolStore;
  teams: TeamStore;
  clock: Clock;
}

/** Teachers of the class, or the wellbeing lead and admin for any class. */
export function maySchedule(access: Access, teamId: string): boolean {
  return (
    hasRole(access, 'wellbeing_lead', 'admin') ||
    access.teams.some((t) => t.role === 'teacher' && t.team.teamId === teamId)
  );
}

export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  async planContext(tenantId: string): Promise<PlanContext> {
    const [school, calendar] = await Promise.all([
      this.deps.schools.get(tenantId),
      this.deps.schools.calendar(tenantId),
    ]);
    return { calendar, timeZone: school?.timeZone ?? defaultTimeZone };
  }

  /** The school's usual posting time (its active schedules' most common), for a form's default. */
  async usualTime(tenantId: string): Promise<string> {
    return usualPostingTime((await this.deps.schedules.list(tenantId)).map((s) => s.value));
  }

  /** The next school day at the school's usual time (never a time already gone). */
  async proposedPost(tenantId: string): Promise<{ date: string; time: string }> {
    const [ctx, time] = await Promise.all([this.planContext(tenantId), this.usualTime(tenantId)]);
    return { date: proposedPostDate(ctx, this.deps.clock.now(), time), time };
  }

  /** The class's key stage: its year group's, else the one this person last chose there. */
  async classKeyStage(
    access: Access,
    teamId: string,
    yearGroup: string | undefined,
  ): Promise<KeyStage | undefined> {
    const schedules = await this.deps.schedules.listForTeam(access.tenantId, teamId);
    return classKeyStage(yearGroup, schedules, access.userId);
  }

  /** The school's terms and closures, for staff (anyone but a pupil or an ambassador). */
  async calendarFor(access: Access): Promise<PlanContext> {
    const staff =
      access.schoolRoles.some((r) => r !== 'ambassador') ||
      access.teams.some((t) => t.role === 'teacher');
    if (!staff) throw new BelongError('forbidden', 'The school calendar is for staff');
    return this.planContext(access.tenantId);
  }

  /** Replaces the school's calendar (the wellbeing lead or admin), stamped with who and when. */
  async setCalendar(access: Access, input: SchoolCalendar): Promise<SchoolCalendar> {
    if (!hasRole(access, 'wellbeing_lead', 'admin'))
      throw new BelongError('forbidden', 'You don’t have the role this needs');
    const stored = {
      ...checkCalendar(input),
      updatedAt: this.deps.clock.now().toISOString(),
      updatedBy: access.userId,
    };
    await this.deps.schools.setCalendar(access.tenantId, stored);
    return stored;
  }

  /** The class team, if the person may schedule into it: 404 / 403 otherwise. */
  async teamFor(access: Access, teamId: string): Promise<ClassTeam> {
    const team = await this.deps.teams.get(access.tenantId, teamId);
    if (!team || team.removedAt)
      throw new BelongError('notFound', 'There is no class team with that id');
    if (!maySchedule(access, teamId))
      throw new BelongError('forbidden', 'Only the class’s teachers can schedule posts here');
    return team;
  }

  /** Checks every input first; stores all of them or none. */
  async createMany(
    access: Access,
    inputs: ScheduleInput[],
  ): Promise<{ schedule: Schedule; next: PlannedPost | undefined }[]> {
    const ctx = await this.planContext(access.tenantId);
    const now = this.deps.clock.now();
    const checked: ScheduleInput[] = [];
    // Classes already running a CMHW week, as "team|year": read once for the whole plan.
    let plannedWeeks: Set<string> | undefined;
    for (const input of inputs) {
      const team = await this.teamFor(access, input.teamId);
      checked.push(checkSchedule(input, { ...ctx, now, channels: team.channels }));
      const { content } = input;
      if (content.kind === 'cmhw') {
        plannedWeeks ??= new Set(
          (await this.deps.schedules.list(access.tenantId)).flatMap(({ value: s }) =>
            s.status === 'active' && s.content.kind === 'cmhw'
              ? [`${s.teamId}|${s.content.year}`]
              : [],
          ),
        );
        // The same week twice in one class would post every day twice.
        if (plannedWeeks.has(`${input.teamId}|${content.year}`))
          throw inputProblems(['cmhwAlready']);
      }
    }
    const created = [];
    for (const input of checked) {
      const schedule = await this.deps.schedules.create(access.tenantId, input, access.userId, now);
      created.push({ schedule, next: upcomingPosts(schedule, ctx, now, 1)[0] });
    }
    return created;
  }

  async create(access: Access, input: ScheduleInput) {
    return (await this.createMany(access, [input]))[0]!;
  }

  /** Changes an active schedule of the class; a cancelled or ended one can't be changed. */
  async update(
    access: Access,
    scheduleId: string,
    input: ScheduleInput,
  ): Promise<{ schedule: Schedule; next: PlannedPost | undefined }> {
    const team = await this.teamFor(access, input.teamId);
    const found = await this.#ofTeam(access, input.teamId, scheduleId);
    if (found.status !== 'active')
      throw new BelongError('conflict', 'This schedule has ended or was cancelled');
    const ctx = await this.planContext(access.tenantId);
    const now = this.deps.clock.now();
    const unchangedStart =
      found.repeat.kind === 'daily' || found.repeat.kind === 'weekly'
        ? found.repeat.start
        : undefined;
    checkSchedule(input, {
      ...ctx,
      now,
      channels: team.channels,
      ...(unchangedStart ? { unchangedStart } : {}),
    });
    const schedule = (await this.deps.schedules.update(access.tenantId, scheduleId, input))!;
    if (schedule.status !== 'active')
      throw new BelongError('conflict', 'This schedule has ended or was cancelled');
    return { schedule, next: upcomingPosts(schedule, ctx, now, 1)[0] };
  }

  async #ofTeam(access: Access, teamId: string, scheduleId: string): Promise<Schedule> {
    const found = await this.deps.schedules.get(access.tenantId, scheduleId);
    if (!found || found.value.teamId !== teamId)
      throw new BelongError('notFound', 'There is no schedule with that id in this class');
    return found.value;
  }

  async cancel(access: Access, teamId: string, scheduleId: string): Promise<Schedule> {
    await this.teamFor(access, teamId);
    await this.#ofTeam(access, teamId, scheduleId);
    return (await this.deps.schedules.cancel(
      access.tenantId,
      scheduleId,
      access.userId,
      this.deps.clock.now(),
    ))!;
  }

  /** A class's schedules, newest first, active ones before the rest. */
  async list(access: Access, teamId: string, upcomingCount = 5): Promise<ScheduleView[]> {
    const team = await this.teamFor(access, teamId);
    const ctx = await this.planContext(access.tenantId);
    const now = this.deps.clock.now();
    const schedules = await this.deps.schedules.listForTeam(access.tenantId, teamId);
    schedules.sort(
      (a, b) =>
        Number(b.status === 'active') - Number(a.status === 'active') ||
        b.createdAt.localeCompare(a.createdAt),
    );
    return Promise.all(
      schedules.map(async (schedule) => ({
        schedule,
        channelName: team.channels.find((c) => c.id === schedule.channelId)?.name ?? '',
        upcoming:
          schedule.status === 'active'
            ? upcomingPosts(schedule, ctx, now, upcomingCount).map((p) => ({
                date: p.date,
                at: p.at.toISOString(),
                promptId: p.promptId,
                occurrenceId: p.occurrenceId,
              }))
            : [],
        recent: (await this.deps.schedules.posts(access.tenantId, schedule.id))
          .reverse()
          .slice(0, 10),
      })),
    );
  }
}
