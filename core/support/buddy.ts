/**
 * Buddy requests (issue 17): a pupil asks for a buddy at a break or lunch — fixed choices, no
 * free text. It goes to the wellbeing ambassadors on duty then (from the rota), with the pupil's
 * first name and class only, or to the coordinators when nobody on duty can be messaged. A buddy
 * request is not a worry: the buddy card always offers "talk to a trusted adult" as well, and
 * ambassadors never see talk requests or check-in data.
 */
import { resolveAccess } from '../access.js';
import { localDateOf } from '../dates.js';
import type { DeliveryContent } from '../delivery/index.js';
import { BelongError, isBelongError } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import type { Clock, Directory } from '../ports/directory.js';
import type { Logger } from '../ports/logger.js';
import type { TableStore } from '../ports/table-store.js';
import type { DutyView, PersonNames } from '../rota/index.js';
import { personalTarget, type PersonalConversation } from '../school.js';
import { defaultTimeZone } from '../schedule/index.js';
import type { DeliveryStore } from '../stores/delivery-store.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import { nextSchoolTime } from './talk.js';
import type { TalkStore } from './talk-store.js';

/** The choices a pupil has: the periods with ambassadors on duty on the next school day. */
export interface BuddyChoices {
  date: string;
  /** True when `date` is today (school is on or about to start). */
  today: boolean;
  periods: { periodId: string; placeIds: string[] }[];
}

export interface BuddyNotice {
  firstName: string;
  classNames: string[];
  date: string;
  periodId: string;
  placeIds: string[];
  /** The coordinator's version: nobody on duty could be messaged. */
  toCoordinator: boolean;
}

export interface BuddyRenderer {
  notice(view: BuddyNotice, locale: Locale): DeliveryContent;
}

export type BuddyOutcome =
  | { kind: 'notPupil' }
  /** Nobody (ambassador or coordinator) can be messaged: the pupil is told to find an adult. */
  | { kind: 'unavailable' }
  | { kind: 'sent' | 'already'; date: string; periodId: string; today: boolean };

export interface BuddyDeps {
  talks: TalkStore;
  store: TableStore;
  onDuty: (tenantId: string, date: string) => Promise<DutyView[]>;
  schools: SchoolStore;
  teams: TeamStore;
  directory: Directory;
  deliveries: DeliveryStore;
  names: PersonNames;
  clock: Clock;
  log: Logger;
  render: BuddyRenderer;
}

const maxPeriodId = 60;

export class BuddyService {
  constructor(private readonly deps: BuddyDeps) {}

  /** The next school day's periods with someone on duty (today's, while school is on). */
  async choices(tenantId: string): Promise<BuddyChoices> {
    const now = this.deps.clock.now();
    const [school, calendar, settings] = await Promise.all([
      this.deps.schools.get(tenantId),
      this.deps.schools.calendar(tenantId),
      this.deps.talks.settings(tenantId),
    ]);
    const timeZone = school?.timeZone ?? defaultTimeZone;
    const when = nextSchoolTime(now, { calendar, timeZone, settings });
    const date = localDateOf(when, timeZone);
    const duties = await this.deps.onDuty(tenantId, date);
    const periods = new Map<string, string[]>();
    for (const d of duties)
      periods.set(d.periodId, [...(periods.get(d.periodId) ?? []), d.placeId]);
    return {
      date,
      today: date === localDateOf(now, timeZone),
      periods: [...periods].map(([periodId, placeIds]) => ({ periodId, placeIds })),
    };
  }

  /** A pupil asks for a buddy at one of the offered periods; asking twice for it changes nothing. */
  async ask(
    tenantId: string,
    pupilId: string,
    periodId: string,
    locale: Locale,
  ): Promise<BuddyOutcome> {
    if (!periodId || periodId.length > maxPeriodId)
      throw new BelongError('invalidInput', 'Choose a break or lunch', ['period']);
    const access = await resolveAccess(this.deps, tenantId, pupilId);
    const classes = access.teams.filter((t) => t.role === 'pupil').map((t) => t.team);
    if (!classes.length) return { kind: 'notPupil' };
    const choices = await this.choices(tenantId);
    const period = choices.periods.find((p) => p.periodId === periodId);
    if (!period) throw new BelongError('invalidInput', 'That break is not on offer', ['period']);
    const now = this.deps.clock.now();
    const key = { tenantId, partition: `buddy:${choices.date}`, row: `${pupilId}|${periodId}` };
    const outcome = { date: choices.date, periodId, today: choices.today };
    if (await this.deps.store.get('support', key)) return { kind: 'already', ...outcome };

    const onDuty = (await this.deps.onDuty(tenantId, choices.date)).filter(
      (d) => d.periodId === periodId,
    );
    const ambassadors = [...new Set(onDuty.flatMap((d) => d.ambassadorIds))];
    let targets = await this.#reachable(tenantId, ambassadors);
    const toCoordinator = targets.length === 0;
    if (toCoordinator) {
      const coordinators = (await this.deps.schools.listRoleHolders(tenantId))
        .filter((h) => h.roles.includes('coordinator'))
        .map((h) => h.userId);
      targets = await this.#reachable(tenantId, coordinators);
    }
    if (!targets.length) return { kind: 'unavailable' };
    try {
      await this.deps.store.insert('support', key, { askedAt: now.toISOString() });
    } catch (e) {
      if (isBelongError(e, 'conflict')) return { kind: 'already', ...outcome };
      throw e;
    }
    const name = (await this.deps.names.displayName(tenantId, pupilId)) ?? '';
    const notice: BuddyNotice = {
      firstName: name.split(' ')[0] ?? '',
      classNames: classes.map((c) => c.name),
      date: choices.date,
      periodId,
      placeIds: onDuty.map((d) => d.placeId),
      toCoordinator,
    };
    await this.deps.deliveries.enqueue(
      tenantId,
      { id: `buddy:${choices.date}:${pupilId}:${periodId}`, label: 'Buddy request' },
      targets.map(({ userId, chat }) => ({
        targetKey: userId,
        target: personalTarget(chat),
        content: this.deps.render.notice(notice, locale),
      })),
      now,
    );
    this.deps.log.info('buddy.requested', { count: targets.length });
    return { kind: 'sent', ...outcome };
  }

  async #reachable(
    tenantId: string,
    userIds: string[],
  ): Promise<{ userId: string; chat: PersonalConversation }[]> {
    const found = await Promise.all(
      userIds.map(async (userId) => ({
        userId,
        chat: await this.deps.teams.personalConversation(tenantId, userId),
      })),
    );
    return found.filter((f): f is { userId: string; chat: PersonalConversation } => !!f.chat);
  }
}
