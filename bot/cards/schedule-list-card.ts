import { promptById, promptText } from '../../core/content/content.js';
import { plannedCmhwWeek } from '../../core/content/cmhw-plan.js';
import { t, type Locale } from '../../core/i18n/index.js';
import type { Schedule } from '../../core/schedule/schedule.js';
import { connectVerbs } from './connect-verbs.js';
import {
  card,
  execute,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { formatWhen } from './format.js';
import { markdownText } from './plain-text.js';
import { isSchoolWeekday } from '../../core/schedule/weekdays.js';

export interface ScheduleListView {
  locale: Locale;
  timeZone: string;
  /** Active schedules with the instant of their next post. */
  schedules: { schedule: Schedule; channelName: string; nextAt?: string }[];
  /** Shown once, after a cancel. */
  cancelled?: boolean;
}

export const schedulesPerCard = 8;

/** What a schedule posts, in a line: the prompt's words, or the CMHW week. */
export function whatItPosts(schedule: Schedule, locale: Locale): string {
  const { content } = schedule;
  if (content.kind === 'cmhw') {
    const week = plannedCmhwWeek(content.year, content);
    return `${t(locale, 'connect.repeat.cmhw')} ${content.year}${week ? ` · ${markdownText(week.theme[locale])}` : ''} · ${t(locale, `connect.phase.${content.phase}`)}`;
  }
  if (content.kind === 'checkin') {
    return `${t(locale, `checkin.template.${content.templateId}`)} · ${t(locale, `connect.phase.${content.phase}`)}`;
  }
  const prompt = promptById(content.promptId);
  return prompt ? promptText(prompt, locale) : content.promptId;
}

function howOften(schedule: Schedule, locale: Locale): string {
  const { repeat } = schedule;
  if (repeat.kind !== 'weekly') return t(locale, `connect.repeat.${repeat.kind}`);
  return repeat.weekdays
    .map((d) => (isSchoolWeekday(d) ? t(locale, `connect.weekday.${d}`) : String(d)))
    .join(', ');
}

/** The class's planned posts, each with its next time and a Cancel button. */
export function buildScheduleListCard(view: ScheduleListView): AdaptiveCard {
  const { locale } = view;
  const body: CardElement[] = [heading(t(locale, 'connect.card.schedules.title'))];
  if (view.cancelled) body.push(paragraph(t(locale, 'connect.card.schedules.cancelled')));
  if (!view.schedules.length) body.push(paragraph(t(locale, 'connect.card.schedules.none')));
  for (const { schedule, channelName, nextAt } of view.schedules.slice(0, schedulesPerCard)) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(whatItPosts(schedule, locale), { weight: 'Bolder' }),
        paragraph(
          `${howOften(schedule, locale)} · ${schedule.time} · ${markdownText(channelName, 100)}`,
          {
            isSubtle: true,
            spacing: 'None',
          },
        ),
        ...(nextAt
          ? [
              paragraph(
                t(locale, 'connect.card.schedules.next', {
                  when: formatWhen(locale, nextAt, view.timeZone),
                }),
                { spacing: 'None' },
              ),
            ]
          : []),
        {
          type: 'ActionSet',
          actions: [
            execute(
              t(locale, 'connect.card.schedules.cancel'),
              connectVerbs.cancelSchedule,
              { scheduleId: schedule.id },
              { style: 'destructive', associatedInputs: 'none' },
            ),
          ],
        },
      ],
    });
  }
  if (view.schedules.length > schedulesPerCard) {
    body.push(
      paragraph(
        t(locale, 'connect.card.schedules.more', {
          count: view.schedules.length - schedulesPerCard,
        }),
        { isSubtle: true },
      ),
    );
  }
  return card(locale, body);
}
