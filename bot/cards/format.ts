import type { Locale } from '../../core/i18n/index.js';

/** "Wednesday 25 November at 08:50" in the school's time zone, in the reader's language. */
export function formatWhen(locale: Locale, at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(typeof at === 'string' ? new Date(at) : at);
}

/** "9 February" for a school-local date. */
export function formatDay(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
