/**
 * Every buddy card state (issue 17) for the schema, size and snapshot tests: the ask (today, the
 * next school day, with a problem, with and without the talk button), nobody on duty, sent and
 * already, and the notices to ambassadors and to the coordinator.
 */
import type { Locale } from '../../core/i18n/index.js';
import type { BuddyChoices } from '../../core/support/buddy.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { buildBuddyAskCard, buildBuddyNoticeCard, buildBuddyOutcomeCard } from './buddy-card.js';

const today: BuddyChoices = {
  date: '2026-11-24',
  today: true,
  periods: [
    { periodId: 'Morning break', placeIds: ['Library'] },
    { periodId: 'Lunch', placeIds: ['Buddy bench', 'Hall'] },
  ],
};

export function buddyCards(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const notice = {
    firstName: 'Amir',
    classNames: ['Class 7B'],
    date: '2026-11-24',
    periodId: 'Lunch',
    placeIds: ['Buddy bench'],
    toCoordinator: false,
  };
  return [
    { name: 'ask today', card: buildBuddyAskCard({ locale, choices: today, talkOffered: true }) },
    {
      name: 'ask next day, talk not offered',
      card: buildBuddyAskCard({
        locale,
        choices: { ...today, date: '2026-11-25', today: false },
        talkOffered: false,
      }),
    },
    {
      name: 'ask with problem',
      card: buildBuddyAskCard({ locale, choices: today, talkOffered: true, problem: 'choose' }),
    },
    {
      name: 'nobody on duty',
      card: buildBuddyAskCard({ locale, choices: { ...today, periods: [] }, talkOffered: true }),
    },
    {
      name: 'sent',
      card: buildBuddyOutcomeCard({
        locale,
        kind: 'sent',
        periodId: 'Lunch',
        date: '2026-11-24',
        talkOffered: true,
      }),
    },
    {
      name: 'already',
      card: buildBuddyOutcomeCard({
        locale,
        kind: 'already',
        periodId: 'Lunch',
        date: '2026-11-24',
        talkOffered: false,
      }),
    },
    { name: 'notice to ambassadors', card: buildBuddyNoticeCard(notice, locale) },
    {
      name: 'notice to coordinator',
      card: buildBuddyNoticeCard({ ...notice, toCoordinator: true }, locale),
    },
  ].map((c) => ({ name: `buddy ${c.name} ${locale}`, card: c.card }));
}
