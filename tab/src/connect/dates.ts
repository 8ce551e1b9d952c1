import type { Locale } from '../../../core/i18n/index.js';
import { formatDay, noonOf } from '../i18n/dates.js';

/**
 * School-local dates (`YYYY-MM-DD`) for people. The API gives plain dates and times in school
 * time, so formatting them in UTC at noon shows exactly the day the server meant, wherever the
 * reader's computer is.
 */
export function formatDate(locale: Locale, date: string, withWeekday = true): string {
  return formatDay(locale, date, {
    ...(withWeekday ? { weekday: 'long' as const } : {}),
    month: 'long',
    year: true,
  });
}

/** The date `days` after (or before) a school-local date. */
export function addDays(date: string, days: number): string {
  const at = noonOf(date);
  if (!at) return date;
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = noonOf(date)?.getUTCDay() ?? 0;
  return day === 0 ? 7 : day;
}

export function intlLocale(locale: Locale): string {
  return locale === 'cy' ? 'cy-GB' : 'en-GB';
}
