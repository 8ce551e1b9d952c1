import type { Locale } from '../../core/i18n/index.js';

/** Formatters are costly to make and every check-in card needs one: one per language and zone. */
const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** "Wednesday 25 November at 08:50" in the school's time zone, in the reader's language. */
export function formatWhen(locale: Locale, at: Date | string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = whenFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    // A school has one zone; the bound stops a stream of bad zones from growing it.
    if (whenFormats.size < 100) whenFormats.set(key, format);
  }
  return format.format(typeof at === 'string' ? new Date(at) : at);
}

/** "9 February" for a school-local date. */
export function formatDay(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Tuesday 8 December" for a school-local date. */
export function formatWeekdayDate(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
