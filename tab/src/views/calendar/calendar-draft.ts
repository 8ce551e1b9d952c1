/**
 * The school calendar as rows someone edits, and the body the server takes back. Pure: the
 * checks on dates and overlaps are the server's (`connect.problem.calendar*`).
 */
import type { ClosureKind } from '../../../../core/schedule/calendar.js';
import type { SchoolCalendarBody } from '../../../../core/api/connect.js';

/** The server's closure kinds (a test keeps this list equal to core's). */
export const closureKinds = [
  'holiday',
  'inset',
  'bank_holiday',
  'closure',
] as const satisfies readonly ClosureKind[];

export interface TermRow {
  key: string;
  name: string;
  start: string;
  end: string;
}
export interface ClosureRow extends TermRow {
  kind: ClosureKind;
}
export interface CalendarDraft {
  terms: TermRow[];
  closures: ClosureRow[];
}

export function draftOf(calendar: SchoolCalendarBody, newKey: () => string): CalendarDraft {
  return {
    terms: calendar.terms.map((term) => ({
      key: newKey(),
      name: term.name,
      start: term.start,
      end: term.end,
    })),
    closures: calendar.closures.map((closure) => ({
      key: newKey(),
      name: closure.name,
      kind: closure.kind,
      start: closure.start,
      end: closure.end,
    })),
  };
}

export function calendarBody(draft: CalendarDraft): SchoolCalendarBody {
  return {
    terms: draft.terms.map(({ name, start, end }) => ({ name: name.trim(), start, end })),
    closures: draft.closures.map(({ name, kind, start, end }) => ({
      name: name.trim(),
      kind,
      start,
      end,
    })),
  };
}

/**
 * A new first day. Most closures are one day (an INSET day, a bank holiday), so an empty last
 * day follows the first; one already chosen is left alone.
 */
export function withStart<T extends TermRow>(row: T, start: string): T {
  return { ...row, start, end: row.end || start };
}

export function isClosureKind(value: string): value is ClosureKind {
  return (closureKinds as readonly string[]).includes(value);
}
