/**
 * Trends as staff read them: the class view (its teachers and the wellbeing lead), the school view
 * and its CSV (the wellbeing lead). Every number comes from the school's release ledger (decision
 * 012): a week or term is worked out once — after it has ended and all its check-ins have closed,
 * with the k and year groups in force then, through one suppression per question over the whole
 * school — and is read from the ledger ever after. So the class view, the school view and the
 * CSV show the same figures, and no later read, new k or change of totals shows a second version
 * of a period. Periods not yet published are listed as pending.
 */
import { hasRole, type Access } from '../access.js';
import { localDateOf } from '../dates.js';
import type { Clock } from '../ports/directory.js';
import { csvDocument } from '../csv.js';
import { BelongError } from '../errors.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import { defaultTimeZone, type SchoolCalendar } from '../schedule/index.js';
import type { ClassTeam } from '../school.js';
import type { CheckinIndexEntry, CheckinStore } from './checkin-store.js';
import { notInTotals, type CheckinSettingsStore } from './checkin-settings.js';
import { releaseRow, type ReleaseLedger, type ReleasedPeriod } from './release-ledger.js';
import {
  periodOf,
  questionTrends,
  questionsAsked,
  templatesFor,
  type Distribution,
  type PeriodKind,
  type QuestionTrends,
  type TrendClass,
  type TrendPeriod,
  yearGroupNotSet,
} from './trends.js';

export interface TrendRow extends Distribution {
  periodId: string;
}

export interface ClassTrendsResponse {
  k: number;
  teamId: string;
  name: string;
  periods: TrendPeriod[];
  /** Weekly questions (mood, belonging pulse) first, then the termly questionnaire's. */
  questions: { questionId: string; kind: PeriodKind; rows: TrendRow[] }[];
  /**
   * Weeks and terms in which the class had check-ins that are not shown yet: a period is shown
   * once it has ended and all its check-ins have closed, and then never changes.
   */
  pending: TrendPeriod[];
}

export interface SchoolTrendsResponse {
  k: number;
  questionId: string;
  kind: PeriodKind;
  periods: TrendPeriod[];
  /** Questions with data for this kind of period, to choose from. */
  questions: string[];
  /** Each row's cells line up with `periods`; null where no check-in asked the question then. */
  classes: {
    teamId: string;
    name: string;
    yearGroup: string | null;
    cells: (Distribution | null)[];
  }[];
  yearGroups: { yearGroup: string; cells: (Distribution | null)[] }[];
  school: (Distribution | null)[];
  /** Periods of this kind with check-ins, not shown until they have ended and all have closed. */
  pending: TrendPeriod[];
}

export interface TrendsDeps {
  schools: SchoolStore;
  teams: TeamStore;
  checkins: CheckinStore;
  settings: CheckinSettingsStore;
  ledger: ReleaseLedger;
  clock: Clock;
}

/** Teachers of the class and the wellbeing lead read a class's trends; nobody else. */
export const mayReadClassTrends = (access: Access, teamId: string): boolean =>
  hasRole(access, 'wellbeing_lead') ||
  access.teams.some((t) => t.role === 'teacher' && t.team.teamId === teamId);

const maxCached = 200;
const schoolMs = 30_000;
const kinds = ['week', 'term'] as const;

export class TrendsService {
  readonly #cache = new Map<string, { fingerprint: string; trends: QuestionTrends }>();
  readonly #schools = new Map<
    string,
    {
      value: Promise<{ teams: ClassTeam[]; calendar: SchoolCalendar; timeZone: string }>;
      until: number;
    }
  >();
  readonly #entries = new Map<
    string,
    { version: string; byTeam: Map<string, CheckinIndexEntry[]> }
  >();
  /** Each school's published periods by ledger row: they never change once read. */
  readonly #ledger = new Map<string, Promise<Map<string, ReleasedPeriod>>>();
  /** What was pending at the last look, per school, and what that look depended on. */
  readonly #status = new Map<string, { fingerprint: string; pending: TrendPeriod[][] }>();

  constructor(private readonly deps: TrendsDeps) {}

  async classTrends(access: Access, teamId: string): Promise<ClassTrendsResponse> {
    // The school's data is read while the class is looked up; nothing of it is shown unless the
    // class exists and the caller may read it.
    const loading = this.#load(access.tenantId);
    loading.catch(() => undefined);
    const team = await this.deps.teams.get(access.tenantId, teamId);
    if (!team) throw new BelongError('notFound', 'class team not found');
    if (!mayReadClassTrends(access, teamId)) {
      throw new BelongError('forbidden', 'only teachers of the class and the wellbeing lead');
    }
    const school = await loading;
    const pending = await this.#publish(access.tenantId, school);
    const questions: ClassTrendsResponse['questions'] = [];
    const periods = new Map<string, TrendPeriod>();
    for (const kind of kinds) {
      for (const questionId of await this.#questions(access.tenantId, kind)) {
        const trends = await this.#trends(access.tenantId, school, questionId, kind);
        const mine = trends.classes.get(teamId);
        if (!mine) continue;
        const rows = trends.periods
          .filter((p) => mine.has(p.id))
          .map((p) => {
            periods.set(p.id, p);
            return { periodId: p.id, ...mine.get(p.id)! };
          });
        questions.push({ questionId, kind, rows });
      }
    }
    const own = school.classes.find((c) => c.teamId === teamId);
    return {
      k: school.k,
      teamId,
      name: team.name,
      periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start)),
      questions,
      pending: pending
        .flat()
        .filter((p) =>
          own?.entries.some((e) => e.date >= p.start && e.date <= p.end && inKind(e, p.kind)),
        ),
    };
  }

  async schoolTrends(
    access: Access,
    questionId: string,
    kind: PeriodKind,
  ): Promise<SchoolTrendsResponse> {
    if (!hasRole(access, 'wellbeing_lead')) {
      throw new BelongError('forbidden', 'the school view is for the wellbeing lead');
    }
    const school = await this.#load(access.tenantId);
    const pending = await this.#publish(access.tenantId, school);
    const questions = await this.#questions(access.tenantId, kind);
    const trends = await this.#trends(access.tenantId, school, questionId, kind);
    const line = (cells: Map<string, Distribution> | undefined) =>
      trends.periods.map((p) => cells?.get(p.id) ?? null);
    return {
      k: school.k,
      questionId,
      kind,
      periods: trends.periods,
      questions,
      classes: school.classes
        .filter((c) => trends.classes.has(c.teamId))
        .map((c) => ({
          teamId: c.teamId,
          name: c.name,
          yearGroup: c.yearGroup,
          cells: line(trends.classes.get(c.teamId)),
        })),
      yearGroups: [...trends.yearGroups.keys()]
        .sort((a, b) => yearOrder(a) - yearOrder(b))
        .map((yearGroup) => ({ yearGroup, cells: line(trends.yearGroups.get(yearGroup)) })),
      school: line(trends.school),
      pending: pending[kinds.indexOf(kind)]!,
    };
  }

  /** The school view as CSV: counts rounded to the nearest 5, withheld cells left blank. */
  async schoolCsv(access: Access, questionId: string, kind: PeriodKind): Promise<string> {
    const view = await this.schoolTrends(access, questionId, kind);
    const round5 = (n: number | null) => (n === null ? '' : String(Math.round(n / 5) * 5));
    const header = [
      'level',
      'name',
      'year group',
      'period',
      'starts',
      'answers',
      '1',
      '2',
      '3',
      '4',
      '5',
    ];
    const lines: string[][] = [header];
    const rows: [string, string, string, (Distribution | null)[]][] = [
      ...view.classes.map(
        (c) =>
          [
            'class',
            c.name,
            c.yearGroup === notInTotals ? 'not in totals' : (c.yearGroup ?? ''),
            c.cells,
          ] as [string, string, string, (Distribution | null)[]],
      ),
      ...view.yearGroups.map(
        (y) =>
          [
            'year group',
            '',
            y.yearGroup === yearGroupNotSet ? 'not set' : y.yearGroup,
            y.cells,
          ] as [string, string, string, (Distribution | null)[]],
      ),
      ['school', '', '', view.school],
    ];
    for (const [level, name, year, cells] of rows) {
      cells.forEach((d, i) => {
        if (!d) return;
        const p = view.periods[i]!;
        lines.push([
          level,
          name,
          year,
          p.term ?? '',
          p.start,
          round5(d.total),
          ...d.options.map(round5),
        ]);
      });
    }
    return csvDocument(lines);
  }

  /**
   * Publishes every period that is ready and not yet in the ledger, so the first member of staff
   * to look after check-ins close doesn't wait for it (the scheduler calls this after closing some).
   */
  async warm(tenantId: string): Promise<void> {
    await this.#publish(tenantId, await this.#load(tenantId));
  }

  /**
   * Everything trends are built from. The class check-in lists are read again only when a
   * check-in has closed since (the trends token changed).
   */
  async #load(tenantId: string): Promise<SchoolData> {
    const [version, settings, { teams, calendar, timeZone }] = await Promise.all([
      this.deps.checkins.trendsVersion(tenantId),
      this.deps.settings.get(tenantId),
      this.#school(tenantId),
    ]);
    let entries = this.#entries.get(tenantId);
    if (!entries || entries.version !== version) {
      entries = { version, byTeam: new Map() };
      this.#entries.set(tenantId, entries);
    }
    const byTeam = entries.byTeam;
    const classes: TrendClass[] = await Promise.all(
      teams.map(async (team) => {
        let list = byTeam.get(team.teamId);
        if (!list) {
          // Open check-ins too: a period with one still open is not published yet.
          list = await this.deps.checkins.listForClass(tenantId, team.teamId);
          byTeam.set(team.teamId, list);
        }
        return {
          teamId: team.teamId,
          name: team.name,
          yearGroup: settings.yearGroups[team.teamId] ?? null,
          entries: list,
        };
      }),
    );
    const today = localDateOf(this.deps.clock.now(), timeZone);
    // Published periods never change; what is published and pending changes only when a
    // check-in closes, the day changes, or the terms change.
    const fingerprint = JSON.stringify([
      version,
      today,
      teams.map((t) => t.teamId),
      calendar.terms,
    ]);
    return {
      fingerprint,
      k: settings.k,
      yearGroups: settings.yearGroups,
      classes,
      calendar,
      today,
    };
  }

  /**
   * The class list, the calendar and the time zone, read again at most every `schoolMs`: a class
   * installed or renamed, or term dates changed, show within that.
   */
  #school(
    tenantId: string,
  ): Promise<{ teams: ClassTeam[]; calendar: SchoolCalendar; timeZone: string }> {
    const now = Date.now();
    const hit = this.#schools.get(tenantId);
    if (hit && hit.until > now) return hit.value;
    const value = Promise.all([
      this.deps.teams.listInstalled(tenantId),
      this.deps.schools.calendar(tenantId),
      this.deps.schools.get(tenantId),
    ]).then(([teams, calendar, school]) => ({
      teams,
      calendar,
      timeZone: school?.timeZone ?? defaultTimeZone,
    }));
    this.#schools.set(tenantId, { value, until: now + schoolMs });
    value.catch(() => this.#schools.delete(tenantId));
    return value;
  }

  /** The school's ledger as read so far (read from the store once per process). */
  #published(tenantId: string): Promise<Map<string, ReleasedPeriod>> {
    let ledger = this.#ledger.get(tenantId);
    if (!ledger) {
      ledger = this.deps.ledger
        .list(tenantId)
        .then((rows) => new Map(rows.map((r) => [releaseRow(r.kind, r.period.id), r])));
      this.#ledger.set(tenantId, ledger);
      ledger.catch(() => this.#ledger.delete(tenantId));
    }
    return ledger;
  }

  /**
   * Publishes each period that has ended and whose check-ins have all closed, with today's k and
   * year groups, unless it is already in the ledger. Returns the pending periods of each kind
   * (weeks, then terms).
   */
  async #publish(tenantId: string, school: SchoolData): Promise<TrendPeriod[][]> {
    const status = this.#status.get(tenantId);
    if (status && status.fingerprint === school.fingerprint) return status.pending;
    const published = await this.#published(tenantId);
    const pending: TrendPeriod[][] = [];
    const shown = new Set([...published.values()].flatMap((r) => r.checkinIds));
    for (const kind of kinds) {
      const found = new Map<string, { period: TrendPeriod; open: boolean }>();
      for (const c of school.classes) {
        for (const e of c.entries) {
          if (!inKind(e, kind)) continue;
          const period = periodOf(e.date, kind, school.calendar);
          if (!period) continue;
          const seen = found.get(period.id) ?? { period, open: false };
          seen.open ||= !e.final;
          found.set(period.id, seen);
        }
      }
      const waiting: TrendPeriod[] = [];
      for (const { period, open } of [...found.values()].sort((a, b) =>
        a.period.start.localeCompare(b.period.start),
      )) {
        const row = releaseRow(kind, period.id);
        if (published.has(row)) continue;
        if (open || period.end >= school.today) {
          waiting.push(period);
          continue;
        }
        const released = await this.deps.ledger.publish(
          tenantId,
          release(school, kind, period, shown),
        );
        published.set(row, released);
        for (const id of released.checkinIds) shown.add(id);
      }
      pending.push(waiting);
    }
    this.#status.set(tenantId, { fingerprint: school.fingerprint, pending });
    return pending;
  }

  /** Question ids with published figures for this kind of period, in the order first asked. */
  async #questions(tenantId: string, kind: PeriodKind): Promise<string[]> {
    const ids = new Set<string>();
    const published = [...(await this.#published(tenantId)).values()]
      .filter((r) => r.kind === kind)
      .sort((a, b) => a.period.start.localeCompare(b.period.start));
    for (const r of published) for (const id of Object.keys(r.questions)) ids.add(id);
    return [...ids];
  }

  /** One question's published figures for one kind of period, as a whole-school view. */
  async #trends(
    tenantId: string,
    school: SchoolData,
    questionId: string,
    kind: PeriodKind,
  ): Promise<QuestionTrends> {
    const key = `${tenantId}|${questionId}|${kind}`;
    const published = await this.#published(tenantId);
    const fingerprint = `${school.fingerprint}|${published.size}`;
    const cached = this.#cache.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.trends;
    const trends: QuestionTrends = {
      questionId,
      kind,
      k: school.k,
      periods: [],
      classes: new Map(),
      yearGroups: new Map(),
      school: new Map(),
    };
    const rows = [...published.values()]
      .filter((r) => r.kind === kind && r.questions[questionId])
      .sort((a, b) => a.period.start.localeCompare(b.period.start));
    const put = (
      map: Map<string, Map<string, Distribution>>,
      id: string,
      pid: string,
      d: Distribution,
    ) => map.set(id, (map.get(id) ?? new Map<string, Distribution>()).set(pid, d));
    for (const r of rows) {
      const q = r.questions[questionId]!;
      trends.periods.push(r.period);
      for (const [teamId, d] of Object.entries(q.classes))
        put(trends.classes, teamId, r.period.id, d);
      for (const [year, d] of Object.entries(q.yearGroups))
        put(trends.yearGroups, year, r.period.id, d);
      if (q.school) trends.school.set(r.period.id, q.school);
    }
    this.#cache.delete(key);
    this.#cache.set(key, { fingerprint, trends });
    if (this.#cache.size > maxCached) this.#cache.delete(this.#cache.keys().next().value!);
    return trends;
  }
}

interface SchoolData {
  /** Changes whenever what is published or pending may change. */
  fingerprint: string;
  k: number;
  yearGroups: Record<string, string>;
  classes: TrendClass[];
  calendar: SchoolCalendar;
  /** The school-local date today. */
  today: string;
}

const inKind = (e: CheckinIndexEntry, kind: PeriodKind) =>
  templatesFor[kind].includes(e.templateId);

/** Every question's figures for one period, worked out now: what the ledger keeps. */
function release(
  school: SchoolData,
  kind: PeriodKind,
  period: TrendPeriod,
  shown: ReadonlySet<string>,
): ReleasedPeriod {
  const classes = school.classes.map((c) => ({
    ...c,
    entries: c.entries.filter(
      (e) =>
        e.final &&
        inKind(e, kind) &&
        e.date >= period.start &&
        e.date <= period.end &&
        !shown.has(e.checkinId),
    ),
  }));
  const questions: ReleasedPeriod['questions'] = {};
  for (const questionId of questionsAsked(classes, kind)) {
    const t = questionTrends(classes, school.calendar, questionId, school.k, kind);
    const pick = (map: Map<string, Map<string, Distribution>>) =>
      Object.fromEntries(
        [...map].flatMap(([id, byPeriod]) => {
          const d = byPeriod.get(period.id);
          return d ? [[id, d]] : [];
        }),
      );
    questions[questionId] = {
      classes: pick(t.classes),
      yearGroups: pick(t.yearGroups),
      school: t.school.get(period.id) ?? null,
    };
  }
  return {
    kind,
    period,
    k: school.k,
    yearGroups: { ...school.yearGroups },
    checkinIds: classes.flatMap((c) => c.entries.map((e) => e.checkinId)),
    publishedOn: school.today,
    questions,
  };
}

const yearOrder = (y: string) => (y === 'R' ? 0 : y === '-' ? 99 : Number(y));
