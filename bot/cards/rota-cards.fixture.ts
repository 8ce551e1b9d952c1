/** Every rota reminder, daily card and notice in its typical and its largest shapes, for the schema, size and snapshot tests. */
import type { Locale } from '../../core/i18n/index.js';
import type { NoticeAudience, RotaNoticeEvent } from '../../core/rota/rota-notices.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { buildRotaNoticeCard } from './rota-notice-card.js';
import { buildRotaReminderCard } from './rota-reminder-card.js';
import { buildRotaTodayCard } from './rota-today-card.js';

const lunch = { periodId: 'Lunch', placeId: 'Buddy bench', supervisingAdult: 'Mr Price' };
const library = { periodId: 'Morning break', placeId: 'Library', supervisingAdult: 'Mrs Jones' };
const duty = { date: '2026-11-25', periodId: 'Lunch', placeId: 'Buddy bench' };
const inReturn = { date: '2026-11-26', periodId: 'Morning break', placeId: 'Library' };

export function rotaCards(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const notices = (
    [
      ['accepted', 'requester'],
      ['accepted', 'acceptor'],
      ['accepted', 'coordinator'],
      ['approved', 'requester'],
      ['approved', 'acceptor'],
      ['declined', 'requester'],
      ['declined', 'acceptor'],
    ] as [RotaNoticeEvent, NoticeAudience][]
  ).flatMap(([event, audience]) => [
    {
      name: `rota notice cover ${event} ${audience} ${locale}`,
      card: buildRotaNoticeCard({
        locale,
        event,
        audience,
        kind: 'cover',
        duty,
        requesterName: 'Bethan Morgan',
        acceptorName: 'Elin Roberts',
      }),
    },
    {
      name: `rota notice swap ${event} ${audience} ${locale} (no names)`,
      card: buildRotaNoticeCard({ locale, event, audience, kind: 'swap', duty, inReturn }),
    },
  ]);
  return [
    {
      name: `rota reminder ${locale}`,
      card: buildRotaReminderCard({
        locale,
        date: '2026-11-24',
        duties: [{ ...lunch, with: ['Amir Hassan'] }],
      }),
    },
    {
      name: `rota reminder two duties, names unknown ${locale}`,
      card: buildRotaReminderCard({
        locale,
        date: '2026-11-24',
        duties: [
          { ...library, with: [] },
          { ...lunch, with: ['Amir Hassan', 'Elin Roberts', 'Owain'] },
        ],
      }),
    },
    {
      name: `rota today ${locale}`,
      card: buildRotaTodayCard({
        locale,
        date: '2026-11-24',
        duties: [
          { ...library, names: [], count: 1 },
          { ...lunch, names: ['Bethan Morgan', 'Amir Hassan'], count: 2 },
        ],
      }),
    },
    {
      name: `rota today, largest ${locale}`,
      card: buildRotaTodayCard({
        locale,
        date: '2026-11-24',
        duties: Array.from({ length: 30 }, (_, i) => ({
          periodId: `Period ${i}`,
          placeId: 'A place with a fairly long name, by the big field',
          supervisingAdult: 'Mrs Angharad Llewellyn-Pritchard',
          names: Array.from({ length: 4 }, (_, j) => `Pupil ${i}-${j} With-A-Long-Surname`),
          count: 4,
        })),
      }),
    },
    ...notices,
  ];
}
