/**
 * What the ambassador coordinator and the wellbeing ambassadors do with the rota, shared by the
 * tab API and (later) the bot, so both apply the same rules and the same permissions.
 *
 * Every refusal is a BelongError with one problem code per reason (`rota.problem.<code>` in the
 * catalogue): 400 for input that can never be right, 403 for the wrong person, 404 for something
 * that isn't there, 409 for an action that conflicts with the rota as it is now (the duty
 * changed, the acceptor is busy, the request was taken first …). Concurrency: decision 011.
 */
import type { Access } from '../access.js';
import { hasRole } from '../access.js';
import { BelongError, type ErrorCode } from '../errors.js';
import { t, type MessageKey } from '../i18n/index.js';
import type { Clock } from '../ports/directory.js';
import { isSchoolDay, schoolDaysBetween, type SchoolCalendar } from '../schedule/calendar.js';
import { localDateOf } from '../schedule/schedule.js';
import { defaultTimeZone } from '../schedule/schedule-service.js';
import type { SchoolStore } from '../stores/school-store.js';
import { autofill, type AutofillResult, type AutofillStats } from './autofill.js';
import {
  compareIds,
  dayNumber,
  isAvailable,
  isIsoDate,
  slotRunsIn,
  weekdayOf,
  weekOf,
  type Assignment,
  type Availability,
  type Duty,
  type RotaSlot,
  type UnfilledDuty,
  type UnfilledReason,
  type WeekAB,
  type Weekday,
} from './rota.js';
import {
  emptyWeek,
  type AmbassadorRecord,
  type DutyAssignment,
  type RotaSettings,
  type RotaStore,
  type RotaWeek,
  type SwapEvent,
  type SwapKind,
  type SwapRequest,
} from './rota-store.js';
import type { RotaEvents } from './rota-notices.js';

// ---------------------------------------------------------------------------------------------
// Problem codes

export const rotaProblemCodes = [
  // input that can never be right (400)
  'dateInvalid',
  'endBeforeStart',
  'rangeTooLong',
  'weekWithoutWeekAB',
  'duplicateSlot',
  'slotRepeated',
  'unknownSlot',
  'notADuty',
  'inReturnMissing',
  'inReturnForCover',
  'overrideOnlyCover',
  'rotaInvalid',
  // not there (404)
  'unknownAmbassador',
  'unknownRequest',
  // not for this person (403)
  'notCoordinator',
  'notAmbassador',
  'notOnRota',
  // conflicts with the rota as it is now (409)
  'rotaNotSet',
  'rotaOver',
  'dutyPast',
  'ambassadorInactive',
  'notAvailable',
  'busyThen',
  'atMaximum',
  'dutyFull',
  'alreadyOnDuty',
  'notOnDuty',
  'notYourDuty',
  'requestExists',
  'requestNotOpen',
  'requestNotAccepted',
  'ownRequest',
  'dutyChanged',
  'requesterInactive',
  'requesterNotAvailable',
  'requesterBusyThen',
  'requesterAtMaximum',
  'requesterAlreadyOnDuty',
  'inReturnNotYours',
  'inReturnChanged',
  'lockInactive',
  'lockUnavailable',
  'lockClash',
  'lockOverfills',
  'lockOverMaximum',
  'busyTryAgain',
] as const;
export type RotaProblem = (typeof rotaProblemCodes)[number];

/** A refusal the tab and the bot can say in the reader's language; the message is English. */
export function rotaRefusal(
  code: ErrorCode,
  problems: readonly RotaProblem[],
  detail?: string,
): BelongError {
  const unique = [...new Set(problems)];
  const text = unique.map((c) => t('en-GB', `rota.problem.${c}` as MessageKey)).join(' ');
  return new BelongError(code, detail ? `${text} (${detail})` : text, unique);
}

// ---------------------------------------------------------------------------------------------
// What callers get back

export interface SettingsInput {
  startDate: string;
  endDate: string;
  weekAB: boolean;
  maxPerWeek: number;
  /** Default true. */
  approvalRequired?: boolean;
}

export interface SlotInput extends Omit<RotaSlot, 'id'> {
  /** Kept when given (so assignments stay on it); a new slot gets one. */
  id?: string;
}

export interface AmbassadorInput {
  yearGroup: number;
  trainedOn: string;
  active: boolean;
  availability: Availability[];
}

export type AssignmentChange =
  | { action: 'assign'; date: string; slotId: string; ambassadorId: string; locked?: boolean }
  | { action: 'lock' | 'unlock'; date: string; slotId: string; ambassadorId: string }
  /** Without an ambassador: everyone on the duty. */
  | { action: 'clear'; date: string; slotId: string; ambassadorId?: string }
  /** Every unlocked assignment after today in the range. */
  | { action: 'clearRange'; from: string; to: string };

export interface DateView {
  date: string;
  weekday: number;
  /** Week A or B, in a rota with A/B weeks. */
  week?: WeekAB;
  schoolDay: boolean;
  /** Inside the rota's dates and a school day. */
  inRota: boolean;
}

export type WarningKind = 'notADuty' | 'inactive' | 'unavailable' | 'clash' | 'overMaximum';
export interface RotaWarning extends Assignment {
  kind: WarningKind;
}

export interface RotaOverview {
  today: string;
  settings: RotaSettings | null;
  slots: RotaSlot[];
  ambassadors: AmbassadorRecord[];
  from: string;
  to: string;
  dates: DateView[];
  assignments: DutyAssignment[];
  /** Duties from today on that need more ambassadors, and why nobody else could be given. */
  unfilled: UnfilledDuty[];
  /** Assignments from today on that break a rule now (availability or dates changed since). */
  warnings: RotaWarning[];
  /** Requests waiting: open (cover needed), accepted (to approve), approved but not applied. */
  requests: SwapRequest[];
  /** Duties per ambassador in the range. */
  loads: Record<string, number>;
}

export interface FillResult {
  from: string;
  to: string;
  assignments: DutyAssignment[];
  unfilled: UnfilledDuty[];
  stats: AutofillStats;
  /** Future assignments that were no longer duties (slot or dates changed) and were removed. */
  dropped: number;
}

export interface DutyView extends Duty {
  weekday: number;
  week?: WeekAB;
  periodId: string;
  placeId: string;
  supervisingAdult: string;
  ambassadorIds: string[];
}

export interface MyDuty extends DutyView {
  /** The other ambassadors on the duty. */
  with: string[];
  locked: boolean;
  /** My open or accepted request about this duty. */
  requestId?: string;
}

export interface MyRota {
  onRota: boolean;
  today: string;
  ambassador: AmbassadorRecord | null;
  settings: Pick<
    RotaSettings,
    'startDate' | 'endDate' | 'weekAB' | 'maxPerWeek' | 'approvalRequired'
  > | null;
  /** Periods the coordinator uses in slots, for the availability editor. */
  periods: string[];
  duties: MyDuty[];
  /** Requests I made or accepted, about duties from today on. */
  requests: SwapRequest[];
}

export interface OpenRequestView {
  request: SwapRequest;
  duty: DutyView;
  /** For a swap: my duties the requester could take in return. */
  inReturnOptions?: DutyView[];
}

export interface ExportRow {
  date: string;
  weekday: number;
  week?: WeekAB;
  periodId: string;
  placeId: string;
  supervisingAdult: string;
  ambassadorId: string;
  yearGroup?: number;
  locked: boolean;
}

export interface RotaServiceDeps {
  rotas: RotaStore;
  schools: SchoolStore;
  clock: Clock;
  /** Told when a request is accepted, approved or declined, so the people involved hear (decision 015). */
  rotaEvents?: RotaEvents;
}

/** The coordinator's routes: the ambassador coordinator, and the school admin. */
export const mayCoordinate = (access: Access) => hasRole(access, 'coordinator', 'admin');
/** Ambassador routes: people with the school role `ambassador`. */
export const isAmbassador = (access: Access) => access.schoolRoles.includes('ambassador');

/** A rota covers a half term or a term; a year at most. */
const maxRangeDays = 366;

// ---------------------------------------------------------------------------------------------
// The rota as one request sees it

interface Ctx {
  tenantId: string;
  today: string;
  now: Date;
  settings: RotaSettings | undefined;
  slots: RotaSlot[];
  slotById: Map<string, RotaSlot>;
  ambassadors: Map<string, AmbassadorRecord>;
  calendar: SchoolCalendar;
}

export class RotaService {
  constructor(private readonly deps: RotaServiceDeps) {}

  async #ctx(tenantId: string): Promise<Ctx> {
    const { rotas, schools, clock } = this.deps;
    const [school, calendar, settings, slots, ambassadors] = await Promise.all([
      schools.get(tenantId),
      schools.calendar(tenantId),
      rotas.settings(tenantId),
      rotas.slots(tenantId),
      rotas.ambassadors(tenantId),
    ]);
    const now = clock.now();
    return {
      tenantId,
      now,
      today: localDateOf(now, school?.timeZone ?? defaultTimeZone),
      settings,
      slots,
      slotById: new Map(slots.map((s) => [s.id, s])),
      ambassadors: new Map(ambassadors.map((a) => [a.id, a])),
      calendar,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Coordinator

  /** Everything for the week grid, for dates `from`–`to` (default: this week). */
  async overview(access: Access, from?: string, to?: string): Promise<RotaOverview> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const range = checkRange(from ?? mondayOf(ctx.today), to, 6);
    const weeks = await this.deps.rotas.weeks(access.tenantId, mondaysOf(range.from, range.to));
    const inRange = (a: Duty) => a.date >= range.from && a.date <= range.to;
    const assignments = weeks.flatMap((w) => w.assignments).filter(inRange);
    const loads: Record<string, number> = {};
    for (const a of assignments) loads[a.ambassadorId] = (loads[a.ambassadorId] ?? 0) + 1;
    const requests = await this.#pending(ctx, weeks);
    return {
      today: ctx.today,
      settings: ctx.settings ?? null,
      slots: sortSlots(ctx.slots),
      ambassadors: [...ctx.ambassadors.values()].sort((a, b) => compareIds(a.id, b.id)),
      from: range.from,
      to: range.to,
      dates: datesBetween(range.from, range.to).map((date) => dateView(ctx, date)),
      assignments: sortAssignments(assignments),
      unfilled: weeks.flatMap((w) =>
        shortDuties(ctx, w).filter((d) => d.date >= ctx.today && inRange(d)),
      ),
      warnings: weeks.flatMap((w) =>
        warningsOf(ctx, w).filter((x) => x.date >= ctx.today && inRange(x)),
      ),
      requests,
      loads,
    };
  }

  /** Open and accepted requests from today on, and approved ones whose change is not yet in the rota. */
  async #pending(ctx: Ctx, loaded: RotaWeek[]): Promise<SwapRequest[]> {
    const all = await this.deps.rotas.requests(ctx.tenantId);
    const upcoming = all.filter((r) => r.dutyDate >= ctx.today);
    const weeks = new Map(loaded.map((w) => [w.monday, w]));
    const out: SwapRequest[] = [];
    for (const r of upcoming) {
      if (r.status === 'open' || r.status === 'accepted') out.push(r);
      else if (r.status === 'approved') {
        const monday = mondayOf(r.dutyDate);
        const week = weeks.get(monday) ?? (await this.deps.rotas.week(ctx.tenantId, monday))?.value;
        if (!week?.applied.includes(r.id)) out.push(r);
      }
    }
    return out.sort((a, b) => compareIds(a.dutyDate, b.dutyDate) || compareIds(a.id, b.id));
  }

  async setSettings(
    access: Access,
    input: SettingsInput,
  ): Promise<{ settings: RotaSettings; removed: number }> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const problems: RotaProblem[] = [];
    if (!isIsoDate(input.startDate) || !isIsoDate(input.endDate)) problems.push('dateInvalid');
    else if (input.endDate < input.startDate) problems.push('endBeforeStart');
    else if (dayNumber(input.endDate) - dayNumber(input.startDate) >= maxRangeDays)
      problems.push('rangeTooLong');
    if (!Number.isInteger(input.maxPerWeek) || input.maxPerWeek < 1 || input.maxPerWeek > 10)
      problems.push('rotaInvalid');
    if (!input.weekAB && ctx.slots.some((s) => s.week !== undefined))
      problems.push('weekWithoutWeekAB');
    if (problems.length) throw rotaRefusal('invalidInput', problems);
    const settings: RotaSettings = {
      startDate: input.startDate,
      endDate: input.endDate,
      weekAB: input.weekAB,
      maxPerWeek: input.maxPerWeek,
      approvalRequired: input.approvalRequired ?? true,
      updatedAt: ctx.now.toISOString(),
      updatedBy: access.userId,
    };
    await this.deps.rotas.putSettings(access.tenantId, settings);
    return { settings, removed: await this.#prune({ ...ctx, settings }) };
  }

  /** Replaces every slot. Future assignments on slots that went (or no longer fit) are removed. */
  async setSlots(
    access: Access,
    input: SlotInput[],
  ): Promise<{ slots: RotaSlot[]; removed: number }> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const problems: RotaProblem[] = [];
    const slots: RotaSlot[] = input.map((s) => ({
      id: s.id ?? `slot-${crypto.randomUUID().slice(0, 8)}`,
      weekday: s.weekday,
      periodId: s.periodId.trim(),
      placeId: s.placeId.trim(),
      needed: s.needed,
      supervisingAdult: s.supervisingAdult.trim(),
      ...(s.week ? { week: s.week } : {}),
    }));
    const ids = new Set<string>();
    const places = new Set<string>();
    for (const s of slots) {
      if (ids.has(s.id)) problems.push('duplicateSlot');
      ids.add(s.id);
      const place = JSON.stringify([s.weekday, s.periodId, s.placeId, s.week ?? '']);
      if (places.has(place)) problems.push('slotRepeated');
      places.add(place);
      if (!isWeekdayNumber(s.weekday) || !s.periodId || !s.placeId || !s.supervisingAdult)
        problems.push('rotaInvalid');
      if (!Number.isInteger(s.needed) || s.needed < 1 || s.needed > 4) problems.push('rotaInvalid');
      if (s.week && ctx.settings && !ctx.settings.weekAB) problems.push('weekWithoutWeekAB');
    }
    if (problems.length) throw rotaRefusal('invalidInput', problems);
    await this.deps.rotas.putSlots(access.tenantId, {
      slots,
      updatedAt: ctx.now.toISOString(),
      updatedBy: access.userId,
    });
    const next = { ...ctx, slots, slotById: new Map(slots.map((s) => [s.id, s])) };
    return { slots: sortSlots(slots), removed: await this.#prune(next) };
  }

  /**
   * After the dates or slots change: removes assignments after today that are no longer duties,
   * and people beyond what a duty needs (locked ones are kept first). Returns how many went.
   */
  async #prune(ctx: Ctx): Promise<number> {
    const from = mondayOf(ctx.today);
    let removed = 0;
    for (const stored of await this.deps.rotas.allWeeks(ctx.tenantId)) {
      if (stored.value.monday < from) continue;
      await this.deps.rotas.updateWeek(ctx.tenantId, stored.value.monday, (week) => {
        const keep: DutyAssignment[] = [];
        const byDuty = new Map<string, DutyAssignment[]>();
        for (const a of week.assignments) {
          if (a.date <= ctx.today) keep.push(a);
          else if (isDutyAssignment(ctx, a)) {
            const list = byDuty.get(dutyKey(a)) ?? [];
            list.push(a);
            byDuty.set(dutyKey(a), list);
          }
        }
        for (const list of byDuty.values()) {
          const needed = ctx.slotById.get(list[0]!.slotId)!.needed;
          list.sort((x, y) => Number(y.locked) - Number(x.locked) || compareIds(x.at, y.at));
          keep.push(...list.slice(0, needed));
        }
        const gone = week.assignments.length - keep.length;
        if (gone === 0) return undefined;
        removed += gone;
        return { ...week, assignments: sortAssignments(keep) };
      });
    }
    return removed;
  }

  /**
   * Adds or changes an ambassador. Deactivating one takes them off every duty from today on,
   * cancels their requests and gives back the cover they had accepted but not yet had approved.
   */
  async upsertAmbassador(
    access: Access,
    id: string,
    input: AmbassadorInput,
  ): Promise<{ ambassador: AmbassadorRecord; removedDuties: Duty[] }> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const problems: RotaProblem[] = [];
    if (!Number.isInteger(input.yearGroup) || input.yearGroup < 3 || input.yearGroup > 13)
      problems.push('rotaInvalid');
    if (!isIsoDate(input.trainedOn)) problems.push('dateInvalid');
    problems.push(...availabilityProblems(ctx, input.availability));
    if (problems.length) throw rotaRefusal('invalidInput', problems);
    const ambassador = (await this.deps.rotas.updateAmbassador(access.tenantId, id, () => ({
      id,
      yearGroup: input.yearGroup,
      trainedOn: input.trainedOn,
      active: input.active,
      availability: normaliseAvailability(input.availability),
      updatedAt: ctx.now.toISOString(),
      updatedBy: access.userId,
    })))!;
    const removedDuties = input.active ? [] : await this.#withdraw(ctx, id, access.userId);
    return { ambassador, removedDuties };
  }

  async #withdraw(ctx: Ctx, id: string, by: string): Promise<Duty[]> {
    const removed: Duty[] = [];
    for (const stored of await this.deps.rotas.allWeeks(ctx.tenantId)) {
      if (stored.value.monday < mondayOf(ctx.today)) continue;
      await this.deps.rotas.updateWeek(ctx.tenantId, stored.value.monday, (week) => {
        const mine = week.assignments.filter((a) => a.ambassadorId === id && a.date >= ctx.today);
        if (!mine.length) return undefined;
        removed.push(...mine.map(({ date, slotId }) => ({ date, slotId })));
        return { ...week, assignments: week.assignments.filter((a) => !mine.includes(a)) };
      });
    }
    const now = ctx.now.toISOString();
    for (const r of await this.deps.rotas.requests(ctx.tenantId)) {
      if (r.requesterId === id && (r.status === 'open' || r.status === 'accepted')) {
        await this.#transition(ctx.tenantId, r.id, (cur) => {
          if (cur.status !== 'open' && cur.status !== 'accepted') return undefined;
          return decided(cur, 'cancelled', by, now);
        });
      } else if (r.acceptorId === id && r.status === 'accepted') {
        await this.#transition(ctx.tenantId, r.id, (cur) =>
          cur.status === 'accepted' && cur.acceptorId === id
            ? released(cur, 'ambassadorInactive', now)
            : undefined,
        );
      }
    }
    return removed;
  }

  /** Fills every duty after today, keeping locked assignments; today and the past stay as they are. */
  async fill(access: Access): Promise<FillResult> {
    coordinatorOnly(access);
    for (let attempt = 0; attempt < 5; attempt++) {
      const ctx = await this.#ctx(access.tenantId);
      const settings = ctx.settings;
      if (!settings) throw rotaRefusal('conflict', ['rotaNotSet']);
      const first = maxDate(settings.startDate, ctx.today);
      if (first > settings.endDate) throw rotaRefusal('conflict', ['rotaOver']);
      const mondays = mondaysOf(first, settings.endDate);
      const stored = await Promise.all(mondays.map((m) => this.deps.rotas.week(ctx.tenantId, m)));
      const weeks = stored.map((s, i) => s?.value ?? emptyWeek(mondays[i]!));
      const all = weeks.flatMap((w) => w.assignments);
      const kept = all.filter((a) => a.date <= ctx.today);
      const future = all.filter((a) => a.date > ctx.today);
      const dropped = future.filter((a) => !isDutyAssignment(ctx, a)).length;
      const locks = future.filter((a) => a.locked && isDutyAssignment(ctx, a));
      checkLocks(ctx, kept, locks);

      const schoolDates = schoolDaysBetween(ctx.calendar, first, settings.endDate).filter(
        (d) => d > ctx.today,
      );
      let result: AutofillResult;
      try {
        result = autofill({
          rota: {
            startDate: settings.startDate,
            endDate: settings.endDate,
            weekAB: settings.weekAB,
            maxPerWeek: settings.maxPerWeek,
            schoolDates,
          },
          slots: ctx.slots,
          ambassadors: [...ctx.ambassadors.values()],
          locked: locks.map(({ date, slotId, ambassadorId }) => ({ date, slotId, ambassadorId })),
        });
      } catch (e) {
        throw autofillRefusal(e);
      }
      const { assignments, unfilled } = respectKeptMaximum(ctx, kept, result, locks);

      const at = ctx.now.toISOString();
      const lockedKeys = new Set(locks.map(assignmentKey));
      const byWeek = new Map<string, DutyAssignment[]>();
      for (const a of assignments) {
        const made: DutyAssignment = lockedKeys.has(assignmentKey(a))
          ? locks.find((l) => assignmentKey(l) === assignmentKey(a))!
          : { ...a, locked: false, source: 'fill', by: access.userId, at };
        const list = byWeek.get(mondayOf(a.date)) ?? [];
        list.push(made);
        byWeek.set(mondayOf(a.date), list);
      }
      let lost = false;
      const written: DutyAssignment[] = [];
      for (const [i, week] of weeks.entries()) {
        const next: RotaWeek = {
          ...week,
          assignments: sortAssignments([
            ...week.assignments.filter((a) => a.date <= ctx.today),
            ...(byWeek.get(week.monday) ?? []),
          ]),
        };
        written.push(...next.assignments.filter((a) => a.date >= first));
        if (sameAssignments(week, next)) continue;
        if (!(await this.deps.rotas.writeWeekIfUnchanged(ctx.tenantId, next, stored[i]?.etag))) {
          lost = true;
          break;
        }
      }
      // Someone changed a week while we filled: fill again from what is there now.
      if (lost) continue;
      const missing = unfilled.reduce((n, u) => n + u.missing, 0);
      return {
        from: first,
        to: settings.endDate,
        assignments: written,
        unfilled,
        stats: { ...result.stats, filled: result.stats.needed - missing },
        dropped,
      };
    }
    throw rotaRefusal('unavailable', ['busyTryAgain']);
  }

  /** Hand assignment, lock, unlock and clear. Each keeps every hard rule of the rota. */
  async changeAssignment(
    access: Access,
    change: AssignmentChange,
  ): Promise<{
    duty: { date: string; slotId: string; assignments: DutyAssignment[] } | null;
    removed: number;
  }> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    if (change.action === 'clearRange') {
      const range = checkRange(change.from, change.to, 0);
      let removed = 0;
      for (const monday of mondaysOf(range.from, range.to)) {
        await this.deps.rotas.updateWeek(ctx.tenantId, monday, (week) => {
          const keep = week.assignments.filter(
            (a) => a.locked || a.date <= ctx.today || a.date < range.from || a.date > range.to,
          );
          if (keep.length === week.assignments.length) return undefined;
          removed += week.assignments.length - keep.length;
          return { ...week, assignments: keep };
        });
      }
      return { duty: null, removed };
    }
    const slot = dutyFor(ctx, change.date, change.slotId);
    if (change.date < ctx.today) throw rotaRefusal('conflict', ['dutyPast']);
    const ambassador =
      change.ambassadorId === undefined ? undefined : ctx.ambassadors.get(change.ambassadorId);
    if (change.ambassadorId !== undefined && !ambassador)
      throw rotaRefusal('notFound', ['unknownAmbassador']);
    const at = ctx.now.toISOString();
    let removed = 0;
    const week = await this.deps.rotas.updateWeek(ctx.tenantId, mondayOf(change.date), (w) => {
      const onDuty = (a: DutyAssignment) => a.date === change.date && a.slotId === change.slotId;
      const index = w.assignments.findIndex(
        (a) => onDuty(a) && a.ambassadorId === change.ambassadorId,
      );
      const others = w.assignments.filter((_, i) => i !== index);
      switch (change.action) {
        case 'assign': {
          const problems = addProblems(ctx, w.assignments, change.date, slot, ambassador!);
          if (problems.length) throw rotaRefusal('conflict', problems);
          const made: DutyAssignment = {
            date: change.date,
            slotId: change.slotId,
            ambassadorId: change.ambassadorId,
            locked: change.locked ?? true,
            source: 'hand',
            by: access.userId,
            at,
          };
          return { ...w, assignments: sortAssignments([...w.assignments, made]) };
        }
        case 'lock':
        case 'unlock': {
          if (index < 0) throw rotaRefusal('conflict', ['notOnDuty']);
          const current = w.assignments[index]!;
          const locked = change.action === 'lock';
          if (current.locked === locked) return undefined;
          if (locked) {
            // A lock is a promise the next fill must keep: only one that keeps every rule.
            const problems = addProblems(ctx, others, change.date, slot, ambassador!);
            if (problems.length) throw rotaRefusal('conflict', problems.map(asLockProblem));
          }
          return { ...w, assignments: sortAssignments([...others, { ...current, locked }]) };
        }
        case 'clear': {
          if (change.ambassadorId !== undefined) {
            if (index < 0) throw rotaRefusal('conflict', ['notOnDuty']);
            removed = 1;
            return { ...w, assignments: others };
          }
          const keep = w.assignments.filter((a) => !onDuty(a));
          removed = w.assignments.length - keep.length;
          return removed ? { ...w, assignments: keep } : undefined;
        }
      }
    });
    return {
      duty: {
        date: change.date,
        slotId: change.slotId,
        assignments: week.assignments.filter(
          (a) => a.date === change.date && a.slotId === change.slotId,
        ),
      },
      removed,
    };
  }

  /**
   * Approves an accepted request and applies it. With `ambassadorId` (cover only), the
   * coordinator overrides first come, first served and gives the duty to that ambassador,
   * whether or not someone had accepted it. Approving an approved request whose change never
   * reached the rota (the server stopped in between) applies it now.
   */
  async approve(access: Access, requestId: string, ambassadorId?: string): Promise<SwapRequest> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const stored = await this.deps.rotas.request(ctx.tenantId, requestId);
    if (!stored) throw rotaRefusal('notFound', ['unknownRequest']);
    const request = stored.value;
    const now = ctx.now.toISOString();
    if (ambassadorId !== undefined) {
      if (request.kind !== 'cover') throw rotaRefusal('invalidInput', ['overrideOnlyCover']);
      if (!ctx.ambassadors.has(ambassadorId)) throw rotaRefusal('notFound', ['unknownAmbassador']);
      if (ambassadorId === request.requesterId) throw rotaRefusal('conflict', ['alreadyOnDuty']);
    }
    const repair =
      ambassadorId === undefined &&
      request.status === 'approved' &&
      !(await this.#isApplied(ctx, request));
    if (!repair) {
      const allowed = ambassadorId === undefined ? ['accepted'] : ['open', 'accepted'];
      if (!allowed.includes(request.status))
        throw rotaRefusal('conflict', [
          request.status === 'open' ? 'requestNotAccepted' : 'requestNotOpen',
        ]);
    }
    if (repair) {
      // Each week still checks every rule, and skips itself if it already has the change.
      await this.#apply(ctx, request);
      await this.#tell(ctx.tenantId, request);
      return request;
    }
    const target: SwapRequest =
      ambassadorId === undefined ? request : { ...request, acceptorId: ambassadorId };
    await this.#check(ctx, target);
    const approved = await this.#transition(ctx.tenantId, requestId, (cur) => {
      if (!(ambassadorId === undefined ? ['accepted'] : ['open', 'accepted']).includes(cur.status))
        throw rotaRefusal('conflict', ['requestNotOpen']);
      if (ambassadorId === undefined && cur.acceptorId !== request.acceptorId)
        throw rotaRefusal('conflict', ['requestNotOpen']);
      const next = decided(
        ambassadorId === undefined ? cur : withoutAcceptance(cur),
        'approved',
        access.userId,
        now,
      );
      if (ambassadorId === undefined) return next;
      return {
        ...next,
        acceptorId: ambassadorId,
        acceptedAt: now,
        history: [
          ...cur.history,
          { action: 'overridden', by: access.userId, at: now },
          { action: 'approved', by: access.userId, at: now },
        ],
      };
    });
    await this.#applyOrRelease(ctx, approved.value, stored.value);
    await this.#tell(ctx.tenantId, approved.value);
    return approved.value;
  }

  async decline(access: Access, requestId: string): Promise<SwapRequest> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const now = ctx.now.toISOString();
    const done = await this.#transition(ctx.tenantId, requestId, (cur) => {
      if (cur.status !== 'open' && cur.status !== 'accepted')
        throw rotaRefusal('conflict', ['requestNotOpen']);
      return decided(cur, 'declined', access.userId, now);
    });
    await this.#tell(ctx.tenantId, done.value);
    return done.value;
  }

  /** The duties of a date range, for the coordinator's CSV export. */
  async exportRows(access: Access, from?: string, to?: string): Promise<ExportRow[]> {
    coordinatorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    if (!ctx.settings && (!from || !to)) throw rotaRefusal('conflict', ['rotaNotSet']);
    const range = checkRange(from ?? ctx.settings!.startDate, to ?? ctx.settings!.endDate, 0);
    const weeks = await this.deps.rotas.weeks(ctx.tenantId, mondaysOf(range.from, range.to));
    const rows: ExportRow[] = [];
    for (const a of weeks.flatMap((w) => w.assignments)) {
      if (a.date < range.from || a.date > range.to || !isDutyAssignment(ctx, a)) continue;
      const slot = ctx.slotById.get(a.slotId)!;
      const week = weekLabel(ctx, a.date);
      const yearGroup = ctx.ambassadors.get(a.ambassadorId)?.yearGroup;
      rows.push({
        date: a.date,
        weekday: slot.weekday,
        ...(week ? { week } : {}),
        periodId: slot.periodId,
        placeId: slot.placeId,
        supervisingAdult: slot.supervisingAdult,
        ambassadorId: a.ambassadorId,
        ...(yearGroup !== undefined ? { yearGroup } : {}),
        locked: a.locked,
      });
    }
    return rows.sort(
      (x, y) =>
        compareIds(x.date, y.date) ||
        compareIds(x.periodId, y.periodId) ||
        compareIds(x.placeId, y.placeId) ||
        compareIds(x.ambassadorId, y.ambassadorId),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Ambassadors

  /** My duties from `from` (default today) to `to` (default the rota's end), and my requests. */
  async myRota(access: Access, from?: string, to?: string): Promise<MyRota> {
    ambassadorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const me = ctx.ambassadors.get(access.userId);
    const settings = ctx.settings
      ? {
          startDate: ctx.settings.startDate,
          endDate: ctx.settings.endDate,
          weekAB: ctx.settings.weekAB,
          maxPerWeek: ctx.settings.maxPerWeek,
          approvalRequired: ctx.settings.approvalRequired,
        }
      : null;
    const periods = [...new Set(ctx.slots.map((s) => s.periodId))].sort(compareIds);
    const base = { today: ctx.today, settings, periods };
    if (!me) return { ...base, onRota: false, ambassador: null, duties: [], requests: [] };
    const start = from ?? ctx.today;
    const end = to ?? maxDate(start, minDate(ctx.settings?.endDate ?? start, addDays(start, 365)));
    const range = checkRange(start, end, 0);
    const weeks = await this.deps.rotas.weeks(ctx.tenantId, mondaysOf(range.from, range.to));
    const requests = (await this.deps.rotas.requests(ctx.tenantId)).filter(
      (r) => (r.requesterId === me.id || r.acceptorId === me.id) && r.dutyDate >= ctx.today,
    );
    const duties: MyDuty[] = [];
    for (const week of weeks) {
      for (const view of dutyViews(ctx, week)) {
        if (view.date < range.from || view.date > range.to) continue;
        if (!view.ambassadorIds.includes(me.id)) continue;
        const mine = week.assignments.find(
          (a) => a.date === view.date && a.slotId === view.slotId && a.ambassadorId === me.id,
        )!;
        const request = requests.find(
          (r) =>
            r.requesterId === me.id &&
            r.dutyDate === view.date &&
            r.slotId === view.slotId &&
            (r.status === 'open' || r.status === 'accepted'),
        );
        duties.push({
          ...view,
          with: view.ambassadorIds.filter((id) => id !== me.id),
          locked: mine.locked,
          ...(request ? { requestId: request.id } : {}),
        });
      }
    }
    return { ...base, onRota: true, ambassador: me, duties, requests };
  }

  async setMyAvailability(access: Access, availability: Availability[]): Promise<AmbassadorRecord> {
    ambassadorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    if (!ctx.ambassadors.has(access.userId)) throw rotaRefusal('forbidden', ['notOnRota']);
    const problems = availabilityProblems(ctx, availability);
    if (problems.length) throw rotaRefusal('invalidInput', problems);
    return (await this.deps.rotas.updateAmbassador(ctx.tenantId, access.userId, (cur) =>
      cur
        ? {
            ...cur,
            availability: normaliseAvailability(availability),
            updatedAt: ctx.now.toISOString(),
            updatedBy: access.userId,
          }
        : undefined,
    ))!;
  }

  /** Asks for a swap or for cover on one of my duties from today on. */
  async ask(
    access: Access,
    input: { kind: SwapKind; date: string; slotId: string },
  ): Promise<SwapRequest> {
    ambassadorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    activeMe(ctx, access);
    dutyFor(ctx, input.date, input.slotId);
    if (input.date < ctx.today) throw rotaRefusal('conflict', ['dutyPast']);
    const week = (await this.deps.rotas.week(ctx.tenantId, mondayOf(input.date)))?.value;
    const onIt = week?.assignments.some(
      (a) => a.date === input.date && a.slotId === input.slotId && a.ambassadorId === access.userId,
    );
    if (!onIt) throw rotaRefusal('conflict', ['notYourDuty']);
    const existing = (await this.deps.rotas.requests(ctx.tenantId)).some(
      (r) =>
        r.requesterId === access.userId &&
        r.dutyDate === input.date &&
        r.slotId === input.slotId &&
        (r.status === 'open' || r.status === 'accepted'),
    );
    if (existing) throw rotaRefusal('conflict', ['requestExists']);
    const now = ctx.now.toISOString();
    const request: SwapRequest = {
      id: crypto.randomUUID(),
      kind: input.kind,
      dutyDate: input.date,
      slotId: input.slotId,
      requesterId: access.userId,
      status: 'open',
      createdAt: now,
      updatedAt: now,
      history: [{ action: 'asked', by: access.userId, at: now }],
    };
    await this.deps.rotas.createRequest(ctx.tenantId, request);
    return request;
  }

  /**
   * Takes someone's duty (cover), or swaps it for one of mine (`inReturn`). The first to accept
   * wins; anyone later is told the request is no longer open. When the school has turned
   * approval off, the rota changes at once.
   */
  async accept(access: Access, requestId: string, inReturn?: Duty): Promise<SwapRequest> {
    ambassadorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    activeMe(ctx, access);
    const stored = await this.deps.rotas.request(ctx.tenantId, requestId);
    if (!stored) throw rotaRefusal('notFound', ['unknownRequest']);
    const request = stored.value;
    if (request.requesterId === access.userId) throw rotaRefusal('conflict', ['ownRequest']);
    if (request.status !== 'open') throw rotaRefusal('conflict', ['requestNotOpen']);
    if (request.kind === 'cover' && inReturn)
      throw rotaRefusal('invalidInput', ['inReturnForCover']);
    if (request.kind === 'swap' && !inReturn)
      throw rotaRefusal('invalidInput', ['inReturnMissing']);
    if (inReturn) dutyFor(ctx, inReturn.date, inReturn.slotId);
    const accepted: SwapRequest = {
      ...request,
      acceptorId: access.userId,
      ...(inReturn ? { inReturn: { date: inReturn.date, slotId: inReturn.slotId } } : {}),
    };
    await this.#check(ctx, accepted);
    const now = ctx.now.toISOString();
    const auto = !(ctx.settings?.approvalRequired ?? true);
    const claimed = await this.#transition(ctx.tenantId, requestId, (cur) => {
      if (cur.status !== 'open') throw rotaRefusal('conflict', ['requestNotOpen']);
      const events: SwapEvent[] = [{ action: 'accepted', by: access.userId, at: now }];
      if (auto) events.push({ action: 'approved', at: now });
      return {
        ...cur,
        status: auto ? 'approved' : 'accepted',
        acceptorId: access.userId,
        ...(accepted.inReturn ? { inReturn: accepted.inReturn } : {}),
        acceptedAt: now,
        ...(auto ? { decidedAt: now } : {}),
        updatedAt: now,
        history: [...cur.history, ...events],
      };
    });
    if (auto) await this.#applyOrRelease(ctx, claimed.value, request);
    await this.#tell(ctx.tenantId, claimed.value);
    return claimed.value;
  }

  /** Withdraws my request while it is open or waiting for approval. */
  async cancel(access: Access, requestId: string): Promise<SwapRequest> {
    ambassadorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const now = ctx.now.toISOString();
    const done = await this.#transition(ctx.tenantId, requestId, (cur) => {
      // Someone else's request is as good as not there.
      if (cur.requesterId !== access.userId) throw rotaRefusal('notFound', ['unknownRequest']);
      if (cur.status !== 'open' && cur.status !== 'accepted')
        throw rotaRefusal('conflict', ['requestNotOpen']);
      return decided(cur, 'cancelled', access.userId, now);
    });
    return done.value;
  }

  /** Open requests from others that I could take now (for a swap: with what I could give back). */
  async openRequests(access: Access): Promise<OpenRequestView[]> {
    ambassadorOnly(access);
    const ctx = await this.#ctx(access.tenantId);
    const me = ctx.ambassadors.get(access.userId);
    if (!me?.active || !ctx.settings) return [];
    const open = (await this.deps.rotas.requests(ctx.tenantId)).filter(
      (r) => r.status === 'open' && r.requesterId !== me.id && r.dutyDate >= ctx.today,
    );
    if (!open.length) return [];
    const last = [ctx.settings.endDate, ...open.map((r) => r.dutyDate)].sort().at(-1)!;
    const mondays = mondaysOf(ctx.today, last);
    const weeks = new Map(
      (await this.deps.rotas.weeks(ctx.tenantId, mondays)).map((w) => [w.monday, w]),
    );
    const weekOfDate = (date: string) => weeks.get(mondayOf(date)) ?? emptyWeek(mondayOf(date));
    const myDuties = [...weeks.values()]
      .flatMap((w) => w.assignments)
      .filter((a) => a.ambassadorId === me.id && a.date >= ctx.today && isDutyAssignment(ctx, a));
    const out: OpenRequestView[] = [];
    for (const request of open) {
      if (!ctx.slotById.has(request.slotId)) continue;
      const duty = viewOf(ctx, weekOfDate(request.dutyDate), request.dutyDate, request.slotId);
      if (request.kind === 'cover') {
        if (!movesProblems(ctx, weekOfDate, { ...request, acceptorId: me.id }).length)
          out.push({ request, duty });
        continue;
      }
      const options = myDuties
        .filter(
          (d) =>
            !movesProblems(ctx, weekOfDate, {
              ...request,
              acceptorId: me.id,
              inReturn: { date: d.date, slotId: d.slotId },
            }).length,
        )
        .map((d) => viewOf(ctx, weekOfDate(d.date), d.date, d.slotId));
      if (options.length) out.push({ request, duty, inReturnOptions: options });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // For the bot and workers

  /** Who is on duty on a date (default: today, school time): for the on-duty card and buddy requests. */
  async onDuty(tenantId: string, date?: string): Promise<{ date: string; duties: DutyView[] }> {
    const ctx = await this.#ctx(tenantId);
    const day = date ?? ctx.today;
    const week =
      (await this.deps.rotas.week(tenantId, mondayOf(day)))?.value ?? emptyWeek(mondayOf(day));
    const duties = dutyViews(ctx, week)
      .filter((d) => d.date === day)
      .map((d) => ({
        ...d,
        ambassadorIds: d.ambassadorIds.filter((id) => ctx.ambassadors.get(id)?.active),
      }))
      .filter((d) => d.ambassadorIds.length);
    return { date: day, duties };
  }

  // -------------------------------------------------------------------------------------------
  // Requests: checks, state changes and applying them to the rota

  /** The people involved hear about it; a message that can't be queued never undoes the change. */
  async #tell(tenantId: string, request: SwapRequest): Promise<void> {
    await this.deps.rotaEvents?.requestChanged(tenantId, request).catch(() => undefined);
  }

  /** Refuses a request that could not be applied to the rota as it is now. */
  async #check(ctx: Ctx, request: SwapRequest): Promise<void> {
    const problems: RotaProblem[] = [];
    if (request.dutyDate < ctx.today) problems.push('dutyPast');
    if (request.inReturn && request.inReturn.date < ctx.today) problems.push('dutyPast');
    if (!ctx.ambassadors.get(request.requesterId)?.active) problems.push('requesterInactive');
    if (problems.length) throw rotaRefusal('conflict', problems);
    const mondays = [...new Set(movesOf(request).map((m) => mondayOf(m.date)))];
    const weeks = new Map(
      (await this.deps.rotas.weeks(ctx.tenantId, mondays)).map((w) => [w.monday, w]),
    );
    const found = movesProblems(ctx, (d) => weeks.get(mondayOf(d))!, request);
    if (found.length) throw rotaRefusal('conflict', found);
  }

  async #isApplied(ctx: Ctx, request: SwapRequest): Promise<boolean> {
    for (const monday of new Set(movesOf(request).map((m) => mondayOf(m.date)))) {
      const week = (await this.deps.rotas.week(ctx.tenantId, monday))?.value;
      if (!week?.applied.includes(request.id)) return false;
    }
    return true;
  }

  /**
   * Re-reads, decides and writes a request with its etag until the write holds. `decide` may
   * throw to refuse (e.g. it is no longer open: someone else was first) or return undefined to
   * leave it as it is.
   */
  async #transition(
    tenantId: string,
    id: string,
    decide: (current: SwapRequest) => SwapRequest | undefined,
  ) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const stored = await this.deps.rotas.request(tenantId, id);
      if (!stored) throw rotaRefusal('notFound', ['unknownRequest']);
      const next = decide(stored.value);
      if (!next) return stored;
      const written = await this.deps.rotas.replaceRequest(stored, next);
      if (written) return written;
    }
    throw rotaRefusal('unavailable', ['busyTryAgain']);
  }

  /**
   * Applies an approved request to the rota. If the rota changed in the moment since it was
   * checked, the request goes back to how it was (`before`) and the caller hears why.
   */
  async #applyOrRelease(ctx: Ctx, request: SwapRequest, before: SwapRequest): Promise<void> {
    try {
      await this.#apply(ctx, request);
    } catch (e) {
      const problems = (e instanceof BelongError && e.problems) || [];
      const reason = problems[0] ?? 'dutyChanged';
      await this.#transition(ctx.tenantId, request.id, (cur) =>
        cur.status === 'approved'
          ? {
              ...before,
              updatedAt: ctx.now.toISOString(),
              history: [...cur.history, { action: 'released', at: ctx.now.toISOString(), reason }],
            }
          : undefined,
      );
      throw e;
    }
  }

  /**
   * Writes the request's moves into the rota, one week at a time (each week with its etag and
   * every rule checked again). A swap across two weeks that fails in the second is undone in
   * the first. Applying twice changes nothing: each week remembers the requests it has taken.
   */
  async #apply(ctx: Ctx, request: SwapRequest): Promise<void> {
    const moves = movesOf(request);
    const mondays = [...new Set(moves.map((m) => mondayOf(m.date)))].sort();
    const done: { monday: string; removed: DutyAssignment[] }[] = [];
    const by = request.acceptorId!;
    const at = ctx.now.toISOString();
    try {
      for (const monday of mondays) {
        let removed: DutyAssignment[] | undefined;
        await this.deps.rotas.updateWeek(ctx.tenantId, monday, (week) => {
          removed = undefined;
          if (week.applied.includes(request.id)) return undefined;
          const result = applyMoves(
            ctx,
            week,
            moves.filter((m) => mondayOf(m.date) === monday),
            { requestId: request.id, by, at },
          );
          if (result.problems.length) throw rotaRefusal('conflict', result.problems);
          removed = result.removed;
          return result.week;
        });
        if (removed) done.push({ monday, removed });
      }
    } catch (e) {
      for (const { monday, removed } of done) {
        await this.deps.rotas.updateWeek(ctx.tenantId, monday, (week) => ({
          ...week,
          assignments: sortAssignments([
            ...week.assignments.filter((a) => a.requestId !== request.id),
            ...removed,
          ]),
          applied: week.applied.filter((id) => id !== request.id),
        }));
      }
      throw e;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Who may

function coordinatorOnly(access: Access): void {
  if (!mayCoordinate(access)) throw rotaRefusal('forbidden', ['notCoordinator']);
}

function ambassadorOnly(access: Access): void {
  if (!isAmbassador(access)) throw rotaRefusal('forbidden', ['notAmbassador']);
}

function activeMe(ctx: Ctx, access: Access): AmbassadorRecord {
  const me = ctx.ambassadors.get(access.userId);
  if (!me) throw rotaRefusal('forbidden', ['notOnRota']);
  if (!me.active) throw rotaRefusal('conflict', ['ambassadorInactive']);
  return me;
}

// ---------------------------------------------------------------------------------------------
// Dates and duties

const dayMs = 86_400_000;
const fromDayNumber = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => fromDayNumber(dayNumber(date) + days);
export const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
const isWeekdayNumber = (n: number): n is Weekday => Number.isInteger(n) && n >= 1 && n <= 5;

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push(fromDayNumber(n));
  return out;
}

/** Mondays of every week that has a day in `from`–`to`. */
export function mondaysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) out.push(m);
  return out;
}

/** A range of real dates, `to` defaulting to `from` + `defaultDays`, a year at most. */
function checkRange(from: string, to: string | undefined, defaultDays: number) {
  if (!isIsoDate(from) || (to !== undefined && !isIsoDate(to)))
    throw rotaRefusal('invalidInput', ['dateInvalid']);
  const end = to ?? addDays(from, defaultDays);
  if (end < from) throw rotaRefusal('invalidInput', ['endBeforeStart']);
  if (dayNumber(end) - dayNumber(from) >= maxRangeDays)
    throw rotaRefusal('invalidInput', ['rangeTooLong']);
  return { from, to: end };
}

function weekLabel(ctx: Ctx, date: string): WeekAB | undefined {
  const s = ctx.settings;
  return s?.weekAB && date >= s.startDate ? weekOf(s.startDate, date) : undefined;
}

function dateView(ctx: Ctx, date: string): DateView {
  const s = ctx.settings;
  const schoolDay = isSchoolDay(ctx.calendar, date);
  const week = weekLabel(ctx, date);
  return {
    date,
    weekday: weekdayOf(date),
    ...(week ? { week } : {}),
    schoolDay,
    inRota: !!s && schoolDay && date >= s.startDate && date <= s.endDate,
  };
}

/** Whether the slot has a duty on that date in the rota as it is now. */
function isDuty(ctx: Ctx, date: string, slot: RotaSlot): boolean {
  const s = ctx.settings;
  if (!s || date < s.startDate || date > s.endDate) return false;
  if (weekdayOf(date) !== slot.weekday || !isSchoolDay(ctx.calendar, date)) return false;
  return slotRunsIn(s, slot, weekOf(s.startDate, date));
}

const isDutyAssignment = (ctx: Ctx, a: Duty) => {
  const slot = ctx.slotById.get(a.slotId);
  return !!slot && isDuty(ctx, a.date, slot);
};

/** The slot of a duty the caller names: 400 unless it is a real duty of the rota. */
function dutyFor(ctx: Ctx, date: string, slotId: string): RotaSlot {
  if (!ctx.settings) throw rotaRefusal('conflict', ['rotaNotSet']);
  if (!isIsoDate(date)) throw rotaRefusal('invalidInput', ['dateInvalid']);
  const slot = ctx.slotById.get(slotId);
  if (!slot) throw rotaRefusal('invalidInput', ['unknownSlot']);
  if (!isDuty(ctx, date, slot)) throw rotaRefusal('invalidInput', ['notADuty']);
  return slot;
}

const dutyKey = (d: Duty) => `${d.date}|${d.slotId}`;
const assignmentKey = (a: Assignment) => `${a.date}|${a.slotId}|${a.ambassadorId}`;

function sortAssignments<T extends Assignment>(list: T[]): T[] {
  return [...list].sort(
    (x, y) =>
      compareIds(x.date, y.date) ||
      compareIds(x.slotId, y.slotId) ||
      compareIds(x.ambassadorId, y.ambassadorId),
  );
}

function sortDuties<T extends Duty>(list: T[]): T[] {
  return [...list].sort((x, y) => compareIds(x.date, y.date) || compareIds(x.slotId, y.slotId));
}

function sortSlots(slots: RotaSlot[]): RotaSlot[] {
  return [...slots].sort(
    (a, b) =>
      a.weekday - b.weekday ||
      compareIds(a.periodId, b.periodId) ||
      compareIds(a.placeId, b.placeId) ||
      compareIds(a.id, b.id),
  );
}

const sameAssignments = (a: RotaWeek, b: RotaWeek) =>
  JSON.stringify(a.assignments) === JSON.stringify(b.assignments);

function viewOf(ctx: Ctx, week: RotaWeek, date: string, slotId: string): DutyView {
  const slot = ctx.slotById.get(slotId)!;
  const w = weekLabel(ctx, date);
  return {
    date,
    slotId,
    weekday: slot.weekday,
    ...(w ? { week: w } : {}),
    periodId: slot.periodId,
    placeId: slot.placeId,
    supervisingAdult: slot.supervisingAdult,
    ambassadorIds: week.assignments
      .filter((a) => a.date === date && a.slotId === slotId)
      .map((a) => a.ambassadorId)
      .sort(compareIds),
  };
}

/** Every duty of a week that someone is on, by date then slot. */
function dutyViews(ctx: Ctx, week: RotaWeek): DutyView[] {
  const duties = new Map(
    week.assignments.filter((a) => isDutyAssignment(ctx, a)).map((a) => [dutyKey(a), a]),
  );
  return sortDuties([...duties.values()]).map((a) => viewOf(ctx, week, a.date, a.slotId));
}

// ---------------------------------------------------------------------------------------------
// Hard rules

type AddProblem =
  'ambassadorInactive' | 'notAvailable' | 'alreadyOnDuty' | 'busyThen' | 'dutyFull' | 'atMaximum';

/** Why `ambassador` could not be added to the duty, given the week's other assignments. */
function addProblems(
  ctx: Ctx,
  assignments: readonly DutyAssignment[],
  date: string,
  slot: RotaSlot,
  ambassador: AmbassadorRecord,
): AddProblem[] {
  const s = ctx.settings!;
  const problems: AddProblem[] = [];
  if (!ambassador.active) problems.push('ambassadorInactive');
  if (!isAvailable(s, ambassador, slot.weekday, slot.periodId, weekOf(s.startDate, date)))
    problems.push('notAvailable');
  const onDuty = assignments.filter((a) => a.date === date && a.slotId === slot.id);
  if (onDuty.some((a) => a.ambassadorId === ambassador.id)) return [...problems, 'alreadyOnDuty'];
  const mine = assignments.filter((a) => a.ambassadorId === ambassador.id);
  if (mine.some((a) => a.date === date && ctx.slotById.get(a.slotId)?.periodId === slot.periodId))
    problems.push('busyThen');
  if (onDuty.length >= slot.needed) problems.push('dutyFull');
  const week = mondayOf(date);
  if (mine.filter((a) => mondayOf(a.date) === week).length >= s.maxPerWeek)
    problems.push('atMaximum');
  return problems;
}

const requesterCodes: Record<AddProblem, RotaProblem> = {
  ambassadorInactive: 'requesterInactive',
  notAvailable: 'requesterNotAvailable',
  alreadyOnDuty: 'requesterAlreadyOnDuty',
  busyThen: 'requesterBusyThen',
  dutyFull: 'dutyChanged',
  atMaximum: 'requesterAtMaximum',
};

const lockCodes: Record<AddProblem, RotaProblem> = {
  ambassadorInactive: 'lockInactive',
  notAvailable: 'lockUnavailable',
  alreadyOnDuty: 'lockClash',
  busyThen: 'lockClash',
  dutyFull: 'lockOverfills',
  atMaximum: 'lockOverMaximum',
};
const asLockProblem = (p: AddProblem) => lockCodes[p];

/** A re-fill keeps locks as they are, so each must still keep every rule; otherwise we say which. */
function checkLocks(ctx: Ctx, kept: DutyAssignment[], locks: DutyAssignment[]): void {
  const placed = [...kept];
  const problems: RotaProblem[] = [];
  const where: string[] = [];
  for (const lock of sortAssignments(locks)) {
    const slot = ctx.slotById.get(lock.slotId)!;
    const ambassador = ctx.ambassadors.get(lock.ambassadorId);
    const found = ambassador
      ? addProblems(ctx, placed, lock.date, slot, ambassador).map(asLockProblem)
      : (['lockInactive'] as RotaProblem[]);
    if (found.length) {
      problems.push(...found);
      where.push(`${lock.date} ${lock.slotId}`);
    }
    placed.push(lock);
  }
  if (problems.length)
    throw rotaRefusal('conflict', problems, `unlock or change: ${[...new Set(where)].join(', ')}`);
}

/** Turns an auto-fill input refusal (`code (detail); …` in its message) into problem codes. */
function autofillRefusal(e: unknown): unknown {
  if (!(e instanceof BelongError) || e.code !== 'invalidInput') return e;
  const codes = [...e.message.matchAll(/(?:: |; )([A-Za-z]+) \(/g)].map((m) => m[1]!);
  const known = (c: string): RotaProblem =>
    (rotaProblemCodes as readonly string[]).includes(c) ? (c as RotaProblem) : 'rotaInvalid';
  return rotaRefusal('conflict', codes.length ? codes.map(known) : ['rotaInvalid']);
}

/**
 * Why a duty is short (as in decision 009): nobody else active is available then; everyone who
 * is has the weekly maximum; or everyone who is, is at the maximum or on another duty then.
 */
function shortReason(
  ctx: Ctx,
  assignments: readonly DutyAssignment[],
  date: string,
  slot: RotaSlot,
): UnfilledReason {
  let available = 0;
  let atMax = 0;
  for (const a of ctx.ambassadors.values()) {
    const problems = addProblems(ctx, assignments, date, slot, a);
    if (problems.includes('ambassadorInactive') || problems.includes('notAvailable')) continue;
    if (problems.includes('alreadyOnDuty')) continue;
    available++;
    if (problems.includes('atMaximum')) atMax++;
  }
  if (available === 0) return 'nobody_available';
  return atMax === available ? 'everyone_at_maximum' : 'everyone_busy';
}

/** Duties of a week (stored or not) that need more ambassadors. */
function shortDuties(ctx: Ctx, week: RotaWeek): UnfilledDuty[] {
  const out: UnfilledDuty[] = [];
  for (const date of datesBetween(week.monday, addDays(week.monday, 4))) {
    for (const slot of sortSlots(ctx.slots)) {
      if (!isDuty(ctx, date, slot)) continue;
      const count = week.assignments.filter((a) => a.date === date && a.slotId === slot.id).length;
      if (count < slot.needed) {
        out.push({
          date,
          slotId: slot.id,
          missing: slot.needed - count,
          reason: shortReason(ctx, week.assignments, date, slot),
        });
      }
    }
  }
  return sortDuties(out);
}

/** Assignments that break a rule now: dates or slots changed, or availability, or the maximum. */
function warningsOf(ctx: Ctx, week: RotaWeek): RotaWarning[] {
  const out: RotaWarning[] = [];
  const s = ctx.settings;
  for (const [i, a] of week.assignments.entries()) {
    const warn = (kind: WarningKind) =>
      out.push({ date: a.date, slotId: a.slotId, ambassadorId: a.ambassadorId, kind });
    const slot = ctx.slotById.get(a.slotId);
    const ambassador = ctx.ambassadors.get(a.ambassadorId);
    if (!s || !slot || !isDuty(ctx, a.date, slot)) {
      warn('notADuty');
      continue;
    }
    if (!ambassador?.active) {
      warn('inactive');
      continue;
    }
    if (!isAvailable(s, ambassador, slot.weekday, slot.periodId, weekOf(s.startDate, a.date)))
      warn('unavailable');
    const others = week.assignments.filter((_, j) => j !== i);
    if (
      others.some(
        (o) =>
          o.ambassadorId === a.ambassadorId &&
          o.date === a.date &&
          ctx.slotById.get(o.slotId)?.periodId === slot.periodId,
      )
    )
      warn('clash');
    if (week.assignments.filter((o) => o.ambassadorId === a.ambassadorId).length > s.maxPerWeek)
      warn('overMaximum');
  }
  return out;
}

/**
 * A fill only changes dates after today, but this week's weekly maximum counts the duties
 * already done (or being done today). Auto-fill cannot see those, so any ambassador it gave too
 * many this week loses the latest extra ones, and each freed place goes to the least loaded
 * ambassador who can take it, if anyone can.
 */
function respectKeptMaximum(
  ctx: Ctx,
  kept: DutyAssignment[],
  result: AutofillResult,
  locks: DutyAssignment[],
): { assignments: Assignment[]; unfilled: UnfilledDuty[] } {
  const thisWeek = mondayOf(ctx.today);
  const keptThisWeek = kept.filter((a) => mondayOf(a.date) === thisWeek);
  if (!keptThisWeek.length) return result;
  const max = ctx.settings!.maxPerWeek;
  const locked = new Set(locks.map(assignmentKey));
  let assignments = [...result.assignments];
  const loads = new Map(Object.entries(result.loads));
  const count = (id: string) =>
    [...keptThisWeek, ...assignments].filter(
      (a) => a.ambassadorId === id && mondayOf(a.date) === thisWeek,
    ).length;
  const freed: Duty[] = [];
  const candidates = assignments
    .filter((a) => mondayOf(a.date) === thisWeek && !locked.has(assignmentKey(a)))
    .sort((x, y) => compareIds(y.date, x.date) || compareIds(y.slotId, x.slotId));
  for (const a of candidates) {
    if (count(a.ambassadorId) <= max) continue;
    assignments = assignments.filter((x) => x !== a);
    loads.set(a.ambassadorId, (loads.get(a.ambassadorId) ?? 1) - 1);
    freed.push({ date: a.date, slotId: a.slotId });
  }
  if (!freed.length) return result;
  const unfilled = [...result.unfilled];
  const asStored = () =>
    [...keptThisWeek, ...assignments].map((a) => ({
      ...a,
      locked: false,
      source: 'fill' as const,
      by: '',
      at: '',
    }));
  for (const duty of sortDuties(freed)) {
    const slot = ctx.slotById.get(duty.slotId)!;
    const placed = asStored().filter((a) => mondayOf(a.date) === thisWeek);
    const pick = [...ctx.ambassadors.values()]
      .filter((a) => !addProblems(ctx, placed, duty.date, slot, a).length)
      .sort((x, y) => (loads.get(x.id) ?? 0) - (loads.get(y.id) ?? 0) || compareIds(x.id, y.id))[0];
    if (pick) {
      assignments.push({ date: duty.date, slotId: duty.slotId, ambassadorId: pick.id });
      loads.set(pick.id, (loads.get(pick.id) ?? 0) + 1);
      continue;
    }
    const existing = unfilled.find((u) => u.date === duty.date && u.slotId === duty.slotId);
    if (existing) existing.missing++;
    else
      unfilled.push({
        date: duty.date,
        slotId: duty.slotId,
        missing: 1,
        reason: shortReason(ctx, placed, duty.date, slot),
      });
  }
  return { assignments: sortAssignments(assignments), unfilled: sortDuties(unfilled) };
}

function availabilityProblems(ctx: Ctx, availability: readonly Availability[]): RotaProblem[] {
  const problems: RotaProblem[] = [];
  for (const a of availability) {
    if (!isWeekdayNumber(a.weekday) || !a.periodId?.trim()) problems.push('rotaInvalid');
    if (a.week !== undefined && a.week !== 'A' && a.week !== 'B') problems.push('rotaInvalid');
    if (a.week && ctx.settings && !ctx.settings.weekAB) problems.push('weekWithoutWeekAB');
  }
  return problems;
}

function normaliseAvailability(availability: readonly Availability[]): Availability[] {
  const unique = new Map<string, Availability>();
  for (const a of availability) {
    const entry: Availability = {
      weekday: a.weekday,
      periodId: a.periodId.trim(),
      ...(a.week ? { week: a.week } : {}),
    };
    unique.set(JSON.stringify([entry.weekday, entry.periodId, entry.week ?? '']), entry);
  }
  return [...unique.values()].sort(
    (a, b) =>
      a.weekday - b.weekday ||
      compareIds(a.periodId, b.periodId) ||
      compareIds(a.week ?? '', b.week ?? ''),
  );
}

// ---------------------------------------------------------------------------------------------
// Requests as moves on the rota

interface Move {
  date: string;
  slotId: string;
  from: string;
  to: string;
  /** Who is added: the acceptor, or (a swap's return leg) the requester. */
  party: 'acceptor' | 'requester';
}

/** Cover: the acceptor takes the requester's place. Swap: and the requester takes theirs back. */
function movesOf(request: SwapRequest): Move[] {
  const acceptor = request.acceptorId!;
  const moves: Move[] = [
    {
      date: request.dutyDate,
      slotId: request.slotId,
      from: request.requesterId,
      to: acceptor,
      party: 'acceptor',
    },
  ];
  if (request.kind === 'swap' && request.inReturn) {
    moves.push({
      date: request.inReturn.date,
      slotId: request.inReturn.slotId,
      from: acceptor,
      to: request.requesterId,
      party: 'requester',
    });
  }
  return moves;
}

/** Applies moves to one week: removals first (each must still be there), then additions. */
function applyMoves(
  ctx: Ctx,
  week: RotaWeek,
  moves: Move[],
  made: { requestId: string; by: string; at: string },
): { week: RotaWeek; removed: DutyAssignment[]; problems: RotaProblem[] } {
  const problems: RotaProblem[] = [];
  let assignments = [...week.assignments];
  const removed: DutyAssignment[] = [];
  for (const m of moves) {
    const found = assignments.find(
      (a) => a.date === m.date && a.slotId === m.slotId && a.ambassadorId === m.from,
    );
    const slot = ctx.slotById.get(m.slotId);
    if (!found || !slot || !isDuty(ctx, m.date, slot)) {
      problems.push(m.party === 'acceptor' ? 'dutyChanged' : 'inReturnChanged');
      continue;
    }
    removed.push(found);
    assignments = assignments.filter((a) => a !== found);
  }
  if (problems.length) return { week, removed, problems };
  for (const m of moves) {
    const slot = ctx.slotById.get(m.slotId)!;
    const who = ctx.ambassadors.get(m.to);
    const found: RotaProblem[] = who
      ? addProblems(ctx, assignments, m.date, slot, who).map((p) =>
          m.party === 'requester' ? requesterCodes[p] : p,
        )
      : [m.party === 'requester' ? 'requesterInactive' : 'ambassadorInactive'];
    problems.push(...found);
    assignments.push({
      date: m.date,
      slotId: m.slotId,
      ambassadorId: m.to,
      locked: true,
      source: 'request',
      by: made.by,
      at: made.at,
      requestId: made.requestId,
    });
  }
  return {
    week: {
      ...week,
      assignments: sortAssignments(assignments),
      applied: [...week.applied, made.requestId],
    },
    removed,
    problems,
  };
}

/** What stands in the way of a request's moves, given a way to find the week of a date. */
function movesProblems(
  ctx: Ctx,
  weekOfDate: (date: string) => RotaWeek,
  request: SwapRequest,
): RotaProblem[] {
  const moves = movesOf(request);
  if (request.kind === 'swap' && request.inReturn) {
    // The acceptor must be on the duty they offer.
    const back = request.inReturn;
    const theirs = weekOfDate(back.date).assignments.some(
      (a) =>
        a.date === back.date && a.slotId === back.slotId && a.ambassadorId === request.acceptorId,
    );
    if (!theirs) return ['inReturnNotYours'];
  }
  const problems: RotaProblem[] = [];
  for (const monday of new Set(moves.map((m) => mondayOf(m.date)))) {
    const week = weekOfDate(monday);
    const inWeek = moves.filter((m) => mondayOf(m.date) === monday);
    problems.push(
      ...applyMoves(ctx, week, inWeek, { requestId: request.id, by: '', at: '' }).problems,
    );
  }
  return [...new Set(problems)];
}

function decided(
  request: SwapRequest,
  status: 'approved' | 'declined' | 'cancelled',
  by: string,
  now: string,
): SwapRequest {
  return {
    ...request,
    status,
    decidedAt: now,
    decidedBy: by,
    updatedAt: now,
    history: [...request.history, { action: status, by, at: now }],
  };
}

function withoutAcceptance(request: SwapRequest): SwapRequest {
  const { acceptorId: _a, acceptedAt: _b, inReturn: _c, ...rest } = request;
  return rest;
}

/** Back to open for others: the acceptor can no longer take it. */
function released(request: SwapRequest, reason: RotaProblem, now: string): SwapRequest {
  return {
    ...withoutAcceptance(request),
    status: 'open',
    updatedAt: now,
    history: [...request.history, { action: 'released', at: now, reason }],
  };
}
