import { t, type Locale } from '../../core/i18n/index.js';
import { markdownText } from './plain-text.js';

/** "Tuesday 24 November" for a school-local date, in the reader's language. */
export function formatRotaDay(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** A duty in words: "Lunch, Buddy bench, Tuesday 24 November". */
export interface DutyText {
  date: string;
  periodId: string;
  placeId: string;
}

export const dutyInWords = (locale: Locale, duty: DutyText): string =>
  t(locale, 'rotaNotify.duty', {
    period: markdownText(duty.periodId, 100),
    place: markdownText(duty.placeId, 100),
    day: formatRotaDay(locale, duty.date),
  });

/** "Amir and Cai", "Amir, Cai and Dara"; in Welsh "a", or "ac" before a vowel. */
export function listNames(locale: Locale, given: readonly string[]): string {
  // Names are people's own: each is shown as text (the list is read as Markdown).
  const names = given.map((n) => markdownText(n, 100));
  if (locale !== 'cy') return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
  if (names.length < 2) return names.join('');
  const last = names.at(-1)!;
  const and = /^[aeiouwyâêîôûŵŷ]/i.test(last) ? 'ac' : 'a';
  return `${names.slice(0, -1).join(', ')} ${and} ${last}`;
}
