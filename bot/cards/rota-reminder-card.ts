import type { DeliveryContent } from '../../core/delivery/delivery.js';
import { t, type Locale } from '../../core/i18n/index.js';
import {
  card,
  cardContent,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { formatRotaDay, listNames } from './rota-format.js';
import { markdownText } from './plain-text.js';

export interface RotaReminderView {
  locale: Locale;
  /** The school-local date of the duties. */
  date: string;
  duties: {
    periodId: string;
    placeId: string;
    supervisingAdult: string;
    /** The other ambassadors' names; people whose name is unknown are left out, never shown by id. */
    with: string[];
  }[];
}

/**
 * The morning reminder in an ambassador's personal chat: for each duty today when, where, who
 * with and the adult in charge, then one line on where worries go. Short: pupils read it.
 */
export function buildRotaReminderCard(view: RotaReminderView): AdaptiveCard {
  const { locale, date } = view;
  const body: CardElement[] = [
    heading(t(locale, 'rotaNotify.reminder.title')),
    paragraph(t(locale, 'rotaNotify.reminder.intro'), { spacing: 'Small' }),
  ];
  for (const duty of view.duties) {
    const facts = [
      {
        title: t(locale, 'rotaNotify.reminder.when'),
        value: t(locale, 'rotaNotify.reminder.whenValue', {
          period: markdownText(duty.periodId, 100),
          day: formatRotaDay(locale, date),
        }),
      },
      { title: t(locale, 'rotaNotify.reminder.where'), value: markdownText(duty.placeId, 100) },
    ];
    if (duty.with.length)
      facts.push({
        title: t(locale, 'rotaNotify.reminder.with'),
        value: listNames(locale, duty.with),
      });
    facts.push({
      title: t(locale, 'rotaNotify.reminder.adult'),
      value: markdownText(duty.supervisingAdult, 100),
    });
    body.push({ type: 'Container', style: 'emphasis', items: [{ type: 'FactSet', facts }] });
  }
  body.push(paragraph(t(locale, 'rotaNotify.worry'), { weight: 'Bolder', spacing: 'Medium' }));
  body.push(paragraph(t(locale, 'rotaNotify.reminder.swap'), { isSubtle: true, size: 'Small' }));
  return card(locale, body);
}

export function rotaReminderContent(view: RotaReminderView): DeliveryContent {
  return cardContent(buildRotaReminderCard(view));
}
