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

export interface RotaTodayView {
  locale: Locale;
  date: string;
  /** Today's duties in time order. */
  duties: {
    periodId: string;
    placeId: string;
    supervisingAdult: string;
    /** Names of the ambassadors on it (unknown names left out). */
    names: string[];
    /** How many ambassadors are on it, names known or not. */
    count: number;
  }[];
}

/**
 * "Today's wellbeing ambassadors", posted in a channel the coordinator chose, so pupils know who
 * to find and where. Where no names are known it says how many ambassadors, never their ids.
 */
export function buildRotaTodayCard(view: RotaTodayView): AdaptiveCard {
  const { locale } = view;
  const body: CardElement[] = [
    heading(t(locale, 'rotaNotify.today.title')),
    paragraph(t(locale, 'rotaNotify.today.intro', { day: formatRotaDay(locale, view.date) }), {
      spacing: 'Small',
    }),
  ];
  for (const duty of view.duties) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(
          t(locale, 'rotaNotify.today.slot', {
            period: markdownText(duty.periodId, 100),
            place: markdownText(duty.placeId, 100),
          }),
          {
            weight: 'Bolder',
          },
        ),
        paragraph(
          duty.names.length
            ? listNames(locale, duty.names)
            : t(locale, 'rotaNotify.today.count', { count: duty.count }),
          { spacing: 'None' },
        ),
        paragraph(
          t(locale, 'rotaNotify.today.adult', { adult: markdownText(duty.supervisingAdult, 100) }),
          {
            isSubtle: true,
            spacing: 'None',
          },
        ),
      ],
    });
  }
  body.push(paragraph(t(locale, 'rotaNotify.today.worry'), { spacing: 'Medium' }));
  return card(locale, body);
}

export function rotaTodayContent(view: RotaTodayView): DeliveryContent {
  return cardContent(buildRotaTodayCard(view));
}
