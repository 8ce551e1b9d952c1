/**
 * Dates and times for people, in the reader's language. English uses Intl. Welsh is written
 * from the catalogue's month and weekday names, because Chromium's built-in locale data — and so
 * Teams' web view and the browser tab — has no Welsh: `Intl.DateTimeFormat('cy')` there gives
 * "January 6, 2027" (decision 036). The Welsh forms follow CLDR, as Node writes them:
 * "Dydd Mercher, 6 Ionawr 2027", "Dydd Mercher, 6 Ionawr am 08:50", "Mer, 6 Ion, 08:50".
 */
import { t, type Locale, type MessageKey } from '../../../core/i18n/index.js';

export interface DateStyle {
  /** The weekday's name before the date. */
  weekday?: 'long' | 'short';
  month: 'long' | 'short';
  year?: boolean;
  /** The time of day (24-hour), after the date. */
  time?: boolean;
}

/** A school-local date (`YYYY-MM-DD`), shown as the day the server meant wherever the reader is. */
export function formatDay(locale: Locale, date: string, style: DateStyle): string {
  const at = noonOf(date);
  return at ? formatInstant(locale, at, 'UTC', style) : date;
}

/** Noon UTC on a school-local date (`YYYY-MM-DD`): the same day in every reader's time zone. */
export function noonOf(date: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** An instant as the clock on the wall in `timeZone` shows it. */
export function formatInstant(
  locale: Locale,
  at: Date,
  timeZone: string,
  style: DateStyle,
): string {
  if (locale === 'en-GB') {
    return new Intl.DateTimeFormat('en-GB', {
      ...(style.weekday ? { weekday: style.weekday } : {}),
      day: 'numeric',
      month: style.month,
      ...(style.year ? { year: 'numeric' as const } : {}),
      ...(style.time
        ? { hour: '2-digit' as const, minute: '2-digit' as const, hourCycle: 'h23' as const }
        : {}),
      timeZone,
    }).format(at);
  }
  const p = partsIn(at, timeZone);
  const long = style.month === 'long';
  let text = `${p.day} ${t(locale, (long ? monthKeys : monthShortKeys)[p.month - 1]!)}`;
  if (style.year) text += ` ${p.year}`;
  if (style.weekday) {
    const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
    text = `${t(locale, (style.weekday === 'long' ? weekdayKeys : weekdayShortKeys)[weekday]!)}, ${text}`;
  }
  if (style.time) text += `${long ? ' am ' : ', '}${p.hour}:${p.minute}`;
  return text;
}

/** An ISO weekday's name (1 = Monday … 7 = Sunday). */
export function weekdayName(
  locale: Locale,
  isoWeekday: number,
  width: 'long' | 'short' = 'long',
): string {
  return t(locale, (width === 'long' ? weekdayKeys : weekdayShortKeys)[isoWeekday % 7]!);
}

/** The wall-clock fields of `at` in `timeZone`, from en-GB data (which every browser has). */
function partsIn(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((x) => x.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    hour: part('hour').padStart(2, '0'),
    minute: part('minute').padStart(2, '0'),
  };
}

const monthKeys = [
  'date.month.1',
  'date.month.2',
  'date.month.3',
  'date.month.4',
  'date.month.5',
  'date.month.6',
  'date.month.7',
  'date.month.8',
  'date.month.9',
  'date.month.10',
  'date.month.11',
  'date.month.12',
] as const satisfies readonly MessageKey[];
const monthShortKeys = [
  'date.monthShort.1',
  'date.monthShort.2',
  'date.monthShort.3',
  'date.monthShort.4',
  'date.monthShort.5',
  'date.monthShort.6',
  'date.monthShort.7',
  'date.monthShort.8',
  'date.monthShort.9',
  'date.monthShort.10',
  'date.monthShort.11',
  'date.monthShort.12',
] as const satisfies readonly MessageKey[];
/** 0 = Sunday, as `getUTCDay`. */
const weekdayKeys = [
  'date.weekday.0',
  'date.weekday.1',
  'date.weekday.2',
  'date.weekday.3',
  'date.weekday.4',
  'date.weekday.5',
  'date.weekday.6',
] as const satisfies readonly MessageKey[];
const weekdayShortKeys = [
  'date.weekdayShort.0',
  'date.weekdayShort.1',
  'date.weekdayShort.2',
  'date.weekdayShort.3',
  'date.weekdayShort.4',
  'date.weekdayShort.5',
  'date.weekdayShort.6',
] as const satisfies readonly MessageKey[];
