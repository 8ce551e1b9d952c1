/**
 * The coordinator's "fill the rota": runs auto-fill (decision 009) over every duty after today,
 * keeping locked assignments, and writes the weeks back with their etags, starting again from
 * what is there now if someone changed a week meanwhile (decision 011). Today and the past stay as
 * they are; what auto-fill cannot see (duties already done this week) is put right afterwards.
 */
import type { Access } from '../access.js';
import { schoolDaysBetween } from '../schedule/index.js';
import { autofill, type AutofillResult } from './autofill.js';
import { loadContext, type RotaContext, type RotaServiceDeps } from './context.js';
import { AutofillRefusal, rotaRefusal, rotaRefusalOf, type RotaProblem } from './problems.js';
import { compareIds, type Assignment, type Duty, type UnfilledDuty } from './rota.js';
import { emptyWeek, type DutyAssignment, type RotaWeek } from './rota-store.js';
import {
  addProblems,
  asLockProblem,
  assignmentKey,
  coordinatorOnly,
  isDutyAssignment,
  maxDate,
  mondaysOf,
  sameAssignments,
  shortReason,
  sortAssignments,
  sortDuties,
} from './rules.js';
import type { FillResult } from './views.js';
import { mondayOf } from '../dates.js';

/** Fills every duty after today, keeping locked assignments; today and the past stay as they are. */
export async function fill(deps: RotaServiceDeps, access: Access): Promise<FillResult> {
  coordinatorOnly(access);
  for (let attempt = 0; attempt < 5; attempt++) {
    const ctx = await loadContext(deps, access.tenantId);
    const settings = ctx.settings;
    if (!settings) throw rotaRefusal('conflict', ['rotaNotSet']);
    const first = maxDate(settings.startDate, ctx.today);
    if (first > settings.endDate) throw rotaRefusal('conflict', ['rotaOver']);
    const mondays = mondaysOf(first, settings.endDate);
    const stored = await Promise.all(mondays.map((m) => deps.rotas.week(ctx.tenantId, m)));
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
      throw e instanceof AutofillRefusal ? rotaRefusalOf(e) : e;
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
      if (!(await deps.rotas.writeWeekIfUnchanged(ctx.tenantId, next, stored[i]?.etag))) {
        lost = true;
        break;
      }
    }
    // Someone changed a week while we filled: fill again from what is there now.
    if (lost) continue;
    const missing = unfilled.reduce((n, u) => n + u.missing, 0);
    return {
      // The first day it could change (today stays as it is), so its summary and the grid agree.
      from: schoolDates[0] ?? first,
      to: settings.endDate,
      assignments: written,
      unfilled,
      stats: { ...result.stats, filled: result.stats.needed - missing },
      dropped,
    };
  }
  throw rotaRefusal('unavailable', ['busyTryAgain']);
}

/** A re-fill keeps locks as they are, so each must still keep every rule; otherwise we say which. */
function checkLocks(ctx: RotaContext, kept: DutyAssignment[], locks: DutyAssignment[]): void {
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

/**
 * A fill only changes dates after today, but this week's weekly maximum counts the duties
 * already done (or being done today). Auto-fill cannot see those, so any ambassador it gave too
 * many this week loses the latest extra ones, and each freed place goes to the least loaded
 * ambassador who can take it, if anyone can.
 */
function respectKeptMaximum(
  ctx: RotaContext,
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
