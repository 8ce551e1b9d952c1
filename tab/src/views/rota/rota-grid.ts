/**
 * The coordinator's week grid as plain data: one row per period and place, one column per school
 * weekday, and in each cell the duty (if the slot runs that day), who is on it and what is
 * missing. Pure, so the rules about which cell is a duty are tested without a browser.
 */
import type {
  DateView,
  DutyAssignment,
  RotaOverview,
  RotaSlot,
  RotaWarning,
  ShortDuty,
} from '../../../../core/api/rota.js';

export interface GridCell {
  date: string;
  /** The slot that makes this a duty, or undefined when nothing happens here that day. */
  slot?: RotaSlot;
  /** Everyone on the duty (and anyone still stored on a cell that is no longer a duty). */
  people: DutyAssignment[];
  /** Places still to fill, why, and who could be added (from today on). */
  missing: number;
  unfilled?: ShortDuty;
  warnings: RotaWarning[];
  /** Before today: shown, not changed (the server refuses changes to the past). */
  past: boolean;
}

export interface GridRow {
  key: string;
  periodId: string;
  placeId: string;
  cells: GridCell[];
}

export interface WeekGrid {
  /** The school weekdays shown, Monday to Friday. */
  days: DateView[];
  rows: GridRow[];
}

const dutyKey = (date: string, slotId: string) => `${date}|${slotId}`;

/** Whether `slot` has a duty on `day`: a rota school day, its weekday, and its week A/B. */
export function isDutyOn(slot: RotaSlot, day: DateView): boolean {
  return (
    day.inRota &&
    slot.weekday === day.weekday &&
    (slot.week === undefined || day.week === undefined || slot.week === day.week)
  );
}

export function buildWeekGrid(
  overview: Pick<
    RotaOverview,
    'dates' | 'slots' | 'assignments' | 'unfilled' | 'warnings' | 'today'
  >,
): WeekGrid {
  const days = overview.dates.filter((d) => d.weekday <= 5);
  const byDuty = new Map<string, DutyAssignment[]>();
  for (const a of overview.assignments) {
    const key = dutyKey(a.date, a.slotId);
    byDuty.set(key, [...(byDuty.get(key) ?? []), a]);
  }
  const unfilled = new Map(overview.unfilled.map((u) => [dutyKey(u.date, u.slotId), u]));
  const warnings = new Map<string, RotaWarning[]>();
  for (const w of overview.warnings) {
    const key = dutyKey(w.date, w.slotId);
    warnings.set(key, [...(warnings.get(key) ?? []), w]);
  }

  const rowKeys: { key: string; periodId: string; placeId: string }[] = [];
  for (const slot of overview.slots) {
    const key = JSON.stringify([slot.periodId, slot.placeId]);
    if (!rowKeys.some((r) => r.key === key))
      rowKeys.push({ key, periodId: slot.periodId, placeId: slot.placeId });
  }
  rowKeys.sort((a, b) => compare(a.periodId, b.periodId) || compare(a.placeId, b.placeId));

  const rows = rowKeys.map(({ key, periodId, placeId }) => {
    const slotsHere = overview.slots.filter(
      (s) => s.periodId === periodId && s.placeId === placeId,
    );
    const cells = days.map((day): GridCell => {
      const slot = slotsHere.find((s) => isDutyOn(s, day));
      // Someone may still be stored on a slot that no longer runs that day (a warning says so).
      const stored = slotsHere.flatMap((s) => byDuty.get(dutyKey(day.date, s.id)) ?? []);
      const keyHere = slot ? dutyKey(day.date, slot.id) : undefined;
      const past = day.date < overview.today;
      const gap = keyHere ? unfilled.get(keyHere) : undefined;
      const missing = slot
        ? (gap?.missing ?? (past ? 0 : Math.max(0, slot.needed - stored.length)))
        : 0;
      return {
        date: day.date,
        ...(slot ? { slot } : {}),
        people: stored,
        missing,
        ...(gap ? { unfilled: gap } : {}),
        warnings: slotsHere.flatMap((s) => warnings.get(dutyKey(day.date, s.id)) ?? []),
        past,
      };
    });
    return { key, periodId, placeId, cells };
  });
  return { days, rows };
}

/** The Monday of a date's week (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  const weekday = at.getUTCDay() === 0 ? 7 : at.getUTCDay();
  at.setUTCDate(at.getUTCDate() - (weekday - 1));
  return at.toISOString().slice(0, 10);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
