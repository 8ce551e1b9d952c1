/**
 * What the ambassador coordinator (or the school admin) does to build the rota: the week grid,
 * the rota's dates, its slots and its ambassadors, hand assignments and locks, and the CSV
 * export. Auto-fill is in fill.ts and approving requests in swaps.ts. Each change keeps every
 * hard rule of the rota, and a change to dates, slots or an ambassador takes away the future
 * assignments it leaves without a duty, so the rota never holds what could not happen.
 */
import type { Access } from '../access.js';
import { loadContext, type RotaContext, type RotaServiceDeps } from './context.js';
import { rotaRefusal, type RotaProblem } from './problems.js';
import { compareIds, type Duty, type RotaSlot } from './rota.js';
import type { AmbassadorRecord, DutyAssignment, RotaSettings } from './rota-store.js';
import {
  addProblems,
  asLockProblem,
  availabilityProblems,
  checkRange,
  coordinatorOnly,
  dateView,
  dutyFor,
  dutyKey,
  isDutyAssignment,
  isWeekdayNumber,
  maxRangeDays,
  mondaysOf,
  openingWeek,
  normaliseAvailability,
  shortDuties,
  sortAssignments,
  sortSlots,
  warningsOf,
  weekLabel,
} from './rules.js';
import { coverCandidates, pendingRequests, settleRequestsOf } from './swaps.js';
import type {
  AmbassadorInput,
  AssignmentChange,
  ExportRow,
  RotaOverview,
  SettingsInput,
  SlotInput,
} from './views.js';
import { datesBetween, dayNumber, isStrictIsoDate, mondayOf } from '../dates.js';
import { rotaLimits, within } from './limits.js';

/**
 * Everything for the week grid, for dates `from`–`to` (default: this week, or the rota's first
 * week when it has not started yet).
 */
export async function overview(
  deps: RotaServiceDeps,
  access: Access,
  from?: string,
  to?: string,
): Promise<RotaOverview> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const range = checkRange(from ?? openingWeek(ctx), to, 6);
  const weeks = await deps.rotas.weeks(access.tenantId, mondaysOf(range.from, range.to));
  const inRange = (a: Duty) => a.date >= range.from && a.date <= range.to;
  const assignments = weeks.flatMap((w) => w.assignments).filter(inRange);
  const loads: Record<string, number> = {};
  for (const a of assignments) loads[a.ambassadorId] = (loads[a.ambassadorId] ?? 0) + 1;
  const requests = await pendingRequests(deps, ctx, weeks);
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
    coverCandidates: await coverCandidates(deps, ctx, requests, weeks),
    loads,
  };
}

export async function setSettings(
  deps: RotaServiceDeps,
  access: Access,
  input: SettingsInput,
): Promise<{ settings: RotaSettings; removed: number }> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const problems: RotaProblem[] = [];
  if (!isStrictIsoDate(input.startDate) || !isStrictIsoDate(input.endDate))
    problems.push('dateInvalid');
  else if (input.endDate < input.startDate) problems.push('endBeforeStart');
  else if (dayNumber(input.endDate) - dayNumber(input.startDate) >= maxRangeDays)
    problems.push('rangeTooLong');
  if (!within(input.maxPerWeek, rotaLimits.maxPerWeek)) problems.push('rotaInvalid');
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
  await deps.rotas.putSettings(access.tenantId, settings);
  return { settings, removed: await prune(deps, { ...ctx, settings }) };
}

/** Replaces every slot. Future assignments on slots that went (or no longer fit) are removed. */
export async function setSlots(
  deps: RotaServiceDeps,
  access: Access,
  input: SlotInput[],
): Promise<{ slots: RotaSlot[]; removed: number }> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
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
    if (!within(s.needed, rotaLimits.needed)) problems.push('rotaInvalid');
    if (s.week && ctx.settings && !ctx.settings.weekAB) problems.push('weekWithoutWeekAB');
  }
  if (problems.length) throw rotaRefusal('invalidInput', problems);
  await deps.rotas.putSlots(access.tenantId, {
    slots,
    updatedAt: ctx.now.toISOString(),
    updatedBy: access.userId,
  });
  const next = { ...ctx, slots, slotById: new Map(slots.map((s) => [s.id, s])) };
  return { slots: sortSlots(slots), removed: await prune(deps, next) };
}

/**
 * After the dates or slots change: removes assignments after today that are no longer duties,
 * and people beyond what a duty needs (locked ones are kept first). Returns how many went.
 */
async function prune(deps: RotaServiceDeps, ctx: RotaContext): Promise<number> {
  const from = mondayOf(ctx.today);
  let removed = 0;
  for (const stored of await deps.rotas.allWeeks(ctx.tenantId)) {
    if (stored.value.monday < from) continue;
    await deps.rotas.updateWeek(ctx.tenantId, stored.value.monday, (week) => {
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
export async function upsertAmbassador(
  deps: RotaServiceDeps,
  access: Access,
  id: string,
  input: AmbassadorInput,
): Promise<{ ambassador: AmbassadorRecord; removedDuties: Duty[] }> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const problems: RotaProblem[] = [];
  if (!within(input.yearGroup, rotaLimits.yearGroup)) problems.push('rotaInvalid');
  if (!isStrictIsoDate(input.trainedOn)) problems.push('dateInvalid');
  problems.push(...availabilityProblems(ctx, input.availability));
  if (problems.length) throw rotaRefusal('invalidInput', problems);
  const ambassador = (await deps.rotas.updateAmbassador(access.tenantId, id, () => ({
    id,
    yearGroup: input.yearGroup,
    trainedOn: input.trainedOn,
    active: input.active,
    availability: normaliseAvailability(input.availability),
    updatedAt: ctx.now.toISOString(),
    updatedBy: access.userId,
  })))!;
  const removedDuties = input.active ? [] : await withdraw(deps, ctx, id, access.userId);
  return { ambassador, removedDuties };
}

async function withdraw(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  id: string,
  by: string,
): Promise<Duty[]> {
  const removed: Duty[] = [];
  for (const stored of await deps.rotas.allWeeks(ctx.tenantId)) {
    if (stored.value.monday < mondayOf(ctx.today)) continue;
    await deps.rotas.updateWeek(ctx.tenantId, stored.value.monday, (week) => {
      const mine = week.assignments.filter((a) => a.ambassadorId === id && a.date >= ctx.today);
      if (!mine.length) return undefined;
      removed.push(...mine.map(({ date, slotId }) => ({ date, slotId })));
      return { ...week, assignments: week.assignments.filter((a) => !mine.includes(a)) };
    });
  }
  await settleRequestsOf(deps, ctx, id, by);
  return removed;
}

/** Hand assignment, lock, unlock and clear. Each keeps every hard rule of the rota. */
export async function changeAssignment(
  deps: RotaServiceDeps,
  access: Access,
  change: AssignmentChange,
): Promise<{
  duty: { date: string; slotId: string; assignments: DutyAssignment[] } | null;
  removed: number;
}> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  if (change.action === 'clearRange') {
    const range = checkRange(change.from, change.to, 0);
    let removed = 0;
    for (const monday of mondaysOf(range.from, range.to)) {
      await deps.rotas.updateWeek(ctx.tenantId, monday, (week) => {
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
  const week = await deps.rotas.updateWeek(ctx.tenantId, mondayOf(change.date), (w) => {
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

/** The duties of a date range, for the coordinator's CSV export. */
export async function exportRows(
  deps: RotaServiceDeps,
  access: Access,
  from?: string,
  to?: string,
): Promise<ExportRow[]> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  if (!ctx.settings && (!from || !to)) throw rotaRefusal('conflict', ['rotaNotSet']);
  const range = checkRange(from ?? ctx.settings!.startDate, to ?? ctx.settings!.endDate, 0);
  const weeks = await deps.rotas.weeks(ctx.tenantId, mondaysOf(range.from, range.to));
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
