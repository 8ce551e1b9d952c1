/**
 * The Support journey (issue 17, decision 019): a pupil asks to talk; the DSL and deputies are
 * messaged at once through the delivery engine's urgent lane; one acknowledges and the pupil is
 * told; nobody acknowledging escalates every `escalationMinutes` of school time. Every step is
 * on the audit log. The bot and the API call this; nothing else reads talk requests.
 *
 * Over 500 lines because asking, the staff's actions and alerting share one request's life and
 * its optimistic-concurrency loop; the alerting half (`#tickOne`, `#reportUnreachable`,
 * `#updateCards`) is the part to move into its own file next (issue 16).
 */
import { resolveAccess } from '../access.js';
import type { DeliveryContent } from '../delivery/index.js';
import { BelongError, isLostRace } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import type { Clock, Directory } from '../ports/directory.js';
import { errorName, type Logger } from '../ports/logger.js';
import type { Stored } from '../ports/table-store.js';
import type { PersonNames } from '../rota/index.js';
import type { SchoolRole } from '../roles.js';
import { personalTarget, type PersonalConversation } from '../school.js';
import { defaultTimeZone } from '../schedule/index.js';
import type { DeliveryStore } from '../stores/delivery-store.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import type { AuditLog } from './audit-log.js';
import {
  inSchoolHours,
  isOpen,
  maxNoteLength,
  minReachableRecipients,
  newTalkId,
  nextEscalationAt,
  nextSchoolTime,
  pupilStateOf,
  talkRecipientRoles,
  type PupilTalkState,
  type ReferralTarget,
  type SchoolTime,
  type TalkRequest,
  type TalkSource,
  type TalkUrgency,
} from './talk.js';
import type { TalkStore } from './talk-store.js';

/** What a DSL, deputy (or, escalated, a wellbeing lead) is shown about one request. */
export interface StaffTalkView {
  request: TalkRequest;
  pupilName: string;
  classNames: string[];
  acknowledgedByName?: string;
  closedByName?: string;
  notes: { byName: string; at: string; text: string }[];
  /** Recipients Belong could not message (no personal chat with the bot), by name. */
  unreachableNames: string[];
  /** Everyone the request's cards go to, so each card refreshes for all of them. */
  recipientTeamsIds: string[];
  timeZone: string;
  /** The school's escalation time: a reminder says how long a request has waited in school time. */
  escalationMinutes: number;
}

/** Builds what is sent. Given by the bot, which owns the cards. */
export interface TalkRenderer {
  /** The card the DSL and deputies get (and that updates as the request changes). */
  staff(view: StaffTalkView, locale: Locale): DeliveryContent;
  /** To wellbeing leads on escalation: that a request waits, never who asked. */
  escalated(waitedMinutes: number, locale: Locale): DeliveryContent;
  /** To admins and recipients: someone who should get requests cannot be messaged. */
  unreachable(names: string[], locale: Locale): DeliveryContent;
  /** To the pupil: an adult has seen it and will find them. */
  seen(locale: Locale): DeliveryContent;
}

export interface TalkDeps {
  talks: TalkStore;
  audit: AuditLog;
  schools: SchoolStore;
  teams: TeamStore;
  directory: Directory;
  deliveries: DeliveryStore;
  names: PersonNames;
  clock: Clock;
  log: Logger;
  render: TalkRenderer;
  /** Random part of ids; injectable for tests. */
  randomId?: () => string;
}

export interface Recipient {
  userId: string;
  role: SchoolRole;
  name: string;
  reachable: boolean;
}

/** A recipient with their chat with the bot, when reachable: where alerts go. Kept inside. */
type Reached = Recipient & { chat?: PersonalConversation };

export interface Readiness {
  ready: boolean;
  recipients: Recipient[];
  needed: number;
}

export interface PupilTalkView {
  offered: boolean;
  state: PupilTalkState;
  /** School is closed: when adults will see a request. */
  closedUntil?: { at: Date; timeZone: string };
}

export type AskOutcome =
  /** Only pupils of a class team Belong is in can ask. */
  | { kind: 'notPupil' }
  /** Nobody can be messaged at all: the pupil is told to find an adult, with helplines. */
  | { kind: 'unavailable' }
  | {
      kind: 'sent' | 'already';
      request: TalkRequest;
      state: PupilTalkState;
      /** When adults will see it; undefined during school hours. */
      closedUntil?: { at: Date; timeZone: string };
    };

export type StaffAction =
  | { kind: 'acknowledge' }
  | { kind: 'note'; text: string }
  | { kind: 'resolve' }
  | { kind: 'refer'; to: ReferralTarget };

const belong = 'belong';
const staffRoles: readonly SchoolRole[] = talkRecipientRoles;

export class TalkService {
  constructor(private readonly deps: TalkDeps) {}

  /** Who gets requests, whether each can be messaged, and whether talk can be offered. */
  async readiness(tenantId: string): Promise<Readiness> {
    return readinessOf(await this.#recipients(tenantId));
  }

  /** The DSL and deputies, each with their chat with the bot if they have one (one read each). */
  async #recipients(tenantId: string): Promise<Reached[]> {
    const holders = await this.deps.schools.listRoleHolders(tenantId);
    const recipients = await Promise.all(
      holders
        .map((h) => ({ userId: h.userId, role: staffRoles.find((r) => h.roles.includes(r)) }))
        .filter((h): h is { userId: string; role: SchoolRole } => h.role !== undefined)
        .map(async (h) => {
          const chat = await this.deps.teams.personalConversation(tenantId, h.userId);
          return {
            ...h,
            name: await this.#name(tenantId, h.userId),
            reachable: !!chat,
            ...(chat ? { chat } : {}),
          };
        }),
    );
    return recipients.sort((a, b) => a.role.localeCompare(b.role));
  }

  /**
   * What the pupil's own views show: whether to offer the talk action, their latest request, and
   * — when school is closed — when adults will see a request (theirs, or a new one).
   */
  async pupilView(tenantId: string, pupilId: string): Promise<PupilTalkView> {
    const [readiness, latest, school] = await Promise.all([
      this.readiness(tenantId),
      this.deps.talks.latestOf(tenantId, pupilId),
      this.#schoolTime(tenantId),
    ]);
    const now = this.deps.clock.now();
    const state = pupilStateOf(latest, now);
    const from = state === 'sent' ? new Date(latest!.alertAt) : nextSchoolTime(now, school);
    return {
      offered: readiness.ready,
      state,
      ...(from > now ? { closedUntil: { at: from, timeZone: school.timeZone } } : {}),
    };
  }

  /** A pupil asks. A second ask while one is open finds the first; nothing is sent twice. */
  async ask(
    tenantId: string,
    pupil: { userId: string; teamsId?: string },
    input: { urgency?: TalkUrgency; source: TalkSource; locale: Locale },
  ): Promise<AskOutcome> {
    const access = await resolveAccess(this.deps, tenantId, pupil.userId);
    const classes = access.teams.filter((t) => t.role === 'pupil').map((t) => t.team.teamId);
    if (!classes.length) return { kind: 'notPupil' };
    const now = this.deps.clock.now();
    const latest = await this.deps.talks.latestOf(tenantId, pupil.userId);
    const school = await this.#schoolTime(tenantId);
    if (latest && isOpen(latest)) return this.#outcome('already', latest, now, school.timeZone);
    // Not offered until enough adults can be messaged (readiness); a tap on an old card then
    // tells the pupil to find an adult, rather than sending to one person or to nobody.
    if (!(await this.readiness(tenantId)).ready) return { kind: 'unavailable' };
    const request: TalkRequest = {
      id: newTalkId(now, this.deps.randomId ?? (() => crypto.randomUUID().slice(0, 8))),
      pupilId: pupil.userId,
      ...(pupil.teamsId ? { pupilTeamsId: pupil.teamsId } : {}),
      classTeamIds: classes,
      ...(input.urgency ? { urgency: input.urgency } : {}),
      source: input.source,
      locale: input.locale,
      status: 'new',
      createdAt: now.toISOString(),
      alertAt: nextSchoolTime(now, school).toISOString(),
      alerts: [],
      notes: [],
    };
    const made = await this.deps.talks.create(tenantId, request, latest);
    if (!made.created) return this.#outcome('already', made.request, now, school.timeZone);
    await this.deps.audit.append(tenantId, {
      actor: pupil.userId,
      action: 'talk.requested',
      subject: request.id,
      details: { source: input.source, ...(input.urgency ? { urgency: input.urgency } : {}) },
    });
    this.deps.log.info('talk.requested', { verb: input.source });
    // Alerted now, in the request's own turn, rather than on the worker's next tick.
    await this.#tickOne(tenantId, school, request.id).catch((e: unknown) =>
      this.deps.log.error('talk.alertFailed', { error: errorName(e) }),
    );
    return this.#outcome('sent', request, now, school.timeZone);
  }

  /** One request as a DSL or deputy sees it; the view is audited. */
  async staffView(tenantId: string, requestId: string, staffId: string): Promise<StaffTalkView> {
    await this.#requireStaff(tenantId, staffId);
    const stored = await this.#get(tenantId, requestId);
    await this.deps.audit.append(tenantId, {
      actor: staffId,
      action: 'talk.viewed',
      subject: requestId,
    });
    return this.#view(tenantId, stored.value);
  }

  /** Every request, newest first, for the inbox; the listing is audited. */
  async inbox(tenantId: string, staffId: string): Promise<StaffTalkView[]> {
    await this.#requireStaff(tenantId, staffId);
    const requests = await this.deps.talks.list(tenantId);
    await this.deps.audit.append(tenantId, {
      actor: staffId,
      action: 'talk.listed',
      subject: 'inbox',
    });
    return Promise.all(requests.map((r) => this.#view(tenantId, r)));
  }

  /**
   * Acknowledge, add a note, resolve or refer on. Acknowledging twice (two DSLs at once, a
   * replayed tap) leaves the first acknowledgement standing and says who it was; acting on a
   * closed request is refused with `conflict`.
   */
  async act(
    tenantId: string,
    requestId: string,
    staffId: string,
    action: StaffAction,
  ): Promise<StaffTalkView> {
    await this.#requireStaff(tenantId, staffId);
    if (action.kind === 'note') {
      const text = action.text.trim();
      if (!text || text.length > maxNoteLength)
        throw new BelongError('invalidInput', 'A note is 1 to 1,000 characters', ['noteLength']);
    }
    for (let attempt = 0; attempt < 10; attempt++) {
      const stored = await this.#get(tenantId, requestId);
      const request = stored.value;
      const now = this.deps.clock.now().toISOString();
      if (!isOpen(request)) throw new BelongError('conflict', 'This request is closed', ['closed']);
      if (action.kind === 'acknowledge' && request.status !== 'new')
        return this.#view(tenantId, request);
      const next: TalkRequest = { ...request };
      const mustBeSeen = request.status === 'new';
      if (mustBeSeen) {
        // Resolving or referring a request nobody acknowledged acknowledges it too.
        next.status = 'acknowledged';
        next.acknowledgedBy = staffId;
        next.acknowledgedAt = now;
      }
      switch (action.kind) {
        case 'note':
          next.notes = [...request.notes, { by: staffId, at: now, text: action.text.trim() }];
          break;
        case 'resolve':
          Object.assign(next, { status: 'resolved', closedBy: staffId, closedAt: now });
          break;
        case 'refer':
          Object.assign(next, {
            status: 'referred',
            closedBy: staffId,
            closedAt: now,
            referredTo: action.to,
          });
          break;
      }
      try {
        await this.deps.talks.replace(tenantId, stored, next);
      } catch (e) {
        if (isLostRace(e)) continue;
        throw e;
      }
      if (mustBeSeen)
        await this.deps.audit.append(tenantId, {
          actor: staffId,
          action: 'talk.acknowledged',
          subject: requestId,
        });
      if (action.kind !== 'acknowledge')
        await this.deps.audit.append(tenantId, {
          actor: staffId,
          action:
            action.kind === 'note'
              ? 'talk.noted'
              : action.kind === 'resolve'
                ? 'talk.resolved'
                : 'talk.referred',
          subject: requestId,
          ...(action.kind === 'refer' ? { details: { to: action.to } } : {}),
        });
      this.deps.log.info(`talk.${action.kind}`);
      if (mustBeSeen) await this.#tellPupil(tenantId, next);
      const view = await this.#view(tenantId, next);
      await this.#updateCards(tenantId, view, staffId);
      return view;
    }
    throw new BelongError('unavailable', 'The request is changing too fast; try again');
  }

  /** One request's record for the school's child-protection system; audited. */
  async exportOne(tenantId: string, requestId: string, staffId: string): Promise<StaffTalkView> {
    await this.#requireStaff(tenantId, staffId);
    const stored = await this.#get(tenantId, requestId);
    await this.deps.audit.append(tenantId, {
      actor: staffId,
      action: 'talk.exported',
      subject: requestId,
    });
    return this.#view(tenantId, stored.value);
  }

  /** Alerts and escalations that are due, for every waiting request of the school. */
  async tick(tenantId: string): Promise<void> {
    const waiting = await this.deps.talks.waiting(tenantId);
    if (!waiting.length) return;
    const school = await this.#schoolTime(tenantId);
    for (const stored of waiting) {
      await this.#tickOne(tenantId, school, stored.value.id).catch((e: unknown) =>
        this.deps.log.error('talk.tickFailed', { error: errorName(e) }),
      );
    }
  }

  async #tickOne(
    tenantId: string,
    school: SchoolTime & { locale: Locale },
    requestId: string,
  ): Promise<void> {
    const stored = await this.deps.talks.get(tenantId, requestId);
    if (!stored || stored.value.status !== 'new') {
      await this.deps.talks.unlist(tenantId, requestId);
      return;
    }
    const request = stored.value;
    const now = this.deps.clock.now();
    if (now < new Date(request.alertAt)) return;
    const last = request.alerts.at(-1);
    if (last && now < nextEscalationAt(new Date(last.at), school)) return;
    if (last && !inSchoolHours(now, school)) return;
    const level = request.alerts.length;
    const recipients = await this.#recipients(tenantId);
    // The card sent now counts this alert, so a reminder says how long the request has waited
    // (built from the alerts before it, the first reminder said nothing and the next one too little).
    const thisAlert = { at: now.toISOString(), level, sentTo: [], unreachable: [] };
    const view = await this.#view(
      tenantId,
      { ...request, alerts: [...request.alerts, thisAlert] },
      recipients,
    );
    const locale = school.locale;
    const items: { userId: string; chat: PersonalConversation; content: DeliveryContent }[] = [];
    const unreachable: string[] = [];
    for (const r of recipients) {
      if (r.chat)
        items.push({
          userId: r.userId,
          chat: r.chat,
          content: this.deps.render.staff(view, locale),
        });
      else unreachable.push(r.userId);
    }
    if (level > 0) {
      // Minutes of school time (a request alerted at 15:50 and escalated at 08:35 has waited 15).
      const waited = level * school.settings.escalationMinutes;
      for (const lead of await this.#holders(tenantId, 'wellbeing_lead')) {
        if (items.some((i) => i.userId === lead)) continue;
        const chat = await this.deps.teams.personalConversation(tenantId, lead);
        if (chat)
          items.push({ userId: lead, chat, content: this.deps.render.escalated(waited, locale) });
      }
    }
    if (level === 0 && unreachable.length)
      await this.#reportUnreachable(tenantId, request, recipients);
    // Queued first, then recorded: a crash in between queues the same occurrence again, which
    // the outbox ignores (its id is the request and the level).
    if (items.length)
      await this.deps.deliveries.enqueue(
        tenantId,
        { id: `talk:${request.id}:${level}`, label: 'Safeguarding message', urgent: true },
        items.map((i) => ({
          targetKey: i.userId,
          target: personalTarget(i.chat),
          content: i.content,
        })),
        now,
      );
    const next: TalkRequest = {
      ...request,
      alerts: [
        ...request.alerts,
        { at: now.toISOString(), level, sentTo: items.map((i) => i.userId), unreachable },
      ],
    };
    try {
      await this.deps.talks.replace(tenantId, stored, next);
    } catch (e) {
      if (isLostRace(e)) return; // acknowledged meanwhile, or another instance alerted
      throw e;
    }
    await this.deps.audit.append(tenantId, {
      actor: belong,
      action: level === 0 ? 'talk.alerted' : 'talk.escalated',
      subject: request.id,
      details: { level: String(level), sent: String(items.length) },
    });
    this.deps.log.info(level === 0 ? 'talk.alerted' : 'talk.escalated', { count: level });
  }

  async #reportUnreachable(
    tenantId: string,
    request: TalkRequest,
    recipients: Recipient[],
  ): Promise<void> {
    const names = recipients.filter((r) => !r.reachable).map((r) => r.name);
    const school = await this.#schoolTime(tenantId);
    const admins = await this.#holders(tenantId, 'admin');
    const items = [];
    for (const id of admins) {
      const chat = await this.deps.teams.personalConversation(tenantId, id);
      if (chat)
        items.push({
          targetKey: id,
          target: personalTarget(chat),
          content: this.deps.render.unreachable(names, school.locale),
        });
    }
    if (items.length)
      await this.deps.deliveries.enqueue(
        tenantId,
        { id: `talk:${request.id}:unreachable`, label: 'Safeguarding setup', urgent: true },
        items,
        this.deps.clock.now(),
      );
    await this.deps.audit.append(tenantId, {
      actor: belong,
      action: 'talk.unreachable',
      subject: request.id,
      details: { recipients: String(names.length) },
    });
  }

  async #tellPupil(tenantId: string, request: TalkRequest): Promise<void> {
    const chat = await this.deps.teams.personalConversation(tenantId, request.pupilId);
    if (!chat) return; // their own card view says it when they look
    await this.deps.deliveries.enqueue(
      tenantId,
      { id: `talk:${request.id}:seen`, label: 'Safeguarding message', urgent: true },
      [
        {
          targetKey: request.pupilId,
          target: personalTarget(chat),
          content: this.deps.render.seen(request.locale),
        },
      ],
      this.deps.clock.now(),
    );
  }

  /** Other recipients' copies show who acknowledged (their cards also refresh when opened). */
  /**
   * The person who acted already has the new card (the answer to their tap), so only the others'
   * copies are edited: an earlier edit still in the outbox could otherwise land after their tap's
   * answer and show them the older state.
   */
  async #updateCards(tenantId: string, view: StaffTalkView, actorId: string): Promise<void> {
    const school = await this.#schoolTime(tenantId);
    const content = this.deps.render.staff(view, school.locale);
    const stamp = String(view.request.notes.length) + view.request.status;
    for (const alert of view.request.alerts) {
      const sent = await this.deps.deliveries.deliveriesOf(
        tenantId,
        `talk:${view.request.id}:${alert.level}`,
      );
      const items = sent
        .map((s) => s.value)
        .filter(
          (d) =>
            d.status === 'sent' &&
            d.targetKey !== actorId &&
            d.activityId &&
            d.target.kind === 'conversation',
        )
        .map((d) => ({
          targetKey: d.targetKey,
          target: {
            kind: 'update' as const,
            conversationId:
              d.conversationId ?? (d.target as { conversationId: string }).conversationId,
            activityId: d.activityId!,
            serviceUrl: d.target.serviceUrl,
          },
          content,
        }));
      if (items.length)
        await this.deps.deliveries
          .enqueue(
            tenantId,
            {
              id: `talk:${view.request.id}:${alert.level}:upd:${stamp}`,
              label: 'Safeguarding message',
              urgent: true,
            },
            items,
            this.deps.clock.now(),
          )
          .catch((e: unknown) => this.deps.log.warn('talk.updateFailed', { error: errorName(e) }));
    }
  }

  async #view(tenantId: string, request: TalkRequest, reached?: Reached[]): Promise<StaffTalkView> {
    const recipients = reached ?? (await this.#recipients(tenantId));
    const [school, settings] = await Promise.all([
      this.deps.schools.get(tenantId),
      this.deps.talks.settings(tenantId),
    ]);
    const classNames = await Promise.all(
      request.classTeamIds.map(async (id) => (await this.deps.teams.get(tenantId, id))?.name ?? id),
    );
    const recipientTeamsIds = recipients.flatMap((r) => (r.chat ? [r.chat.teamsId] : []));
    return {
      request,
      pupilName: await this.#name(tenantId, request.pupilId),
      classNames,
      ...(request.acknowledgedBy
        ? { acknowledgedByName: await this.#name(tenantId, request.acknowledgedBy) }
        : {}),
      ...(request.closedBy ? { closedByName: await this.#name(tenantId, request.closedBy) } : {}),
      notes: await Promise.all(
        request.notes.map(async (n) => ({
          byName: await this.#name(tenantId, n.by),
          at: n.at,
          text: n.text,
        })),
      ),
      unreachableNames: recipients.filter((r) => !r.reachable).map((r) => r.name),
      recipientTeamsIds,
      timeZone: school?.timeZone ?? defaultTimeZone,
      escalationMinutes: settings.escalationMinutes,
    };
  }

  #outcome(
    kind: 'sent' | 'already',
    request: TalkRequest,
    now: Date,
    timeZone: string,
  ): AskOutcome {
    const alertAt = new Date(request.alertAt);
    return {
      kind,
      request,
      state: pupilStateOf(request, now),
      ...(alertAt > now && request.status === 'new'
        ? { closedUntil: { at: alertAt, timeZone } }
        : {}),
    };
  }

  async #requireStaff(tenantId: string, userId: string): Promise<void> {
    const roles = await this.deps.schools.rolesOf(tenantId, userId);
    if (!roles.some((r) => staffRoles.includes(r)))
      throw new BelongError('forbidden', 'Only the DSL and deputies see talk requests');
  }

  async #get(tenantId: string, requestId: string): Promise<Stored<TalkRequest>> {
    const stored = await this.deps.talks.get(tenantId, requestId);
    if (!stored) throw new BelongError('notFound', 'No such request');
    return stored;
  }

  async #holders(tenantId: string, role: SchoolRole): Promise<string[]> {
    return (await this.deps.schools.listRoleHolders(tenantId))
      .filter((h) => h.roles.includes(role))
      .map((h) => h.userId);
  }

  async #name(tenantId: string, userId: string): Promise<string> {
    return (await this.deps.names.displayName(tenantId, userId)) ?? userId;
  }

  async #schoolTime(tenantId: string): Promise<SchoolTime & { locale: Locale }> {
    const [school, calendar, settings] = await Promise.all([
      this.deps.schools.get(tenantId),
      this.deps.schools.calendar(tenantId),
      this.deps.talks.settings(tenantId),
    ]);
    return {
      calendar,
      timeZone: school?.timeZone ?? defaultTimeZone,
      settings,
      locale: settings.locale,
    };
  }
}

function readinessOf(recipients: Reached[]): Readiness {
  return {
    ready: recipients.filter((r) => r.reachable).length >= minReachableRecipients,
    recipients: recipients.map(({ userId, role, name, reachable }) => ({
      userId,
      role,
      name,
      reachable,
    })),
    needed: minReachableRecipients,
  };
}
