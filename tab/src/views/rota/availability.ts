/**
 * Availability as ticks in a table of weekdays × periods, for one kind of week at a time: every
 * week, or (two-week timetables) only week A or only week B. The other kinds are kept as they are.
 */
import type { Availability, WeekAB, Weekday } from '../../../../core/api/rota.js';

export const weekdays: readonly Weekday[] = [1, 2, 3, 4, 5];

export function isTicked(
  list: readonly Availability[],
  weekday: number,
  periodId: string,
  week?: WeekAB,
): boolean {
  return list.some((a) => a.weekday === weekday && a.periodId === periodId && a.week === week);
}

export function setTick(
  list: readonly Availability[],
  weekday: Weekday,
  periodId: string,
  on: boolean,
  week?: WeekAB,
): Availability[] {
  const others = list.filter(
    (a) => !(a.weekday === weekday && a.periodId === periodId && a.week === week),
  );
  return on
    ? sortAvailability([...others, { weekday, periodId, ...(week ? { week } : {}) }])
    : others;
}

/** Periods to offer: the rota's, then any the person already has that the slots no longer use. */
export function periodsFor(periods: readonly string[], list: readonly Availability[]): string[] {
  return [...new Set([...periods, ...list.map((a) => a.periodId)])];
}

export function sortAvailability(list: readonly Availability[]): Availability[] {
  return [...list].sort(
    (a, b) =>
      a.weekday - b.weekday ||
      (a.periodId < b.periodId ? -1 : a.periodId > b.periodId ? 1 : 0) ||
      (a.week ?? '').localeCompare(b.week ?? ''),
  );
}
