/**
 * The rota's rules as plain functions of one request's context: who may do what, which dates and
 * slots are duties, whether an ambassador can be added to a duty, why a duty is short, what breaks
 * a rule now, and the ordered views built from a week. Every action (coordinator.ts, fill.ts,
 * swaps.ts, ambassador.ts) judges with these, and auto-fill decides why a duty is short here too,
 * so a rule is written once and every screen gives the same reason for the same thing.
 */
import type { Access } from '../access.js';
import { hasRole } from '../access.js';
import { isSchoolDay } from '../schedule/index.js';
import type { RotaContext } from './context.js';
import { rotaRefusal, type RotaProblem } from './problems.js';
import {
  compareIds,
  isAvailable,
  slotRunsIn,
  weekOf,
  type AddProblem,
  type Assignment,
  type Availability,
  type Duty,
  type DutyCandidate,
  type RotaSlot,
  type ShortDuty,
  type UnfilledReason,
  type WeekAB,
  type Weekday,
} from './rota.js';
import type { AmbassadorRecord, DutyAssignment, RotaWeek } from './rota-store.js';
import type { DateView, DutyView, RotaWarning, WarningKind } from './views.js';
import {
  addDays,
  datesBetween,
  dayNumber,
  isStrictIsoDate,
  mondayOf,
  weekdayOfChecked,
} from '../dates.js';

// ---------------------------------------------------------------------------------------------
// Who may

/** The coordinator's routes: the ambassador coordinator, and the school admin. */
export const mayCoordinate = (access: Access) => hasRole(access, 'coordinator', 'admin');
/** Ambassador routes: people with the school role `ambassador`. */
export const isAmbassador = (access: Access) => access.schoolRoles.includes('ambassador');

export function coordinatorOnly(access: Access): void {
  if (!mayCoordinate(access)) throw rotaRefusal('forbidden', ['notCoordinator']);
}

export function ambassadorOnly(access: Access): void {
  if (!isAmbassador(access)) throw rotaRefusal('forbidden', ['notAmbassador']);
}

export function activeMe(ctx: RotaContext, access: Access): AmbassadorRecord {
  const me = ctx.ambassadors.get(access.userId);
  if (!me) throw rotaRefusal('forbidden', ['notOnRota']);
  if (!me.active) throw rotaRefusal('conflict', ['ambassadorInactive']);
  return me;
}

// ---------------------------------------------------------------------------------------------
// Dates and duties

/** A rota covers a half term or a term; a year at most. */
export const maxRangeDays = 366;

/**
 * The week the coordinator sees first: this week, or, before the rota has started (a new term,
 * the summer break), the week of its first school day — not a week of holiday with nothing on it.
 */
export function openingWeek(ctx: RotaContext): string {
  const start = ctx.settings?.startDate;
  if (!start || ctx.today >= start) return mondayOf(ctx.today);
  const firstDay = datesBetween(start, ctx.settings!.endDate).find((d) =>
    isSchoolDay(ctx.calendar, d),
  );
  return mondayOf(firstDay ?? start);
}
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const isWeekdayNumber = (n: number): n is Weekday => Number.isInteger(n) && n >= 1 && n <= 5;

/** Mondays of every week that has a day in `from`–`to`. */
export function mondaysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) out.push(m);
  return out;
}

/** A range of real dates, `to` defaulting to `from` + `defaultDays`, a year at most. */
export function checkRange(from: string, to: string | undefined, defaultDays: number) {
  if (!isStrictIsoDate(from) || (to !== undefined && !isStrictIsoDate(to)))
    throw rotaRefusal('invalidInput', ['dateInvalid']);
  const end = to ?? addDays(from, defaultDays);
  if (end < from) throw rotaRefusal('invalidInput', ['endBeforeStart']);
  if (dayNumber(end) - dayNumber(from) >= maxRangeDays)
    throw rotaRefusal('invalidInput', ['rangeTooLong']);
  return { from, to: end };
}

export function weekLabel(ctx: RotaContext, date: string): WeekAB | undefined {
  const s = ctx.settings;
  return s?.weekAB && date >= s.startDate ? weekOf(s.startDate, date) : undefined;
}

export function dateView(ctx: RotaContext, date: string): DateView {
  const s = ctx.settings;
  const schoolDay = isSchoolDay(ctx.calendar, date);
  const week = weekLabel(ctx, date);
  return {
    date,
    weekday: weekdayOfChecked(date),
    ...(week ? { week } : {}),
    schoolDay,
    inRota: !!s && schoolDay && date >= s.startDate && date <= s.endDate,
  };
}

/** Whether the slot has a duty on that date in the rota as it is now. */
export function isDuty(ctx: RotaContext, date: string, slot: RotaSlot): boolean {
  const s = ctx.settings;
  if (!s || date < s.startDate || date > s.endDate) return false;
  if (weekdayOfChecked(date) !== slot.weekday || !isSchoolDay(ctx.calendar, date)) return false;
  return slotRunsIn(s, slot, weekOf(s.startDate, date));
}

export const isDutyAssignment = (ctx: RotaContext, a: Duty) => {
  const slot = ctx.slotById.get(a.slotId);
  return !!slot && isDuty(ctx, a.date, slot);
};

/** The slot of a duty the caller names: 400 unless it is a real duty of the rota. */
export function dutyFor(ctx: RotaContext, date: string, slotId: string): RotaSlot {
  if (!ctx.settings) throw rotaRefusal('conflict', ['rotaNotSet']);
  if (!isStrictIsoDate(date)) throw rotaRefusal('invalidInput', ['dateInvalid']);
  const slot = ctx.slotById.get(slotId);
  if (!slot) throw rotaRefusal('invalidInput', ['unknownSlot']);
  if (!isDuty(ctx, date, slot)) throw rotaRefusal('invalidInput', ['notADuty']);
  return slot;
}

export const dutyKey = (d: Duty) => `${d.date}|${d.slotId}`;
export const assignmentKey = (a: Assignment) => `${a.date}|${a.slotId}|${a.ambassadorId}`;

export function sortAssignments<T extends Assignment>(list: T[]): T[] {
  return [...list].sort(
    (x, y) =>
      compareIds(x.date, y.date) ||
      compareIds(x.slotId, y.slotId) ||
      compareIds(x.ambassadorId, y.ambassadorId),
  );
}

export function sortDuties<T extends Duty>(list: T[]): T[] {
  return [...list].sort((x, y) => compareIds(x.date, y.date) || compareIds(x.slotId, y.slotId));
}

export function sortSlots(slots: RotaSlot[]): RotaSlot[] {
  return [...slots].sort(
    (a, b) =>
      a.weekday - b.weekday ||
      compareIds(a.periodId, b.periodId) ||
      compareIds(a.placeId, b.placeId) ||
      compareIds(a.id, b.id),
  );
}

export const sameAssignments = (a: RotaWeek, b: RotaWeek) =>
  JSON.stringify(a.assignments) === JSON.stringify(b.assignments);

export function viewOf(ctx: RotaContext, week: RotaWeek, date: string, slotId: string): DutyView {
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
export function dutyViews(ctx: RotaContext, week: RotaWeek): DutyView[] {
  const duties = new Map(
    week.assignments.filter((a) => isDutyAssignment(ctx, a)).map((a) => [dutyKey(a), a]),
  );
  return sortDuties([...duties.values()]).map((a) => viewOf(ctx, week, a.date, a.slotId));
}

// ---------------------------------------------------------------------------------------------
// Hard rules

export type { AddProblem };

/** Why `ambassador` could not be added to the duty, given the week's other assignments. */
export function addProblems(
  ctx: RotaContext,
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

/** The same problems when the one being added is the requester taking a swap's duty back. */
export const requesterCodes: Record<AddProblem, RotaProblem> = {
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
/** The same problems about a lock, which the next fill would have to keep. */
export const asLockProblem = (p: AddProblem) => lockCodes[p];

// ---------------------------------------------------------------------------------------------
// Why a duty is short

/**
 * Everyone who could be asked about a duty: each active ambassador not on it, with what stops
 * them taking it now (none: they can), those who can first. The grid's reason, the list of what
 * needs attention, the Add dialog and "Give the duty" all read this, so they tell one story.
 */
export function dutyCandidates(
  ctx: RotaContext,
  assignments: readonly DutyAssignment[],
  date: string,
  slot: RotaSlot,
): DutyCandidate[] {
  const out: DutyCandidate[] = [];
  for (const a of ctx.ambassadors.values()) {
    if (!a.active) continue;
    const problems = addProblems(ctx, assignments, date, slot, a).filter((p) => p !== 'dutyFull');
    if (problems.includes('alreadyOnDuty')) continue;
    out.push({ ambassadorId: a.id, problems });
  }
  return out.sort(
    (x, y) =>
      Number(x.problems.length > 0) - Number(y.problems.length > 0) ||
      compareIds(x.ambassadorId, y.ambassadorId),
  );
}

/**
 * Why a duty is short (decision 009), from its candidates: someone can still be added (a fill
 * leaves today alone, and the rota may have changed since); nobody is available then; all who are
 * have the weekly maximum; or otherwise they are busy (on another duty then, or at the maximum).
 * Auto-fill counts these in its own indexed school; both decide here.
 */
export function unfilledReason(couldDoIt: number, atMaximum: number, free = 0): UnfilledReason {
  if (free > 0) return 'someone_free';
  if (couldDoIt === 0) return 'nobody_available';
  return atMaximum === couldDoIt ? 'everyone_at_maximum' : 'everyone_busy';
}

/** The reason for a short duty, given its candidates. */
export function reasonOf(candidates: readonly DutyCandidate[]): UnfilledReason {
  const available = candidates.filter((c) => !c.problems.includes('notAvailable'));
  return unfilledReason(
    available.length,
    available.filter((c) => c.problems.includes('atMaximum')).length,
    candidates.filter((c) => c.problems.length === 0).length,
  );
}

/** Why a duty of the stored rota is short, given the assignments of its week. */
export function shortReason(
  ctx: RotaContext,
  assignments: readonly DutyAssignment[],
  date: string,
  slot: RotaSlot,
): UnfilledReason {
  return reasonOf(dutyCandidates(ctx, assignments, date, slot));
}

/** Duties of a week (stored or not) that need more ambassadors, with their candidates. */
export function shortDuties(ctx: RotaContext, week: RotaWeek): ShortDuty[] {
  const out: ShortDuty[] = [];
  for (const date of datesBetween(week.monday, addDays(week.monday, 4))) {
    for (const slot of sortSlots(ctx.slots)) {
      if (!isDuty(ctx, date, slot)) continue;
      const count = week.assignments.filter((a) => a.date === date && a.slotId === slot.id).length;
      if (count < slot.needed) {
        const candidates = dutyCandidates(ctx, week.assignments, date, slot);
        out.push({
          date,
          slotId: slot.id,
          missing: slot.needed - count,
          reason: reasonOf(candidates),
          candidates,
        });
      }
    }
  }
  return sortDuties(out);
}

/** Assignments that break a rule now: dates or slots changed, or availability, or the maximum. */
export function warningsOf(ctx: RotaContext, week: RotaWeek): RotaWarning[] {
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

// ---------------------------------------------------------------------------------------------
// Availability

export function availabilityProblems(
  ctx: RotaContext,
  availability: readonly Availability[],
): RotaProblem[] {
  const problems: RotaProblem[] = [];
  for (const a of availability) {
    if (!isWeekdayNumber(a.weekday) || !a.periodId?.trim()) problems.push('rotaInvalid');
    if (a.week !== undefined && a.week !== 'A' && a.week !== 'B') problems.push('rotaInvalid');
    if (a.week && ctx.settings && !ctx.settings.weekAB) problems.push('weekWithoutWeekAB');
  }
  return problems;
}

export function normaliseAvailability(availability: readonly Availability[]): Availability[] {
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
