/**
 * The check-in a preview draws: what the teacher chose, posted today. The real one gets its id,
 * class size and closing time from the server; here it closes at 17:00 on its last day, shown
 * in UTC so the preview reads "17:00" wherever the reader's computer is.
 */
import type { Checkin } from '../../../../core/checkin/checkin.js';
import { checkinTemplate } from '../../../../core/checkin/templates.js';
import type { Locale } from '../../../../core/i18n/index.js';
import { addDays } from '../../connect/dates.js';
import type { CheckinTemplateId, Phase } from '../../../../core/api/checkins.js';

/** Today in the school's usual time zone, as YYYY-MM-DD. */
export function schoolToday(now = new Date(), timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function previewCheckin(opts: {
  templateId: CheckinTemplateId;
  phase: Phase;
  locale: Locale;
  today: string;
}): Checkin {
  const closes = addDays(opts.today, checkinTemplate(opts.templateId).openDays);
  return {
    id: 'preview',
    teamId: 'preview',
    channelId: 'preview',
    templateId: opts.templateId,
    phase: opts.phase,
    locale: opts.locale,
    date: opts.today,
    closesAt: `${closes}T17:00:00.000Z`,
    timeZone: 'UTC',
    classSize: 0,
    createdAt: `${opts.today}T08:00:00.000Z`,
  };
}
