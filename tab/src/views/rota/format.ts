import { t, type Locale } from '../../../../core/i18n/index.js';
import { intlLocale } from '../../connect/dates.js';
import type { RotaSlot } from '../../../../core/api/rota.js';

/** "Monday 30 November": a school-local date without its year (rotas cover one term). */
export function dayLabel(locale: Locale, date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(at);
}

/** "Monday": the name of an ISO weekday (1 = Monday). */
export function weekdayName(locale: Locale, weekday: number, width: 'long' | 'short' = 'long') {
  // 2026-11-30 was a Monday.
  const at = new Date(Date.UTC(2026, 10, 29 + weekday, 12));
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(
    at,
  );
}

/** "Monday 30 November, Lunch, Buddy bench": a duty in words, for labels and lists. */
export function dutyLabel(
  locale: Locale,
  date: string,
  slot: Pick<RotaSlot, 'periodId' | 'placeId'> | undefined,
): string {
  if (!slot) return dayLabel(locale, date);
  return t(locale, 'tab.rota.duty', {
    day: dayLabel(locale, date),
    period: slot.periodId,
    place: slot.placeId,
  });
}
