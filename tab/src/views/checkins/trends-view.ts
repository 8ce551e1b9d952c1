/**
 * A class's trends (GET /api/teams/:id/checkins/trends) as the view draws them: one chart per
 * weekly question (mood first, then the four aspects of belonging) and one per term of the
 * termly questionnaire. A withheld number is null from the server and stays "hidden" here: it is
 * never drawn, summed or shown as 0.
 */
import { t, type Locale } from '../../../../core/i18n/index.js';
import { formatDate } from '../../connect/dates.js';
import type {
  ClassTrendsResponse,
  Distribution,
  TrendPeriod,
} from '../../../../core/api/checkins.js';
import { isOneOf } from '../../../../core/one-of.js';
import { knownQuestions } from './school/heat-map.js';

export const bands = ['low', 'mid', 'high'] as const;
export type Band = (typeof bands)[number];
export type Scale = 'faces' | 'statement';

/** One coloured part of a bar; `hidden` is the part of a known total that is withheld. */
export interface Segment {
  band: Band | 'hidden';
  count: number;
  /** Of the bar's total, 0–1. */
  share: number;
}

/** A number as the table shows it: the value, or the withheld words. */
export interface Cell {
  value: number | null;
  text: string;
}

export interface TrendLine {
  id: string;
  label: string;
  total: Cell;
  bands: Record<Band, Cell>;
  /** Mood only. */
  rate?: Cell;
  /** Empty when the total itself is withheld. */
  segments: Segment[];
}

export interface TrendChart {
  id: string;
  title: string;
  scale: Scale;
  /** What each line is: a week or term (one question), or a question (one term). */
  lineKind: 'period' | 'question';
  hasRate: boolean;
  lines: TrendLine[];
}

export interface ClassTrendsView {
  k: number;
  mood?: TrendChart;
  belonging: TrendChart[];
  termly: TrendChart[];
}

/** Questions in the order the templates ask them; anything newer goes last. */
const questionOrder = [
  'mood',
  'connected',
  'included',
  'safe',
  'worries',
  'respected',
  'fair',
  'purpose',
  'learning',
  'friends',
  'trusted-adult',
];
const byQuestion = (a: string, b: string) => rank(a) - rank(b);
const rank = (id: string) => {
  const i = questionOrder.indexOf(id);
  return i < 0 ? questionOrder.length : i;
};

export const scaleOf = (questionId: string): Scale =>
  questionId === 'mood' ? 'faces' : 'statement';

export function withheldText(locale: Locale, k: number): string {
  return t(locale, 'tab.checkins.trends.withheld', { k });
}

export function cell(
  value: number | null,
  withheld: string,
  format: (n: number) => string = String,
): Cell {
  return { value, text: value === null ? withheld : format(value) };
}

/**
 * The bar for a distribution: each band's share of the total. Bands the server withheld are
 * drawn together as one "hidden" part, so the bar still has its true length but no one band
 * can be read off it. No bar when the total is withheld or nobody answered.
 */
export function barSegments(d: Pick<Distribution, 'total' | 'bands'>): Segment[] {
  const total = d.total;
  if (total === null || total <= 0) return [];
  const segments: Segment[] = [];
  let known = 0;
  for (const band of bands) {
    const count = d.bands[band];
    if (count === null) continue;
    known += count;
    if (count > 0) segments.push({ band, count, share: count / total });
  }
  const hidden = total - known;
  if (hidden > 0) segments.push({ band: 'hidden', count: hidden, share: hidden / total });
  return segments;
}

export function questionLabel(locale: Locale, questionId: string): string {
  // A question this build has no short name for (a newer server): its id, rather than nothing.
  return isOneOf(knownQuestions, questionId)
    ? t(locale, `tab.checkins.question.${questionId}`)
    : questionId;
}

export function periodLabel(locale: Locale, period: TrendPeriod | undefined, id: string): string {
  if (!period) return id;
  if (period.kind === 'term')
    return (
      period.term ?? t(locale, 'tab.checkins.trends.termFrom', { date: fmt(locale, period.start) })
    );
  return t(locale, 'tab.checkins.trends.week', { date: fmt(locale, period.start) });
}

/**
 * The weeks and terms with check-ins that are not shown yet, in words: a period is published
 * once it has ended and all its check-ins have closed (decision 012), so this week never shows
 * while it is going on. Undefined when nothing is waiting.
 */
export function pendingText(locale: Locale, pending: readonly TrendPeriod[]): string | undefined {
  if (pending.length === 0) return undefined;
  const periods = pending.map((p) => periodLabel(locale, p, p.id)).join(', ');
  return t(locale, 'tab.checkins.trends.pending', { periods });
}

const fmt = (locale: Locale, date: string) => formatDate(locale, date, false);

function line(
  id: string,
  label: string,
  d: Distribution,
  withheld: string,
  locale: Locale,
): TrendLine {
  const rate = (n: number) => t(locale, 'tab.checkins.trends.rate', { rate: n });
  return {
    id,
    label,
    total: cell(d.total, withheld),
    bands: {
      low: cell(d.bands.low, withheld),
      mid: cell(d.bands.mid, withheld),
      high: cell(d.bands.high, withheld),
    },
    ...(d.responseRate !== undefined ? { rate: cell(d.responseRate, withheld, rate) } : {}),
    segments: barSegments(d),
  };
}

export function classTrendsView(res: ClassTrendsResponse, locale: Locale): ClassTrendsView {
  const withheld = withheldText(locale, res.k);
  const periods = new Map(res.periods.map((p) => [p.id, p]));
  const byStart = (a: { periodId: string }, b: { periodId: string }) =>
    (periods.get(a.periodId)?.start ?? a.periodId).localeCompare(
      periods.get(b.periodId)?.start ?? b.periodId,
    );

  const weekly = res.questions
    .filter((q) => q.kind === 'week' && q.rows.length > 0)
    .sort((a, b) => byQuestion(a.questionId, b.questionId))
    .map((q): TrendChart => {
      const lines = [...q.rows]
        .sort(byStart)
        .map((row) =>
          line(
            row.periodId,
            periodLabel(locale, periods.get(row.periodId), row.periodId),
            row,
            withheld,
            locale,
          ),
        );
      return {
        id: `week-${q.questionId}`,
        title: questionLabel(locale, q.questionId),
        scale: scaleOf(q.questionId),
        lineKind: 'period',
        hasRate: lines.some((l) => l.rate),
        lines,
      };
    });

  // The termly questionnaire: one chart per term, a line per question.
  const terms = new Map<string, TrendLine[]>();
  for (const q of [...res.questions].sort((a, b) => byQuestion(a.questionId, b.questionId))) {
    if (q.kind !== 'term') continue;
    for (const row of q.rows) {
      const lines = terms.get(row.periodId) ?? [];
      lines.push(line(q.questionId, questionLabel(locale, q.questionId), row, withheld, locale));
      terms.set(row.periodId, lines);
    }
  }
  const termly = [...terms.entries()]
    .sort(([a], [b]) => byStart({ periodId: a }, { periodId: b }))
    .map(([periodId, lines]): TrendChart => ({
      id: `term-${periodId}`,
      title: periodLabel(locale, periods.get(periodId), periodId),
      scale: 'statement',
      lineKind: 'question',
      hasRate: false,
      lines,
    }));

  const mood = weekly.find((c) => c.id === 'week-mood');
  return {
    k: res.k,
    ...(mood ? { mood } : {}),
    belonging: weekly.filter((c) => c !== mood),
    termly,
  };
}

export const isEmpty = (view: ClassTrendsView) =>
  !view.mood && view.belonging.length === 0 && view.termly.length === 0;
