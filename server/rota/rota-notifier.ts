/**
 * The rota notifier (decision 015): at the school's reminder time on each school day, one
 * personal reminder per ambassador on duty and, if the coordinator chose a channel, the "today's
 * wellbeing ambassadors" card; and, whenever RotaService accepts, approves or declines a swap or
 * cover request, a short message to the people involved. Everything goes through the delivery
 * engine with an idempotent occurrence id, and every daily decision is an insert-only record, so
 * any number of instances may tick at once and nobody is told twice.
 */
import { personalTarget } from '../../core/school.js';
import type { Clock } from '../../core/ports/directory.js';
import { errorName, type Logger } from '../../core/ports/logger.js';
import { isSchoolDay } from '../../core/schedule/calendar.js';
import { defaultTimeZone } from '../../core/schedule/schedule-service.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import type { SchoolStore } from '../../core/stores/school-store.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import type { RotaNoticeStore } from '../../core/rota/rota-notice-store.js';
import {
  defaultNoticeSettings,
  noticeAudience,
  noticeEventOf,
  noticeOccurrenceId,
  reminderOccurrenceId,
  remindersOf,
  todayCardOccurrenceId,
  type PersonNames,
  type ReminderSkip,
  type RotaEvents,
  type NoticeSettings,
} from '../../core/rota/rota-notices.js';
import type { RotaService } from '../../core/rota/rota-service.js';
import type { DutyView } from '../../core/rota/views.js';
import type { RotaStore, SwapRequest } from '../../core/rota/rota-store.js';
import { rotaNoticeContent } from '../../bot/cards/rota-notice-card.js';
import { rotaReminderContent } from '../../bot/cards/rota-reminder-card.js';
import { rotaTodayContent } from '../../bot/cards/rota-today-card.js';
import { TickLoop } from '../tick-loop.js';
import { instantOf, localDateOf } from '../../core/dates.js';

export interface RotaNotifierDeps {
  /** Who is on duty (the one RotaService, server/services.ts). */
  rota: Pick<RotaService, 'onDuty'>;
  /** The slots a request names, for the wording of its notice. */
  rotas: Pick<RotaStore, 'slots'>;
  notices: RotaNoticeStore;
  schools: SchoolStore;
  teams: TeamStore;
  deliveries: DeliveryStore;
  names: PersonNames;
  clock: Clock;
  log: Logger;
  tenants: readonly string[];
  tickMs: number;
  /** After downtime, reminders this late still go; later ones are recorded as missed. */
  graceMs: number;
}

type Settings = NoticeSettings;

export class RotaNotifier implements RotaEvents {
  readonly #loop: TickLoop;

  constructor(private readonly deps: RotaNotifierDeps) {
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
        this.deps.log.error('rotaNotifier.tickFailed', { error: errorName(e) });
      }
    }
  }

  /**
   * Today's reminders and daily card, once the reminder time has come. Until the grace window
   * ends each tick picks up anyone put on a duty since (a swap approved at 8:30 for lunch);
   * after it, whoever is still undecided is recorded as missed and the day is settled.
   */
  async tick(tenantId: string): Promise<void> {
    const { schools, notices, clock } = this.deps;
    const now = clock.now();
    const school = await schools.get(tenantId);
    const timeZone = school?.timeZone ?? defaultTimeZone;
    const today = localDateOf(now, timeZone);
    const settings = await this.#settings(tenantId);
    const at = instantOf(today, settings.reminderTime, timeZone);
    if (now < at) return;
    const day = await notices.day(tenantId, today);
    if (day.done) return;
    const late = now.getTime() - at.getTime() > this.deps.graceMs;
    if (isSchoolDay(await schools.calendar(tenantId), today)) {
      const { duties } = await this.deps.rota.onDuty(tenantId, today);
      const decided = new Map(day.reminders.map((r) => [r.ambassadorId, r]));
      for (const [ambassadorId, mine] of remindersOf(duties)) {
        const known = decided.get(ambassadorId);
        if (known?.queuedAt || (known && known.status === 'skipped')) continue;
        // One pupil's reminder failing must not hold up the others'.
        await this.#remind(tenantId, today, ambassadorId, mine, settings, late, now).catch(
          (e: unknown) =>
            this.deps.log.error('rotaNotifier.reminderFailed', { error: errorName(e) }),
        );
      }
      const card = day.todayCard;
      if (settings.todayCard && !card?.queuedAt && card?.status !== 'skipped')
        await this.#todayCard(tenantId, today, duties, settings, late, now).catch((e: unknown) =>
          this.deps.log.error('rotaNotifier.todayCardFailed', { error: errorName(e) }),
        );
    }
    if (late) await notices.markDone(tenantId, today, now);
  }

  async #settings(tenantId: string): Promise<Settings> {
    return (await this.deps.notices.settings(tenantId)) ?? defaultNoticeSettings();
  }

  async #remind(
    tenantId: string,
    date: string,
    ambassadorId: string,
    duties: DutyView[],
    settings: Settings,
    late: boolean,
    now: Date,
  ): Promise<void> {
    const { teams, notices, deliveries } = this.deps;
    const chat = await teams.personalConversation(tenantId, ambassadorId);
    const reason: ReminderSkip | undefined = late ? 'missed' : !chat ? 'noPersonalChat' : undefined;
    const record = await notices.decide(tenantId, {
      date,
      ambassadorId,
      status: reason ? 'skipped' : 'queued',
      ...(reason ? { reason } : {}),
      occurrenceId: reminderOccurrenceId(date, ambassadorId),
      decidedAt: now.toISOString(),
    });
    this.deps.log.info(`rotaNotifier.reminder.${record.reason ?? record.status}`);
    // Someone else's earlier decision is followed: queued means queued, whoever decided it.
    if (record.status !== 'queued' || record.queuedAt || !chat) return;
    const content = rotaReminderContent({
      locale: settings.locale,
      date,
      duties: await Promise.all(
        duties.map(async (d) => ({
          periodId: d.periodId,
          placeId: d.placeId,
          supervisingAdult: d.supervisingAdult,
          with: await this.#namesOf(
            tenantId,
            d.ambassadorIds.filter((id) => id !== ambassadorId),
          ),
        })),
      ),
    });
    await deliveries.enqueue(
      tenantId,
      { id: record.occurrenceId, label: `Rota reminder · ${date}` },
      [{ targetKey: ambassadorId, target: personalTarget(chat), content }],
      now,
    );
    await notices.markQueued(tenantId, record, now);
  }

  async #todayCard(
    tenantId: string,
    date: string,
    duties: DutyView[],
    settings: Settings,
    late: boolean,
    now: Date,
  ): Promise<void> {
    const { teams, notices, deliveries } = this.deps;
    const where = settings.todayCard!;
    const team = await teams.get(tenantId, where.teamId);
    const channelThere =
      !!team && !team.removedAt && team.channels.some((c) => c.id === where.channelId);
    const reason: ReminderSkip | undefined = late
      ? 'missed'
      : !channelThere
        ? 'channelGone'
        : !duties.length
          ? 'nobodyOnDuty'
          : undefined;
    const record = await notices.decide(tenantId, {
      date,
      status: reason ? 'skipped' : 'queued',
      ...(reason ? { reason } : {}),
      occurrenceId: todayCardOccurrenceId(date),
      decidedAt: now.toISOString(),
    });
    this.deps.log.info(`rotaNotifier.todayCard.${record.reason ?? record.status}`);
    if (record.status !== 'queued' || record.queuedAt || !team || !channelThere) return;
    const content = rotaTodayContent({
      locale: settings.locale,
      date,
      duties: await Promise.all(
        duties.map(async (d) => ({
          periodId: d.periodId,
          placeId: d.placeId,
          supervisingAdult: d.supervisingAdult,
          names: await this.#namesOf(tenantId, d.ambassadorIds),
          count: d.ambassadorIds.length,
        })),
      ),
    });
    await deliveries.enqueue(
      tenantId,
      {
        id: record.occurrenceId,
        label: `Today's wellbeing ambassadors · ${date}`,
        teamId: team.teamId,
      },
      [
        {
          targetKey: where.channelId,
          target: {
            kind: 'channel',
            teamId: team.teamId,
            channelId: where.channelId,
            serviceUrl: team.serviceUrl,
          },
          content,
        },
      ],
      now,
    );
    await notices.markQueued(tenantId, record, now);
  }

  /** Known names only: a person whose name the directory doesn't give is left out, never shown by id. */
  async #namesOf(tenantId: string, ids: readonly string[]): Promise<string[]> {
    const names = await Promise.all(ids.map((id) => this.deps.names.displayName(tenantId, id)));
    return names.filter((n): n is string => !!n);
  }

  // -------------------------------------------------------------------------------------------
  // Swap and cover notices

  /** RotaEvents: tells the requester, the acceptor and (for approvals) the coordinators. Never throws. */
  async requestChanged(tenantId: string, request: SwapRequest): Promise<void> {
    try {
      await this.#notice(tenantId, request);
    } catch (e) {
      this.deps.log.error('rotaNotifier.noticeFailed', { error: errorName(e) });
    }
  }

  async #notice(tenantId: string, request: SwapRequest): Promise<void> {
    const event = noticeEventOf(request);
    if (!event) return;
    const { rotas, schools, teams, deliveries, clock } = this.deps;
    const [settings, slots, holders] = await Promise.all([
      this.#settings(tenantId),
      rotas.slots(tenantId),
      event === 'accepted' ? schools.listRoleHolders(tenantId) : Promise.resolve([]),
    ]);
    const coordinators = holders
      .filter((h) => h.roles.includes('coordinator'))
      .map((h) => h.userId);
    const slotOf = (slotId: string) => slots.find((s) => s.id === slotId);
    const dutyText = (date: string, slotId: string) => {
      const slot = slotOf(slotId);
      return slot ? { date, periodId: slot.periodId, placeId: slot.placeId } : undefined;
    };
    const duty = dutyText(request.dutyDate, request.slotId);
    if (!duty) return;
    const inReturn = request.inReturn
      ? dutyText(request.inReturn.date, request.inReturn.slotId)
      : undefined;
    const [requesterName, acceptorName] = await Promise.all([
      this.deps.names.displayName(tenantId, request.requesterId),
      request.acceptorId ? this.deps.names.displayName(tenantId, request.acceptorId) : undefined,
    ]);
    const items = [];
    for (const { userId, audience } of noticeAudience(request, event, coordinators)) {
      const chat = await teams.personalConversation(tenantId, userId);
      if (!chat) continue;
      items.push({
        targetKey: userId,
        target: personalTarget(chat),
        content: rotaNoticeContent({
          locale: settings.locale,
          event,
          audience,
          kind: request.kind,
          duty,
          ...(inReturn ? { inReturn } : {}),
          ...(requesterName ? { requesterName } : {}),
          ...(acceptorName ? { acceptorName } : {}),
        }),
      });
    }
    this.deps.log.info(`rotaNotifier.notice.${event}`, { count: items.length });
    if (!items.length) return;
    await deliveries.enqueue(
      tenantId,
      { id: noticeOccurrenceId(request.id, event), label: `Rota ${request.kind} ${event}` },
      items,
      clock.now(),
    );
  }
}
