import { t, type Locale } from '../../../core/i18n/index.js';
import type { CmhwWeek } from '../../../core/api/connect.js';
import { addDays, formatDate } from './dates.js';

/**
 * CMHW weeks that can still be planned: the server refuses a week once its Friday has passed
 * (`cmhwOver`), so the tab does not offer it. Soonest first.
 */
export function openCmhwWeeks(weeks: readonly CmhwWeek[], today: string): CmhwWeek[] {
  return weeks
    .filter((week) => addDays(week.startDate, 4) >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** "2027: This is My Place (8 February 2027 to 12 February 2027)" — the school days. */
export function describeCmhwWeek(week: CmhwWeek, locale: Locale): string {
  return t(locale, 'tab.connect.cmhw.week', {
    year: week.year,
    theme: week.theme[locale] ?? week.theme['en-GB'],
    start: formatDate(locale, week.startDate, false),
    end: formatDate(locale, addDays(week.startDate, 4), false),
  });
}
