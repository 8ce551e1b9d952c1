/**
 * The wellbeing-ambassador rota, in the school's words. A coordinator defines slots (weekday ×
 * period × place), trained ambassadors and when they can help; a rota covers a run of school
 * dates and turns each slot into one duty per matching school day.
 *
 * Dates are school-local ISO dates (`YYYY-MM-DD`); weeks run Monday to Sunday.
 */
import { dayNumber, weekdayOfChecked } from '../dates.js';

/** ISO weekday, Monday = 1 … Friday = 5. Duties happen on school weekdays only. */
export type Weekday = 1 | 2 | 3 | 4 | 5;

/** Week A or week B of a two-week timetable. */
export type WeekAB = 'A' | 'B';

/** One time an ambassador can help, e.g. Tuesday lunch (every week, or only in week A). */
export interface Availability {
  weekday: Weekday;
  /** A period of the school day, e.g. `morning-break`, `lunch`. */
  periodId: string;
  /** Only in this week of an A/B rota; absent = every week. */
  week?: WeekAB;
}

export interface Ambassador {
  id: string;
  /** Year 3 to Year 13. Used to mix year groups on a duty. */
  yearGroup: number;
  /** ISO date of their training. */
  trainedOn: string;
  /** Inactive ambassadors are never given duties (and cannot be locked onto one). */
  active: boolean;
  availability: readonly Availability[];
}

export interface RotaSlot {
  id: string;
  weekday: Weekday;
  /** Periods are distinct times: two slots in the same period on the same date overlap. */
  periodId: string;
  /** Where the duty is: `buddy-bench`, `library`, … */
  placeId: string;
  /** Ambassadors needed, 1 to 4. */
  needed: number;
  /** The member of staff on hand, by name. */
  supervisingAdult: string;
  /** Only in this week of an A/B rota; absent = every week. */
  week?: WeekAB;
}

export interface Rota {
  /** First and last date covered, both included. */
  startDate: string;
  endDate: string;
  /**
   * Two-week timetable. The week containing `startDate` is week A; then A and B alternate by
   * calendar week, holiday weeks included.
   */
  weekAB: boolean;
  /** The school days (computed from the school calendar elsewhere). Others are ignored. */
  schoolDates: readonly string[];
  /** Most duties one ambassador does in one Monday-to-Sunday week. */
  maxPerWeek: number;
}

/** One slot on one date: it needs `slot.needed` ambassadors. */
export interface Duty {
  date: string;
  slotId: string;
}

/** One ambassador on one duty. */
export interface Assignment extends Duty {
  ambassadorId: string;
}

export type UnfilledReason =
  /** Someone can still be added by hand (today's duties, which a fill leaves alone; or a change since the fill). */
  | 'someone_free'
  /** No other active ambassador can do this time (availability, week A/B). */
  | 'nobody_available'
  /** Everyone else who could do it already has the most duties allowed that week. */
  | 'everyone_at_maximum'
  /** Everyone else who could do it is on another duty at the same time (or at the maximum). */
  | 'everyone_busy';

export interface UnfilledDuty extends Duty {
  /** How many more ambassadors the duty needs. */
  missing: number;
  reason: UnfilledReason;
}

/** What can stop an ambassador being added to a duty (rules.ts `addProblems`). */
export type AddProblem =
  'ambassadorInactive' | 'notAvailable' | 'alreadyOnDuty' | 'busyThen' | 'dutyFull' | 'atMaximum';

/** An active ambassador who is not on a duty, and what stops them taking it (none: they can). */
export interface DutyCandidate {
  ambassadorId: string;
  problems: AddProblem[];
}

/** A short duty as the coordinator sees it: why, and who could be added (the one story). */
export interface ShortDuty extends UnfilledDuty {
  candidates: DutyCandidate[];
}

/** Monday-based calendar weeks since the week containing `start` (0 for that week). */
export function weekIndex(start: string, date: string): number {
  const monday = dayNumber(start) - (weekdayOfChecked(start) - 1);
  return Math.floor((dayNumber(date) - monday) / 7);
}

/** Week A or B of `date` in a rota that starts (in week A) on `start`. */
export function weekOf(start: string, date: string): WeekAB {
  return weekIndex(start, date) % 2 === 0 ? 'A' : 'B';
}

/** Whether a slot happens in a given week of a rota. */
export function slotRunsIn(rota: Pick<Rota, 'weekAB'>, slot: RotaSlot, week: WeekAB): boolean {
  return !rota.weekAB || slot.week === undefined || slot.week === week;
}

/**
 * Whether an ambassador said they can do this weekday and period in this week. In a rota without
 * week A/B, an entry limited to one week does not count: it would not hold every week.
 */
export function isAvailable(
  rota: Pick<Rota, 'weekAB'>,
  ambassador: Ambassador,
  weekday: number,
  periodId: string,
  week: WeekAB,
): boolean {
  return ambassador.availability.some(
    (a) =>
      a.weekday === weekday &&
      a.periodId === periodId &&
      (a.week === undefined || (rota.weekAB && a.week === week)),
  );
}

/** Every duty of a rota, in date order then slot id. */
export function dutiesOf(rota: Rota, slots: readonly RotaSlot[]): Duty[] {
  const dates = rotaDates(rota);
  const sorted = [...slots].sort((a, b) => compareIds(a.id, b.id));
  const duties: Duty[] = [];
  for (const date of dates) {
    const weekday = weekdayOfChecked(date);
    const week = weekOf(rota.startDate, date);
    for (const slot of sorted) {
      if (slot.weekday === weekday && slotRunsIn(rota, slot, week)) {
        duties.push({ date, slotId: slot.id });
      }
    }
  }
  return duties;
}

/** The rota's school dates inside its range, sorted, each once. */
export function rotaDates(rota: Rota): string[] {
  return [...new Set(rota.schoolDates)]
    .filter((d) => d >= rota.startDate && d <= rota.endDate)
    .sort();
}

/** Plain code-unit order, so results never depend on the machine's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
