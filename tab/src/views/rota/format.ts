import { t, type Locale } from '../../../../core/i18n/index.js';
import { formatDay } from '../../i18n/dates.js';
import type { RotaSlot } from '../../../../core/api/rota.js';

/** "Monday 30 November": a school-local date without its year (rotas cover one term). */
export function dayLabel(locale: Locale, date: string): string {
  return formatDay(locale, date, { weekday: 'long', month: 'long' });
}

/** "Monday": the name of an ISO weekday (1 = Monday). */
export { weekdayName } from '../../i18n/dates.js';

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
