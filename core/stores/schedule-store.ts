import { isBelongError, isLostRace } from '../errors.js';
import type { Stored, TableStore } from '../ports/table-store.js';
import type { PlannedPost, Schedule, ScheduleInput } from '../schedule/schedule.js';

/** What became of one planned post. */
export interface ScheduledPost extends Record<string, unknown> {
  scheduleId: string;
  date: string;
  /** When it was due (ISO). */
  at: string;
  promptId: string;
  /** Where it was posted: a later edit to the schedule never moves a post already decided. */
  channelId: string;
  occurrenceId: string;
  /**
   * `queued`: handed to the delivery engine. `skipped`: not posted, and the teacher sees why —
   * `missed` (Belong was down for longer than the grace window), `teamRemoved`, `channelGone`,
   * `safeguardingNotReady` (a check-in while the school could not take talk requests).
   */
  status: 'queued' | 'skipped';
  reason?: 'missed' | 'teamRemoved' | 'channelGone' | 'safeguardingNotReady';
  decidedAt: string;
}

/**
 * Schedules of a school, in one partition (a school has hundreds, not millions), and the fate of
 * each planned post in a partition per schedule. The post record is written with insert-only, so
 * when two scheduler instances decide about the same post the first decision is the only one.
 */
export class ScheduleStore {
  constructor(private readonly store: TableStore) {}

  async create(
    tenantId: string,
    input: ScheduleInput,
    createdBy: string,
    now: Date,
    id: string = crypto.randomUUID(),
  ): Promise<Schedule> {
    const schedule: Schedule = {
      ...input,
      id,
      status: 'active',
      createdBy,
      createdAt: now.toISOString(),
      checkedUntil: now.toISOString(),
    };
    await this.store.insert('schedules', { tenantId, partition: 'all', row: id }, schedule);
    return schedule;
  }

  async get(tenantId: string, id: string): Promise<Stored<Schedule> | undefined> {
    return this.store.get<Schedule>('schedules', { tenantId, partition: 'all', row: id });
  }

  async list(tenantId: string): Promise<Stored<Schedule>[]> {
    return this.store.list<Schedule>('schedules', tenantId, 'all');
  }

  async listForTeam(tenantId: string, teamId: string): Promise<Schedule[]> {
    return (await this.list(tenantId)).map((s) => s.value).filter((s) => s.teamId === teamId);
  }

  /**
   * Replaces what an active schedule posts and when. Posts already decided keep their decision
   * (their occurrence ids are per date), so an edit never posts the same day twice.
   */
  async update(tenantId: string, id: string, input: ScheduleInput): Promise<Schedule | undefined> {
    for (;;) {
      const found = await this.get(tenantId, id);
      if (!found || found.value.status !== 'active') return found?.value;
      const next: Schedule = { ...found.value, ...input, id, teamId: found.value.teamId };
      try {
        await this.store.replace('schedules', found.key, next, found.etag);
        return next;
      } catch (e) {
        if (!isLostRace(e)) throw e;
      }
    }
  }

  /** Cancels an active schedule; returns it as it now is, or undefined if there is none. */
  async cancel(tenantId: string, id: string, by: string, now: Date): Promise<Schedule | undefined> {
    for (;;) {
      const found = await this.get(tenantId, id);
      if (!found) return undefined;
      if (found.value.status !== 'active') return found.value;
      const next: Schedule = {
        ...found.value,
        status: 'cancelled',
        cancelledAt: now.toISOString(),
        cancelledBy: by,
      };
      try {
        await this.store.replace('schedules', found.key, next, found.etag);
        return next;
      } catch (e) {
        if (!isLostRace(e)) throw e;
      }
    }
  }

  /**
   * Moves a schedule's cursor on after its posts up to `until` were dealt with. Returns false if
   * another instance changed the schedule meanwhile (it will be looked at again next tick).
   */
  async advance(stored: Stored<Schedule>, until: Date, ended: boolean): Promise<boolean> {
    const next: Schedule = {
      ...stored.value,
      checkedUntil: until.toISOString(),
      ...(ended && stored.value.status === 'active' ? { status: 'ended' as const } : {}),
    };
    try {
      await this.store.replace('schedules', stored.key, next, stored.etag);
      return true;
    } catch (e) {
      if (isLostRace(e)) return false;
      throw e;
    }
  }

  /** Records the decision about a post, unless one exists: the first decision stands and is returned. */
  async decide(
    tenantId: string,
    post: PlannedPost,
    channelId: string,
    decision: Pick<ScheduledPost, 'status' | 'reason'>,
    now: Date,
  ): Promise<ScheduledPost> {
    const record: ScheduledPost = {
      scheduleId: post.scheduleId,
      date: post.date,
      at: post.at.toISOString(),
      promptId: post.promptId,
      channelId,
      occurrenceId: post.occurrenceId,
      status: decision.status,
      ...(decision.reason ? { reason: decision.reason } : {}),
      decidedAt: now.toISOString(),
    };
    const key = { tenantId, partition: `posts:${post.scheduleId}`, row: post.date };
    try {
      await this.store.insert('schedules', key, record);
      return record;
    } catch (e) {
      if (!isBelongError(e, 'conflict')) throw e;
      return (await this.store.get<ScheduledPost>('schedules', key))!.value;
    }
  }

  async posts(tenantId: string, scheduleId: string): Promise<ScheduledPost[]> {
    return (await this.store.list<ScheduledPost>('schedules', tenantId, `posts:${scheduleId}`)).map(
      (p) => p.value,
    );
  }
}
