/**
 * Trends as staff read them: the class view (its teachers and the wellbeing lead), the school view
 * and its CSV (the wellbeing lead). Every number passes through one suppression per question and
 * kind of period over the whole school, so the class view and the school view always withhold the
 * same cells. Results are kept until a check-in closes or the settings change.
 */
import { hasRole, type Access } from '../access.js';
import { csvDocument } from '../csv.js';
import { BelongError } from '../errors.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import type { SchoolCalendar } from '../schedule/calendar.js';
import type { ClassTeam } from '../school.js';
import type { CheckinIndexEntry, CheckinStore } from './checkin-store.js';
import { notInTotals, type CheckinSettingsStore } from './checkin-settings.js';
import {
  questionTrends,
  questionsAsked,
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
}

export interface TrendsDeps {
  schools: SchoolStore;
  teams: TeamStore;
  checkins: CheckinStore;
  settings: CheckinSettingsStore;
}

/** Teachers of the class and the wellbeing lead read a class's trends; nobody else. */
export const mayReadClassTrends = (access: Access, teamId: string): boolean =>
  hasRole(access, 'wellbeing_lead') ||
  access.teams.some((t) => t.role === 'teacher' && t.team.teamId === teamId);

const maxCached = 200;
const schoolMs = 30_000;

export class TrendsService {
  readonly #cache = new Map<string, { fingerprint: string; trends: QuestionTrends }>();
  readonly #schools = new Map<
    string,
    { value: Promise<{ teams: ClassTeam[]; calendar: SchoolCalendar }>; until: number }
  >();
  readonly #entries = new Map<
    string,
    { version: string; byTeam: Map<string, CheckinIndexEntry[]> }
  >();

  constructor(private readonly deps: TrendsDeps) {}

  async classTrends(access: Access, teamId: string): Promise<ClassTrendsResponse> {
    const team = await this.deps.teams.get(access.tenantId, teamId);
    if (!team) throw new BelongError('notFound', 'class team not found');
    if (!mayReadClassTrends(access, teamId)) {
      throw new BelongError('forbidden', 'only teachers of the class and the wellbeing lead');
    }
    const school = await this.#load(access.tenantId);
    const questions: ClassTrendsResponse['questions'] = [];
    const periods = new Map<string, TrendPeriod>();
    for (const kind of ['week', 'term'] as const) {
      for (const questionId of questionsAsked(school.classes, kind)) {
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
    return {
      k: school.k,
      teamId,
      name: team.name,
      periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start)),
      questions,
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
    const questions = questionsAsked(school.classes, kind);
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
   * Works out every question's trends now, so the first member of staff to look after check-ins
   * close doesn't wait for it (the scheduler calls this after closing some).
   */
  async warm(tenantId: string): Promise<void> {
    const school = await this.#load(tenantId);
    for (const kind of ['week', 'term'] as const) {
      for (const questionId of questionsAsked(school.classes, kind)) {
        await this.#trends(tenantId, school, questionId, kind);
        // Let requests in between: this is background work.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /**
   * Everything trends are built from. The class check-in lists are read again only when a
   * check-in has closed since (the trends token changed).
   */
  async #load(tenantId: string): Promise<SchoolData> {
    const [version, settings, { teams, calendar }] = await Promise.all([
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
          list = (await this.deps.checkins.listForClass(tenantId, team.teamId)).filter(
            (e) => e.final,
          );
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
    const fingerprint = JSON.stringify([
      version,
      settings.k,
      classes.map((c) => [c.teamId, c.yearGroup]),
      calendar.terms,
    ]);
    return { fingerprint, k: settings.k, classes, calendar };
  }

  /**
   * The class list and the calendar, read again at most every `schoolMs`: a class installed or
   * renamed, or term dates changed, show within that (a new class has no closed check-ins yet).
   */
  #school(tenantId: string): Promise<{ teams: ClassTeam[]; calendar: SchoolCalendar }> {
    const now = Date.now();
    const hit = this.#schools.get(tenantId);
    if (hit && hit.until > now) return hit.value;
    const value = Promise.all([
      this.deps.teams.listInstalled(tenantId),
      this.deps.schools.calendar(tenantId),
    ]).then(([teams, calendar]) => ({ teams, calendar }));
    this.#schools.set(tenantId, { value, until: now + schoolMs });
    value.catch(() => this.#schools.delete(tenantId));
    return value;
  }

  async #trends(
    tenantId: string,
    school: SchoolData,
    questionId: string,
    kind: PeriodKind,
  ): Promise<QuestionTrends> {
    const key = `${tenantId}|${questionId}|${kind}`;
    const cached = this.#cache.get(key);
    if (cached && cached.fingerprint === school.fingerprint) return cached.trends;
    const trends = questionTrends(school.classes, school.calendar, questionId, school.k, kind);
    this.#cache.delete(key);
    this.#cache.set(key, { fingerprint: school.fingerprint, trends });
    if (this.#cache.size > maxCached) this.#cache.delete(this.#cache.keys().next().value!);
    return trends;
  }
}

interface SchoolData {
  /** Changes whenever anything the trends depend on changes. */
  fingerprint: string;
  k: number;
  classes: TrendClass[];
  calendar: SchoolCalendar;
}

const yearOrder = (y: string) => (y === 'R' ? 0 : y === '-' ? 99 : Number(y));
