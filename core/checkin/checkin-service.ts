/**
 * Check-ins as a teacher, a pupil and the worker see them: post one into a class channel, show
 * each person their own view of the card, take answers, close, and purge raw answers after the
 * retention period. Cards are built at the edge (bot/): this service is handed a renderer.
 */
import type { Access } from '../access.js';
import type { Phase } from '../content/index.js';
import type { DeliveryContent } from '../delivery/index.js';
import { BelongError, isBelongError } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import type { Clock, Directory } from '../ports/directory.js';
import type { Pseudonymiser } from '../ports/pseudonymiser.js';
import { defaultTimeZone, maySchedule } from '../schedule/index.js';
import type { ClassTeam, TeamMember } from '../school.js';
import type { DeliveryStore } from '../stores/delivery-store.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import { checkAnswer, isClosed, type Answer, type AnswerValue, type Checkin } from './checkin.js';
import type { CheckinStore } from './checkin-store.js';
import { checkinTemplate, type CheckinTemplateId } from './templates.js';
import { addDays, instantOf, localDateOf } from '../dates.js';

/** Check-ins close at this school-local time on their last day. */
export const closingTime = '17:00';
/** Teams refreshes a card automatically for at most 60 named users. */
export const maxRefreshUsers = 60;
export const defaultRetentionDays = 90;
/**
 * How long a check-in's card may wait in the outbox for the check-in to be written (a step of
 * milliseconds); a card still held then is given up: its post crashed half way (issue 21).
 */
export const postHoldMs = 10 * 60_000;
export const minRetentionDays = 7;

/** What one person sees on a check-in card. */
export type CheckinView =
  | { kind: 'unknown' }
  | { kind: 'closed'; checkin: Checkin }
  /** Staff and anyone not a pupil of the class: "this is for pupils". */
  | { kind: 'notPupil'; checkin: Checkin }
  /** A pupil who hasn't answered, or is changing their answer (then `answer` is the current one). */
  | { kind: 'form'; checkin: Checkin; answer?: AnswerValue; problem?: 'noAnswer' }
  /** A pupil's own answer; `first` when they have just answered this check-in for the first time. */
  | { kind: 'answered'; checkin: Checkin; answer: AnswerValue; first: boolean };

/** Builds the activities the engine posts. Given by the bot, which owns the cards. */
export interface CheckinRenderer {
  /** The card everyone sees when it is posted; `refreshUserIds` get their own view automatically. */
  posted(checkin: Checkin, refreshUserIds: string[]): DeliveryContent;
  /** The card after closing, for everyone. */
  closed(checkin: Checkin): DeliveryContent;
}

/**
 * Whether the school can take talk requests: at least two safeguarding adults (the DSL or deputies)
 * Belong can message. Given by the composition root (TalkService.readiness), so check-ins need
 * not know how talk requests work.
 */
export interface SafeguardingReadiness {
  ready(tenantId: string): Promise<boolean>;
}

/** The refusal of a check-in while the school is not ready (see `CheckinService.ready`). */
export const isSafeguardingNotReady = (e: unknown): e is BelongError =>
  isBelongError(e, 'conflict') && !!e.problems?.includes('safeguardingNotReady');

export interface CheckinDeps {
  schools: SchoolStore;
  teams: TeamStore;
  directory: Directory;
  deliveries: DeliveryStore;
  clock: Clock;
  pseudonyms: Pseudonymiser;
  checkins: CheckinStore;
  render: CheckinRenderer;
  safeguarding: SafeguardingReadiness;
}

export interface PostCheckin {
  teamId: string;
  channelId: string;
  templateId: CheckinTemplateId;
  phase: Phase;
  locale: Locale;
  /** The class roster if the caller has just read it from Teams; else the members Belong recorded. */
  roster?: readonly TeamMember[];
}

/** One of a pupil's own answers, for "My check-ins". */
export interface MyCheckin {
  checkinId: string;
  /** The class team it was posted in (the class tab shows only that class's). */
  teamId: string;
  teamName: string;
  templateId: CheckinTemplateId;
  phase: Phase;
  date: string;
  open: boolean;
  answer: AnswerValue;
}

/** How many of their own check-ins a pupil sees at most. */
const maxHistory = 100;

export const checkinOccurrenceId = (checkinId: string) => `checkin:${checkinId}`;
export const checkinCloseOccurrenceId = (checkinId: string) => `checkin-close:${checkinId}`;

/**
 * The pupil check runs on every answer, so the class team it needs is read once per team and
 * kept this long (a team's id and group id don't change; a newly installed team is never cached
 * as missing).
 */
const teamCacheMs = 60_000;
const maxCachedTeams = 2_000;

export class CheckinService {
  readonly #teams = new Map<string, { team: Promise<ClassTeam | undefined>; until: number }>();

  constructor(private readonly deps: CheckinDeps) {}

  /**
   * Whether check-ins may go out in this school (issue 17). A check-in asks children how they
   * feel; it waits until a child who asks for help can reach an adult: until the school can take
   * talk requests.
   */
  async ready(tenantId: string): Promise<boolean> {
    return this.deps.safeguarding.ready(tenantId);
  }

  /** Posts a check-in now, through the delivery engine. Teachers of the class, the lead and admin. */
  async post(access: Access, input: PostCheckin): Promise<Checkin> {
    const { tenantId } = access;
    const team = await this.deps.teams.get(tenantId, input.teamId);
    if (!team || team.removedAt) throw new BelongError('notFound', 'class team not found');
    if (!maySchedule(access, team.teamId)) {
      throw new BelongError('forbidden', 'only teachers of the class may post a check-in');
    }
    await this.#refuseUnlessReady(tenantId);
    return this.#create(tenantId, team, input, crypto.randomUUID());
  }

  /**
   * A scheduled check-in, from the scheduler (the schedule was checked when it was made). The id
   * comes from the planned post, so two scheduler instances create and post it once. The
   * scheduler asks `ready` first and skips the post with its reason; this refusal is the rule
   * itself, for a school that stopped being ready in between.
   */
  async postScheduled(
    tenantId: string,
    team: ClassTeam,
    input: Omit<PostCheckin, 'teamId' | 'roster'>,
    occurrenceId: string,
  ): Promise<Checkin> {
    await this.#refuseUnlessReady(tenantId);
    return this.#create(tenantId, team, { ...input, teamId: team.teamId }, `s-${occurrenceId}`);
  }

  async #refuseUnlessReady(tenantId: string): Promise<void> {
    if (!(await this.ready(tenantId))) {
      throw new BelongError(
        'conflict',
        'check-ins wait until two safeguarding adults can be messaged',
        ['safeguardingNotReady'],
      );
    }
  }

  async #create(tenantId: string, team: ClassTeam, input: PostCheckin, id: string) {
    if (!team.channels.some((c) => c.id === input.channelId)) {
      throw new BelongError('invalidInput', 'unknown channel', ['channelUnknown']);
    }
    const now = this.deps.clock.now();
    const timeZone = (await this.deps.schools.get(tenantId))?.timeZone ?? defaultTimeZone;
    const date = localDateOf(now, timeZone);
    const template = checkinTemplate(input.templateId);
    let closesAt = closingInstant(addDays(date, template.openDays), timeZone);
    // Posted after closing time on its last day: it stays open until the same time tomorrow.
    if (closesAt.getTime() <= now.getTime()) closesAt = closingInstant(addDays(date, 1), timeZone);
    const pupils = await this.#pupilsOf(tenantId, team, input.roster);
    const classSize = await this.#classSizeOf(tenantId, team, input.roster, pupils);
    let checkin: Checkin = {
      id,
      teamId: team.teamId,
      channelId: input.channelId,
      templateId: template.id,
      phase: input.phase,
      locale: input.locale,
      date,
      closesAt: closesAt.toISOString(),
      timeZone,
      classSize,
      createdAt: now.toISOString(),
    };
    // Staff see a check-in only once its card is in the outbox (issue 21): the card goes in held
    // first, then the check-in is written, then the card is let go. A crash in between leaves a
    // held card the outbox gives up after `postHoldMs` (failed, "never confirmed", shown in the
    // post's status), never a check-in listed as open that nothing will post.
    const existing = await this.deps.checkins.get(tenantId, id);
    // Created already (another scheduler instance, or a retried tick): post that one.
    if (existing) checkin = existing;
    const occurrenceId = checkinOccurrenceId(checkin.id);
    await this.deps.deliveries.enqueue(
      tenantId,
      {
        id: occurrenceId,
        label: `${team.name} · ${checkin.date} · check-in ${template.id}`,
        teamId: team.teamId,
      },
      [
        {
          targetKey: checkin.channelId,
          target: {
            kind: 'channel',
            teamId: team.teamId,
            channelId: checkin.channelId,
            serviceUrl: team.serviceUrl,
          },
          content: this.deps.render.posted(
            checkin,
            pupils.slice(0, maxRefreshUsers).map((p) => p.teamsId),
          ),
        },
      ],
      now,
      { holdMs: postHoldMs },
    );
    if (!existing) {
      try {
        await this.deps.checkins.create(tenantId, checkin);
      } catch (e) {
        if (!isBelongError(e, 'conflict')) throw e;
        checkin = (await this.deps.checkins.get(tenantId, id)) ?? checkin;
      }
    }
    await this.deps.deliveries.release(tenantId, occurrenceId, this.deps.clock.now());
    return checkin;
  }

  /** What this person sees on the card right now (a refresh, or a button that only shows). */
  async view(
    tenantId: string,
    checkinId: string,
    userId: string | undefined,
  ): Promise<CheckinView> {
    const checkin = await this.deps.checkins.get(tenantId, checkinId);
    if (!checkin) return { kind: 'unknown' };
    if (isClosed(checkin, this.deps.clock.now())) return { kind: 'closed', checkin };
    if (!userId || !(await this.#isPupil(tenantId, checkin, userId))) {
      return { kind: 'notPupil', checkin };
    }
    const answer = await this.deps.checkins.answerOf(
      tenantId,
      checkinId,
      this.deps.pseudonyms.pseudonymOf(tenantId, userId),
    );
    return answer
      ? {
          kind: 'answered',
          checkin,
          answer: { points: answer.points, skipped: answer.skipped },
          first: false,
        }
      : { kind: 'form', checkin };
  }

  /** The form again, filled with the pupil's current answer, so they can change it. */
  async change(
    tenantId: string,
    checkinId: string,
    userId: string | undefined,
  ): Promise<CheckinView> {
    const view = await this.view(tenantId, checkinId, userId);
    return view.kind === 'answered'
      ? { kind: 'form', checkin: view.checkin, answer: view.answer }
      : view;
  }

  /**
   * A pupil's answer (read from the card at the edge). Only pupils of the class, only while it
   * is open; an answer to questions this check-in does not ask is refused (invalidInput) before
   * anything is stored.
   */
  async answer(
    tenantId: string,
    checkinId: string,
    userId: string | undefined,
    sent: Answer,
    /** When the pupil tapped (Teams' timestamp on the activity); arrival time when unknown. */
    givenAt?: Date,
  ): Promise<CheckinView> {
    const checkin = await this.deps.checkins.get(tenantId, checkinId);
    if (!checkin) return { kind: 'unknown' };
    let answer: AnswerValue;
    try {
      answer = checkAnswer(checkin.templateId, sent);
    } catch (e) {
      if (e instanceof BelongError && e.problems?.includes('noAnswer')) {
        return { kind: 'form', checkin, problem: 'noAnswer' };
      }
      throw e;
    }
    const now = this.deps.clock.now();
    if (isClosed(checkin, now)) return { kind: 'closed', checkin };
    if (!userId || !(await this.#isPupil(tenantId, checkin, userId))) {
      return { kind: 'notPupil', checkin };
    }
    // Answers are ordered by when they were given, so a replayed or late tap cannot overwrite a
    // newer choice; a time from the future (it cannot be) counts as now.
    const given = givenAt && givenAt.getTime() <= now.getTime() ? givenAt : now;
    const outcome = await this.deps.checkins.answer(
      tenantId,
      checkinId,
      this.deps.pseudonyms.pseudonymOf(tenantId, userId),
      answer,
      given,
    );
    return { kind: 'answered', checkin, answer: outcome.answer, first: outcome.first };
  }

  /**
   * Closes every check-in whose time is up (a minute's margin for answers in flight): the card is
   * updated to "closed" through the delivery engine, the final counts go to the class index.
   * Waits while the card itself has not been posted yet. Returns how many closed.
   */
  async closeDue(tenantId: string): Promise<number> {
    const now = this.deps.clock.now();
    let closed = 0;
    for (const open of await this.deps.checkins.listOpen(tenantId)) {
      if (now.getTime() < Date.parse(open.closesAt) + 60_000) continue;
      const checkin = await this.deps.checkins.get(tenantId, open.checkinId);
      if (!checkin) continue;
      const [posted] = await this.deps.deliveries.deliveriesOf(
        tenantId,
        checkinOccurrenceId(checkin.id),
      );
      const status = posted?.value.status;
      if (status === 'pending' || status === 'sending') continue;
      if (status === 'sent' && posted!.value.activityId && posted!.value.conversationId) {
        const target = posted!.value.target;
        await this.deps.deliveries.enqueue(
          tenantId,
          {
            id: checkinCloseOccurrenceId(checkin.id),
            label: `check-in ${checkin.templateId} closed`,
            teamId: checkin.teamId,
          },
          [
            {
              targetKey: checkin.channelId,
              target: {
                kind: 'update',
                conversationId: posted!.value.conversationId,
                activityId: posted!.value.activityId,
                serviceUrl: target.serviceUrl,
              },
              content: this.deps.render.closed(checkin),
            },
          ],
          now,
        );
      }
      await this.deps.checkins.markClosed(tenantId, checkin);
      closed++;
    }
    return closed;
  }

  /** Deletes raw answers older than the retention period; aggregates stay. */
  async purge(tenantId: string, retentionDays: number): Promise<number> {
    if (!Number.isInteger(retentionDays) || retentionDays < minRetentionDays) {
      throw new BelongError('invalidInput', `retention is at least ${minRetentionDays} days`);
    }
    const timeZone = (await this.deps.schools.get(tenantId))?.timeZone ?? defaultTimeZone;
    const today = localDateOf(this.deps.clock.now(), timeZone);
    return this.deps.checkins.purgeAnswersBefore(tenantId, addDays(today, -retentionDays));
  }

  /**
   * A pupil's own answers, newest first, from every class they answer in, while the raw answers
   * are kept (the retention period). Nobody else's, and no one else can ask for them.
   */
  async myCheckins(access: Access): Promise<MyCheckin[]> {
    const { tenantId } = access;
    const pseudonym = this.deps.pseudonyms.pseudonymOf(tenantId, access.userId);
    const classes = access.teams.filter((t) => t.role === 'pupil');
    const found = await Promise.all(
      classes.map(async ({ team }) => {
        const entries = (await this.deps.checkins.listForClass(tenantId, team.teamId))
          .slice(-maxHistory)
          .reverse();
        const answers = await Promise.all(
          entries.map((e) => this.deps.checkins.answerOf(tenantId, e.checkinId, pseudonym)),
        );
        return entries.flatMap((e, i) => {
          const answer = answers[i];
          if (!answer) return [];
          return [
            {
              checkinId: e.checkinId,
              teamId: team.teamId,
              teamName: team.name,
              templateId: e.templateId,
              phase: e.phase,
              date: e.date,
              open: Date.parse(e.closesAt) > this.deps.clock.now().getTime(),
              answer: { points: answer.points, skipped: answer.skipped },
            },
          ];
        });
      }),
    );
    return found
      .flat()
      .sort((a, b) => b.date.localeCompare(a.date))
      .slice(0, maxHistory);
  }

  async #isPupil(tenantId: string, checkin: Checkin, userId: string): Promise<boolean> {
    const team = await this.#team(tenantId, checkin.teamId);
    if (!team) return false;
    return (await this.deps.directory.roleInTeam(tenantId, team, userId)) === 'pupil';
  }

  /** The class team, read at most once per `teamCacheMs` however many answers arrive at once. */
  #team(tenantId: string, teamId: string): Promise<ClassTeam | undefined> {
    const key = `${tenantId}|${teamId}`;
    const now = this.deps.clock.now().getTime();
    const cached = this.#teams.get(key);
    if (cached && cached.until > now) return cached.team;
    const team = this.deps.teams.get(tenantId, teamId);
    this.#teams.delete(key);
    this.#teams.set(key, { team, until: now + teamCacheMs });
    if (this.#teams.size > maxCachedTeams) this.#teams.delete(this.#teams.keys().next().value!);
    const forget = () => {
      if (this.#teams.get(key)?.team === team) this.#teams.delete(key);
    };
    void team.then((found) => found ?? forget(), forget);
    return team;
  }

  /** The pupils among the roster the bot has just read, else among the members Belong recorded. */
  async #pupilsOf(
    tenantId: string,
    team: ClassTeam,
    roster: readonly TeamMember[] | undefined,
  ): Promise<TeamMember[]> {
    const members = roster ?? (await this.deps.teams.listMembers(tenantId, team.teamId));
    const roles = await Promise.all(
      members.map((m) => this.deps.directory.roleInTeam(tenantId, team, m.userId)),
    );
    return members.filter((_, i) => roles[i] === 'pupil');
  }

  /**
   * How many pupils the class has, for the response rate (issue 22). Belong records members only
   * as Teams announces them, and Teams does not announce people already in the team when Belong
   * is installed; so unless the bot has just read the whole roster, the directory's class list
   * (Graph: the whole team) counts. Only the count is kept.
   */
  async #classSizeOf(
    tenantId: string,
    team: ClassTeam,
    roster: readonly TeamMember[] | undefined,
    pupils: readonly TeamMember[],
  ): Promise<number> {
    if (roster) return pupils.length;
    const listed = await this.deps.directory.pupilsOf?.(tenantId, team);
    return listed ? Math.max(listed.length, pupils.length) : pupils.length;
  }
}

const closingInstant = (date: string, timeZone: string): Date =>
  instantOf(date, closingTime, timeZone);
