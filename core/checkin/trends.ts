/**
 * Check-in trends for staff: distributions of answers per question, for classes, year groups and
 * the whole school, by week and by term — only ever through suppression (decision 012). Only
 * closed check-ins count, so nobody can watch a live count move as one pupil answers.
 *
 * In one period, one question's numbers are tied by sums: options add up to a total (and to three
 * bands: 1–2, 3, 4–5); classes add up to their year group and year groups to the school. Each
 * node is shown at one level of detail chosen for the whole view together (suppression.ts), so no
 * linear combination of the class tab, the school view and the CSV reveals a group smaller than k. Periods never overlap: weeks are built from the daily mood and
 * the belonging pulse, terms from the termly questionnaire only, so a term can't be subtracted
 * from its weeks (decision 016). Nothing here is about one pupil: inputs are aggregates.
 */
import type { SchoolCalendar } from '../schedule/index.js';
import type { CheckinTemplateId } from './templates.js';
import type { CheckinIndexEntry } from './checkin-store.js';
import { notInTotals } from './checkin-settings.js';
import { chooseLevels, type ViewClass, type ViewNode } from './suppression.js';
import { addDays, mondayOf } from '../dates.js';

export interface TrendClass {
  teamId: string;
  name: string;
  /** e.g. "7"; null when the school hasn't said. */
  yearGroup: string | null;
  /** The class's check-ins (closed ones carry `final`). */
  entries: readonly CheckinIndexEntry[];
}

export type PeriodKind = 'week' | 'term';

/** Which check-ins make up each kind of period. */
export const templatesFor: Readonly<Record<PeriodKind, readonly CheckinTemplateId[]>> = {
  week: ['daily-mood', 'belonging-pulse'],
  term: ['termly-belonging'],
};

export interface TrendPeriod {
  id: string;
  kind: PeriodKind;
  /** First school-local date (a week's Monday, or a term's first day). */
  start: string;
  end: string;
  /** The term's name, for terms and for weeks inside a term. */
  term?: string;
}

/** A distribution as staff may see it: withheld numbers are null, never a number. */
export interface Distribution {
  /** Answers in the period (a pupil answering daily counts once per check-in). */
  total: number | null;
  /** Answers per point 1–5. */
  options: (number | null)[];
  /** Answers at 1–2, 3 and 4–5: shown more often than single options in small classes. */
  bands: { low: number | null; mid: number | null; high: number | null };
  /** Check-ins behind it. */
  checkins: number;
  /** Mood only: answers ÷ (pupils × check-ins), to the nearest 10 %; null when withheld. */
  responseRate?: number | null;
}

export interface QuestionTrends {
  questionId: string;
  kind: PeriodKind;
  k: number;
  periods: TrendPeriod[];
  /** teamId → period id → distribution (absent: no check-in asked this then). */
  classes: Map<string, Map<string, Distribution>>;
  yearGroups: Map<string, Map<string, Distribution>>;
  school: Map<string, Distribution>;
}

/** Classes without a year group are summed under this one. */
export const yearGroupNotSet = '-';

/** The week or term a check-in dated `date` counts in; undefined for a term outside the calendar. */
export function periodOf(
  date: string,
  kind: PeriodKind,
  calendar: SchoolCalendar,
): TrendPeriod | undefined {
  const term = calendar.terms.find((t) => t.start <= date && date <= t.end);
  if (kind === 'week') {
    const monday = mondayOf(date);
    return {
      id: `w:${monday}`,
      kind,
      start: monday,
      end: addDays(monday, 6),
      ...(term ? { term: term.name } : {}),
    };
  }
  if (!term) return undefined;
  return { id: `t:${term.start}`, kind, start: term.start, end: term.end, term: term.name };
}

/** Question ids answered in closed check-ins of this kind of period. */
export function questionsAsked(classes: readonly TrendClass[], kind: PeriodKind): string[] {
  const ids = new Set<string>();
  for (const c of classes)
    for (const e of c.entries)
      if (templatesFor[kind].includes(e.templateId))
        for (const id of Object.keys(e.final?.counts ?? {})) ids.add(id);
  return [...ids];
}

interface Acc {
  counts: number[];
  checkins: number;
  /** Pupils × check-ins, for the response rate. */
  expected: number;
  /** The most check-ins one pupil could have answered (their class's). */
  perPerson: number;
  /** A class's counts for points 1–5, check-in by check-in (empty for year groups and the school). */
  perCheckin: number[][];
}

const emptyAcc = (): Acc => ({
  counts: [0, 0, 0, 0, 0],
  checkins: 0,
  expected: 0,
  perPerson: 0,
  perCheckin: [],
});

/**
 * Builds and suppresses one question's trends for one kind of period. Deterministic for the same
 * input. `k` must already be the school's validated setting (suppress refuses k below 5).
 */
export function questionTrends(
  classes: readonly TrendClass[],
  calendar: SchoolCalendar,
  questionId: string,
  k: number,
  kind: PeriodKind,
): QuestionTrends {
  // 1. Sum closed check-ins into class × period accumulators.
  const periods = new Map<string, TrendPeriod>();
  const byClass = new Map<string, Map<string, Acc>>();
  for (const c of classes) {
    const acc = new Map<string, Acc>();
    for (const e of c.entries) {
      const counts = e.final?.counts[questionId];
      if (!counts || !templatesFor[kind].includes(e.templateId)) continue;
      const period = periodOf(e.date, kind, calendar);
      if (!period) continue;
      if (!periods.has(period.id)) periods.set(period.id, period);
      const a = acc.get(period.id) ?? emptyAcc();
      counts.forEach((n, i) => (a.counts[i]! += n));
      a.checkins += 1;
      a.perPerson = a.checkins;
      a.perCheckin.push([...counts]);
      a.expected += e.classSize;
      acc.set(period.id, a);
    }
    if (acc.size) byClass.set(c.teamId, acc);
  }

  // 2. Year groups and the school are sums of classes. Class teams are taken to be different
  // pupils: a class marked `notInTotals` (a set or a club, whose pupils are in a form group too)
  // keeps its own trend and is left out of both, so nobody is counted twice.
  const yearOf = new Map(classes.map((c) => [c.teamId, c.yearGroup ?? yearGroupNotSet]));
  const byYear = new Map<string, Map<string, Acc>>();
  const school = new Map<string, Acc>();
  for (const [teamId, acc] of byClass) {
    const year = yearOf.get(teamId)!;
    if (year === notInTotals) continue;
    const yearAcc = byYear.get(year) ?? new Map<string, Acc>();
    byYear.set(year, yearAcc);
    for (const [pid, a] of acc) {
      for (const target of [yearAcc, school]) {
        const t = target.get(pid) ?? emptyAcc();
        a.counts.forEach((n, i) => (t.counts[i]! += n));
        t.checkins += a.checkins;
        t.expected += a.expected;
        t.perPerson = Math.max(t.perPerson, a.perPerson);
        target.set(pid, t);
      }
    }
  }

  // 3. One choice of levels per period: periods share no check-ins (decision 012).
  const out = {
    classes: new Map<string, Map<string, Distribution>>(),
    yearGroups: new Map<string, Map<string, Distribution>>(),
    school: new Map<string, Distribution>(),
  };
  for (const pid of periods.keys()) {
    const viewClasses: ViewClass[] = [];
    const viewNodes: ViewNode[] = [];
    const shows: { id: string; acc: Acc; put: (d: Distribution) => void }[] = [];
    const into = (map: Map<string, Map<string, Distribution>>, key: string) => (d: Distribution) =>
      map.set(key, (map.get(key) ?? new Map<string, Distribution>()).set(pid, d));
    const yearChildren = new Map<string, string[]>();
    for (const [teamId, acc] of byClass) {
      const a = acc.get(pid);
      if (!a) continue;
      viewClasses.push({ id: teamId, checkins: a.perCheckin });
      viewNodes.push({ id: `c:${teamId}`, classes: [teamId] });
      shows.push({ id: `c:${teamId}`, acc: a, put: into(out.classes, teamId) });
      const year = yearOf.get(teamId)!;
      if (year === notInTotals) continue;
      yearChildren.set(year, [...(yearChildren.get(year) ?? []), teamId]);
    }
    // A year group of one class is that class, and a school of one year group is that year
    // group: the same node, read twice, rather than copies of it.
    const yearNodes: string[] = [];
    for (const [year, teams] of yearChildren) {
      const put = into(out.yearGroups, year);
      const id = teams.length === 1 ? `c:${teams[0]!}` : `y:${year}`;
      if (teams.length > 1) viewNodes.push({ id, classes: teams });
      shows.push({ id, acc: byYear.get(year)!.get(pid)!, put });
      yearNodes.push(id);
    }
    const putSchool = (d: Distribution) => out.school.set(pid, d);
    // No year node: only classes left out of the totals answered in this period, so there is no
    // school figure.
    if (yearNodes.length === 1) {
      shows.push({ id: yearNodes[0]!, acc: school.get(pid)!, put: putSchool });
    } else if (yearNodes.length > 1) {
      viewNodes.push({ id: 's', classes: [...yearChildren.values()].flat() });
      shows.push({ id: 's', acc: school.get(pid)!, put: putSchool });
    }

    const level = chooseLevels(viewClasses, viewNodes, k);
    for (const { id, acc, put } of shows) put(distribution(acc, level.get(id)!, questionId));
  }
  return {
    questionId,
    kind,
    k,
    periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start)),
    ...out,
  };
}

/** What a node shows at its level (decision 012): withheld numbers are null. */
function distribution(acc: Acc, level: number, questionId: string): Distribution {
  const [o1, o2, o3, o4, o5] = acc.counts as [number, number, number, number, number];
  const at = (least: number, value: number) => (level >= least ? value : null);
  const total = at(1, o1 + o2 + o3 + o4 + o5);
  return {
    total,
    options: [at(4, o1), at(4, o2), at(3, o3), at(4, o4), at(4, o5)],
    bands: { low: at(3, o1 + o2), mid: at(3, o3), high: at(2, o4 + o5) },
    checkins: acc.checkins,
    ...(questionId === 'mood'
      ? {
          responseRate:
            total === null || acc.expected === 0
              ? null
              : Math.min(100, Math.round((total / acc.expected) * 10) * 10),
        }
      : {}),
  };
}
