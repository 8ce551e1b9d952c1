/**
 * The rota as the wellbeing ambassadors see it: my duties and requests, the times I can help, and
 * who is on duty today (for the bot's on-duty card and buddy requests). Ambassadors reach rota
 * data only, never check-ins or talk requests. Asking for and taking swaps and cover is in
 * swaps.ts.
 */
import type { Access } from '../access.js';
import { loadContext, type RotaServiceDeps } from './context.js';
import { rotaRefusal } from './problems.js';
import { compareIds, type Availability } from './rota.js';
import { emptyWeek, type AmbassadorRecord } from './rota-store.js';
import {
  ambassadorOnly,
  availabilityProblems,
  checkRange,
  dutyViews,
  maxDate,
  minDate,
  mondaysOf,
  normaliseAvailability,
} from './rules.js';
import type { DutyView, MyDuty, MyRota } from './views.js';
import { addDays, mondayOf } from '../dates.js';

/** My duties from `from` (default today) to `to` (default the rota's end), and my requests. */
export async function myRota(
  deps: RotaServiceDeps,
  access: Access,
  from?: string,
  to?: string,
): Promise<MyRota> {
  ambassadorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
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
  const weeks = await deps.rotas.weeks(ctx.tenantId, mondaysOf(range.from, range.to));
  const requests = (await deps.rotas.requests(ctx.tenantId)).filter(
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

export async function setMyAvailability(
  deps: RotaServiceDeps,
  access: Access,
  availability: Availability[],
): Promise<AmbassadorRecord> {
  ambassadorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  if (!ctx.ambassadors.has(access.userId)) throw rotaRefusal('forbidden', ['notOnRota']);
  const problems = availabilityProblems(ctx, availability);
  if (problems.length) throw rotaRefusal('invalidInput', problems);
  return (await deps.rotas.updateAmbassador(ctx.tenantId, access.userId, (cur) =>
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

/** Who is on duty on a date (default: today, school time): for the on-duty card and buddy requests. */
export async function onDuty(
  deps: RotaServiceDeps,
  tenantId: string,
  date?: string,
): Promise<{ date: string; duties: DutyView[] }> {
  const ctx = await loadContext(deps, tenantId);
  const day = date ?? ctx.today;
  const week = (await deps.rotas.week(tenantId, mondayOf(day)))?.value ?? emptyWeek(mondayOf(day));
  const duties = dutyViews(ctx, week)
    .filter((d) => d.date === day)
    .map((d) => ({
      ...d,
      ambassadorIds: d.ambassadorIds.filter((id) => ctx.ambassadors.get(id)?.active),
    }))
    .filter((d) => d.ambassadorIds.length);
  return { date: day, duties };
}
