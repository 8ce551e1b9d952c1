/**
 * A class's check-ins as its teachers and the wellbeing lead see them in the tab: what was posted
 * and when it closes, never answers, counts or who answered; and the check made before a check-in
 * is posted from the tab (404 for an unknown class before 403, both before the body is read).
 */
import type { Access } from '../access.js';
import { BelongError } from '../errors.js';
import type { Clock } from '../ports/directory.js';
import { defaultTimeZone, maySchedule } from '../schedule/index.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import type { SafeguardingReadiness } from './checkin-service.js';
import type { CheckinStore } from './checkin-store.js';
import type { CheckinTemplateId } from './templates.js';
import { mayReadClassTrends } from './trends-service.js';

export interface ClassCheckinView {
  checkinId: string;
  templateId: CheckinTemplateId;
  date: string;
  closesAt: string;
  timeZone: string;
  open: boolean;
}

export interface ClassCheckinsView {
  /** Whether a check-in can be posted at all (the school can take talk requests). */
  ready: boolean;
  /** The newest 50, newest first. */
  checkins: ClassCheckinView[];
}

export interface ClassCheckinsDeps {
  teams: TeamStore;
  schools: SchoolStore;
  checkins: CheckinStore;
  safeguarding: SafeguardingReadiness;
  clock: Clock;
}

export class ClassCheckins {
  constructor(private readonly deps: ClassCheckinsDeps) {}

  /** 404 unless the class team exists, then 403 unless the person may post a check-in into it. */
  async mayPost(access: Access, teamId: string): Promise<void> {
    await this.#teamOr404(access.tenantId, teamId);
    if (!maySchedule(access, teamId)) {
      throw new BelongError('forbidden', 'Only teachers of this class can post a check-in');
    }
  }

  /** The class's recent check-ins, for its teachers and the wellbeing lead. */
  async list(access: Access, teamId: string): Promise<ClassCheckinsView> {
    await this.#teamOr404(access.tenantId, teamId);
    if (!mayReadClassTrends(access, teamId)) {
      throw new BelongError('forbidden', 'Only teachers of this class and the wellbeing lead');
    }
    const now = this.deps.clock.now().getTime();
    const [list, ready, school] = await Promise.all([
      this.deps.checkins.listForClass(access.tenantId, teamId),
      this.deps.safeguarding.ready(access.tenantId),
      this.deps.schools.get(access.tenantId),
    ]);
    // Closing times are shown in the school's time zone, wherever the reader is.
    const timeZone = school?.timeZone ?? defaultTimeZone;
    return {
      ready,
      checkins: list
        .slice(-50)
        .reverse()
        .map((e) => ({
          checkinId: e.checkinId,
          templateId: e.templateId,
          date: e.date,
          closesAt: e.closesAt,
          timeZone,
          open: Date.parse(e.closesAt) > now,
        })),
    };
  }

  /** The class team, if it exists: 404 before anything else is said about it. */
  async #teamOr404(tenantId: string, teamId: string): Promise<void> {
    if (!(await this.deps.teams.get(tenantId, teamId)))
      throw new BelongError('notFound', 'No such class team');
  }
}
