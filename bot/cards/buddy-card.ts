/**
 * Buddy cards (issue 17): the pupil's ask (a choice of the breaks with ambassadors on duty, never
 * free text, and always the way to a trusted adult instead), what happened, and the notice the
 * ambassadors on duty (or the coordinator) get: the pupil's first name and class, nothing more.
 */
import type { BuddyChoices, BuddyNotice, BuddyRenderer } from '../../core/support/buddy.js';
import { t, type Locale } from '../../core/i18n/index.js';
import {
  card,
  cardContent,
  execute,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { formatWeekdayDate } from './format.js';
import { helpNow, talkAction } from './talk-cards.js';
import { cleanText, markdownText } from './plain-text.js';

export const buddyVerbs = {
  /** The pupil's "Ask for a buddy" with the chosen period. */
  buddyAsk: 'buddy.ask',
} as const;
export type BuddyVerb = (typeof buddyVerbs)[keyof typeof buddyVerbs];

export const buddyInputs = { period: 'buddyPeriod' } as const;

export interface BuddyAskView {
  locale: Locale;
  choices: BuddyChoices;
  /** Whether the school can take talk requests (the "talk instead" button). */
  talkOffered: boolean;
  problem?: 'choose';
}

/** The "talk to a trusted adult instead" part: a button when offered, else help now. */
function worry(locale: Locale, talkOffered: boolean): CardElement[] {
  return talkOffered
    ? [
        paragraph(t(locale, 'buddy.ask.worry'), { spacing: 'Medium' }),
        { type: 'ActionSet', actions: [talkAction(locale, { source: 'chat' })] },
      ]
    : [helpNow(locale)];
}

export function buildBuddyAskCard(view: BuddyAskView): AdaptiveCard {
  const { locale, choices } = view;
  const day = formatWeekdayDate(locale, choices.date);
  if (!choices.periods.length)
    return card(locale, [
      heading(t(locale, 'buddy.none.title')),
      paragraph(t(locale, 'buddy.none.body', { day })),
      ...worry(locale, view.talkOffered),
    ]);
  const body: CardElement[] = [
    heading(t(locale, 'buddy.ask.title')),
    paragraph(t(locale, 'buddy.ask.body')),
  ];
  if (!choices.today) body.push(paragraph(t(locale, 'buddy.ask.nextDay', { day })));
  if (view.problem) body.push(paragraph(t(locale, 'buddy.ask.choose'), { weight: 'Bolder' }));
  body.push({
    type: 'Input.ChoiceSet',
    id: buddyInputs.period,
    label: t(locale, 'buddy.ask.when'),
    style: 'expanded',
    wrap: true,
    isRequired: true,
    errorMessage: t(locale, 'buddy.ask.choose'),
    choices: choices.periods.map((p) => ({
      title: t(locale, 'buddy.ask.choice', {
        period: cleanText(p.periodId, 100),
        places: p.placeIds.map((place) => cleanText(place, 100)).join(', '),
      }),
      value: p.periodId,
    })),
  });
  body.push({
    type: 'ActionSet',
    actions: [execute(t(locale, 'buddy.ask.send'), buddyVerbs.buddyAsk, {}, { style: 'positive' })],
  });
  body.push(...worry(locale, view.talkOffered));
  return card(locale, body);
}

export function buildBuddyOutcomeCard(view: {
  locale: Locale;
  kind: 'sent' | 'already';
  periodId: string;
  date: string;
  talkOffered: boolean;
}): AdaptiveCard {
  const { locale } = view;
  const vars = { period: view.periodId, day: formatWeekdayDate(locale, view.date) };
  return card(locale, [
    heading(t(locale, 'buddy.sent.title')),
    paragraph(t(locale, view.kind === 'sent' ? 'buddy.sent.body' : 'buddy.already.body', vars)),
    ...worry(locale, view.talkOffered),
  ]);
}

export function buildBuddyNoticeCard(view: BuddyNotice, locale: Locale): AdaptiveCard {
  const body: CardElement[] = [
    heading(t(locale, 'buddy.notice.title')),
    paragraph(
      t(locale, 'buddy.notice.body', {
        name: markdownText(view.firstName, 100),
        class: view.classNames.map((c) => markdownText(c, 100)).join(', '),
        period: markdownText(view.periodId, 100),
        places: view.placeIds.map((p) => markdownText(p, 100)).join(', '),
        day: formatWeekdayDate(locale, view.date),
      }),
    ),
  ];
  if (view.toCoordinator) body.push(paragraph(t(locale, 'buddy.notice.coordinator')));
  return card(locale, body);
}

export const buddyRenderer: BuddyRenderer = {
  notice: (view, locale) => cardContent(buildBuddyNoticeCard(view, locale)),
};
