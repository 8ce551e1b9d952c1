/**
 * The heat map's cells as data: what each cell says and which colour it gets. Colour follows the
 * share of answers at 4–5, but every cell also says its numbers in words (WCAG 1.4.1), and a
 * number the server withheld is "hidden", never 0.
 */
import { notInTotals } from '../../../../../core/checkin/checkin-settings.js';
import type { Distribution, TrendPeriod } from '../../../../../core/checkin/trends.js';
import { t, type Locale } from '../../../../../core/i18n/index.js';
import { intlLocale } from '../../../connect/dates.js';
import { formatDay } from '../../../i18n/dates.js';
import { isOneOf } from '../../../../../core/one-of.js';

/** Five steps of 20 percentage points: 0 = 0–19 % at 4–5 … 4 = 80–100 %. */
export type Bucket = 0 | 1 | 2 | 3 | 4;
export const buckets: readonly Bucket[] = [0, 1, 2, 3, 4];

export type HeatCell =
  /** No check-in asked this question then. */
  | { kind: 'none' }
  /** Fewer than k answers: the server sent no total. */
  | { kind: 'withheld' }
  /** The total is shown, but the 4–5 band is withheld (too few in a band). */
  | { kind: 'total'; total: number; rate: number | null | undefined }
  | {
      kind: 'share';
      total: number;
      high: number;
      /** Whole per cent of answers at 4–5. */
      share: number;
      bucket: Bucket;
      rate: number | null | undefined;
    };

export function heatCell(cell: Distribution | null): HeatCell {
  if (!cell) return { kind: 'none' };
  if (cell.total === null) return { kind: 'withheld' };
  const { total } = cell;
  const high = cell.bands.high;
  if (high === null || total <= 0) return { kind: 'total', total, rate: cell.responseRate };
  const share = Math.round((Math.min(high, total) / total) * 100);
  return { kind: 'share', total, high, share, bucket: bucketOf(share), rate: cell.responseRate };
}

export function bucketOf(share: number): Bucket {
  return Math.max(0, Math.min(4, Math.floor(share / 20))) as Bucket;
}

/** The lowest and highest whole per cent in a bucket, for the legend. */
export function bucketRange(bucket: Bucket): { from: number; to: number } {
  return { from: bucket * 20, to: bucket === 4 ? 100 : bucket * 20 + 19 };
}

/**
 * The cell's words, one line each: the first line is the one to read at a glance. Response
 * rates come only with mood (the server sends none for other questions).
 */
export function cellLines(cell: HeatCell, locale: Locale, k: number): string[] {
  switch (cell.kind) {
    case 'none':
      return [t(locale, 'tab.trends.cell.none')];
    case 'withheld':
      return [t(locale, 'tab.trends.cell.withheld', { k })];
    case 'total':
      return [
        t(locale, 'tab.trends.cell.splitWithheld'),
        answers(locale, cell.total),
        ...rateLine(locale, cell.rate),
      ];
    case 'share':
      return [
        t(locale, 'tab.trends.cell.share', { share: cell.share }),
        answers(locale, cell.total),
        ...rateLine(locale, cell.rate),
      ];
  }
}

const answers = (locale: Locale, count: number) =>
  t(locale, 'tab.trends.cell.answers', { count: formatNumber(locale, count) });

function rateLine(locale: Locale, rate: number | null | undefined): string[] {
  if (rate === undefined) return [];
  // A withheld rate is said to be hidden, never shown as 0 %.
  if (rate === null) return [t(locale, 'tab.trends.cell.rateWithheld')];
  return [t(locale, 'tab.trends.cell.rate', { rate })];
}

const formatNumber = (locale: Locale, n: number) =>
  new Intl.NumberFormat(intlLocale(locale)).format(n);

/** The staff label for a question id; ids this build doesn't know are named as they are. */
export const knownQuestions = [
  'mood',
  'connected',
  'safe',
  'respected',
  'purpose',
  'included',
  'worries',
  'fair',
  'learning',
  'friends',
  'trusted-adult',
] as const;

export function questionLabel(locale: Locale, id: string): string {
  return isOneOf(knownQuestions, id)
    ? t(locale, `tab.trends.question.${id}`)
    : t(locale, 'tab.trends.question.other', { id });
}

/** The questions to offer: the chosen one and those with data, in the order of the catalogue. */
export function questionChoices(current: string, withData: readonly string[]): string[] {
  const ids = [...new Set([current, ...withData])];
  const rank = (id: string) => {
    const i = (knownQuestions as readonly string[]).indexOf(id);
    return i < 0 ? knownQuestions.length : i;
  };
  return ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "Reception", "Year 7", or "Year group not set" for the server's '-'. */
export function yearGroupLabel(locale: Locale, yearGroup: string): string {
  if (yearGroup === '-') return t(locale, 'tab.trends.yearGroup.notSet');
  if (yearGroup === notInTotals) return t(locale, 'tab.trends.yearGroup.notInTotals');
  if (yearGroup === 'R') return t(locale, 'tab.trends.yearGroup.R');
  return t(locale, 'tab.trends.yearGroup.year', { year: yearGroup });
}

/** A column heading: "Week of 16 Nov" (with the term below) or the term's name. */
export function periodLabel(locale: Locale, period: TrendPeriod): { main: string; sub?: string } {
  if (period.kind === 'term') return { main: period.term ?? shortDate(locale, period.start) };
  return {
    main: t(locale, 'tab.trends.week', { date: shortDate(locale, period.start) }),
    ...(period.term ? { sub: period.term } : {}),
  };
}

function shortDate(locale: Locale, date: string): string {
  return formatDay(locale, date, { month: 'short', year: true });
}
