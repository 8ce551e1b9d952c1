/**
 * The scheduler worker: turns due posts of active schedules into deliveries, exactly once, also
 * with several server instances ticking at the same time (decision 010). After downtime it posts
 * what was missed within the grace window and records older posts as skipped, for the teacher
 * to see.
 */
import { promptById } from '../../core/content/content.js';
import { plannedCmhwWeek } from '../../core/content/cmhw-plan.js';
import { isLostRace } from '../../core/errors.js';
import type { Clock } from '../../core/ports/directory.js';
import { errorName, type Logger } from '../../core/ports/logger.js';
import type { Stored } from '../../core/ports/table-store.js';
import {
  checkinTemplateOf,
  postsBetween,
  upcomingPosts,
  type PlanContext,
  type PlannedPost,
  type Schedule,
} from '../../core/schedule/schedule.js';
import type { ClassTeam } from '../../core/school.js';
import { emptyCalendar } from '../../core/schedule/calendar.js';
import { defaultTimeZone } from '../../core/schedule/schedule-service.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import type { ScheduleStore, ScheduledPost } from '../../core/stores/schedule-store.js';
import type { SchoolStore } from '../../core/stores/school-store.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import { enqueuePromptPost } from '../../bot/prompt-post.js';
import { isSafeguardingNotReady, type CheckinService } from '../../core/checkin/checkin-service.js';
import type { TrendsService } from '../../core/checkin/trends-service.js';
import { TickLoop } from '../tick-loop.js';

export interface SchedulerDeps {
  schedules: ScheduleStore;
  schools: SchoolStore;
  teams: TeamStore;
  deliveries: DeliveryStore;
  clock: Clock;
  log: Logger;
  tenants: readonly string[];
  tickMs: number;
  graceMs: number;
  /** Check-ins to close when their time is up, and raw answers to purge after retention. */
  checkins?: CheckinService;
  retentionDays?: number;
  /** Warmed after check-ins close, so staff don't wait for the first trends. */
  trends?: Pick<TrendsService, 'warm'>;
}

/** Purging raw answers is a daily job; an instance looks at most this often. */
const purgeEveryMs = 60 * 60_000;

export class Scheduler {
  readonly #loop: TickLoop;

  constructor(private readonly deps: SchedulerDeps) {
    this.#loop = new TickLoop(() => this.tickAll(), deps.tickMs);
  }

  start(): void {
    this.#loop.start();
  }

  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  async tickAll(): Promise<void> {
    for (const tenantId of this.deps.tenants) {
      try {
        await this.tick(tenantId);
      } catch (e) {
        this.deps.log.error('scheduler.tickFailed', { error: errorName(e) });
      }
      await this.#checkins(tenantId).catch((e: unknown) =>
        this.deps.log.error('scheduler.checkinsFailed', { error: errorName(e) }),
      );
    }
  }

  readonly #lastPurge = new Map<string, number>();

  /** Closes check-ins whose time is up; once an hour, purges raw answers past retention. */
  async #checkins(tenantId: string): Promise<void> {
    const { checkins, clock, log } = this.deps;
    if (!checkins) return;
    const closed = await checkins.closeDue(tenantId);
    if (closed) {
      log.info('checkin.closed', { count: closed });
      void this.deps.trends
        ?.warm(tenantId)
        .catch((e: unknown) => log.warn('checkin.trendsWarmFailed', { error: errorName(e) }));
    }
    const now = clock.now().getTime();
    if (now - (this.#lastPurge.get(tenantId) ?? -Infinity) < purgeEveryMs) return;
    this.#lastPurge.set(tenantId, now);
    const purged = await checkins.purge(tenantId, this.deps.retentionDays ?? 90);
    if (purged) log.info('checkin.purged', { count: purged });
  }

  /** One pass over a school's active schedules. Safe to run anywhere, any number of times. */
  async tick(tenantId: string): Promise<void> {
    const { schools, schedules, clock } = this.deps;
    const [school, calendar, all] = await Promise.all([
      schools.get(tenantId),
      schools.calendar(tenantId),
      schedules.list(tenantId),
    ]);
    const ctx: PlanContext = { calendar, timeZone: school?.timeZone ?? defaultTimeZone };
    const now = clock.now();
    // Asked once a pass, and only when a check-in is due.
    let ready: Promise<boolean> | undefined;
    const checkinsReady = () =>
      (ready ??= this.deps.checkins?.ready(tenantId) ?? Promise.resolve(true));
    const teams = new Map<string, ClassTeam | undefined>();
    for (const stored of all) {
      const schedule = stored.value;
      if (schedule.status !== 'active' || new Date(schedule.checkedUntil) >= now) continue;
      if (!teams.has(schedule.teamId))
        teams.set(schedule.teamId, await this.deps.teams.get(tenantId, schedule.teamId));
      // One schedule's failure must not hold up the rest of the school's posts.
      await this.#run(tenantId, stored, ctx, now, teams.get(schedule.teamId), checkinsReady).catch(
        (e: unknown) => this.deps.log.error('scheduler.scheduleFailed', { error: errorName(e) }),
      );
    }
  }

  async #run(
    tenantId: string,
    stored: Stored<Schedule>,
    ctx: PlanContext,
    now: Date,
    team: ClassTeam | undefined,
    checkinsReady: () => Promise<boolean>,
  ): Promise<void> {
    let schedule = stored.value;
    const due = postsBetween(schedule, ctx, new Date(schedule.checkedUntil), now);
    if (due.length) {
      // Read it again just before deciding: a teacher may have cancelled or changed it meanwhile.
      const fresh = await this.deps.schedules.get(tenantId, schedule.id);
      if (!fresh || fresh.value.status !== 'active') return;
      stored = fresh;
      schedule = fresh.value;
    }
    for (const post of postsBetween(schedule, ctx, new Date(schedule.checkedUntil), now)) {
      let decision = this.#decide(schedule, post, now, team);
      // A check-in asks children how they feel: it is not sent while nobody can be reached when
      // a child asks for help. Skipped for good, never posted late once the school is ready.
      if (
        decision.status === 'queued' &&
        checkinTemplateOf(post.promptId) &&
        !(await checkinsReady())
      )
        decision = { status: 'skipped', reason: 'safeguardingNotReady' };
      const record = await this.deps.schedules.decide(
        tenantId,
        post,
        schedule.channelId,
        decision,
        now,
      );
      // The record may be an earlier decision (another instance's, or before an edit): follow
      // it, channel and prompt included, so a day is never posted twice or in two places.
      if (record.status === 'queued' && team)
        await this.#enqueue(tenantId, schedule, record, team, now);
      this.deps.log.info(`scheduler.post.${record.reason ?? record.status}`);
    }
    // Ended only when its dates are over: a calendar that is edited later (next year's terms, a
    // mistyped closure put right) must not end a schedule for good.
    const ended =
      upcomingPosts(schedule, { calendar: emptyCalendar(), timeZone: ctx.timeZone }, now, 1)
        .length === 0;
    await this.deps.schedules.advance(stored, now, ended).catch((e: unknown) => {
      if (!isLostRace(e)) throw e;
    });
  }

  #decide(
    schedule: Schedule,
    post: PlannedPost,
    now: Date,
    team: ClassTeam | undefined,
  ): Pick<ScheduledPost, 'status' | 'reason'> {
    if (!team || team.removedAt) return { status: 'skipped', reason: 'teamRemoved' };
    if (!team.channels.some((c) => c.id === schedule.channelId))
      return { status: 'skipped', reason: 'channelGone' };
    if (now.getTime() - post.at.getTime() > this.deps.graceMs)
      return { status: 'skipped', reason: 'missed' };
    return { status: 'queued' };
  }

  async #enqueue(
    tenantId: string,
    schedule: Schedule,
    post: ScheduledPost,
    team: ClassTeam,
    now: Date,
  ): Promise<void> {
    const locale = schedule.locale ?? 'en-GB';
    const templateId = checkinTemplateOf(post.promptId);
    if (templateId) {
      if (!this.deps.checkins) return;
      const phase = schedule.content.kind === 'checkin' ? schedule.content.phase : 'primary';
      try {
        await this.deps.checkins.postScheduled(
          tenantId,
          team,
          { channelId: post.channelId, templateId, phase, locale },
          post.occurrenceId,
        );
      } catch (e) {
        // The school stopped being ready after the decision (or this follows an older one): not
        // sent, and not retried either, so it never goes out late.
        if (!isSafeguardingNotReady(e)) throw e;
        this.deps.log.warn('scheduler.post.safeguardingNotReady');
      }
      return;
    }
    const prompt = promptById(post.promptId);
    if (!prompt) return;
    const week =
      schedule.content.kind === 'cmhw'
        ? plannedCmhwWeek(schedule.content.year, schedule.content)
        : undefined;
    const day = week
      ? Math.round((Date.parse(post.date) - Date.parse(week.startDate)) / 864e5) + 1
      : 0;
    await enqueuePromptPost(
      this.deps.deliveries,
      tenantId,
      {
        occurrenceId: post.occurrenceId,
        team,
        channelId: post.channelId,
        prompt,
        locale,
        ...(week ? { cmhw: { week, day } } : {}),
        when: post.date,
      },
      now,
    );
  }
}
