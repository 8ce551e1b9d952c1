/** Every check-in card state for every template, for the schema, size and snapshot tests. */
import type { Checkin } from '../../core/checkin/checkin.js';
import { checkinTemplate, checkinTemplateIds } from '../../core/checkin/templates.js';
import type { Locale } from '../../core/i18n/index.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { buildCheckinCard, closedCard } from './checkin-card.js';
import { buildCheckinFormCard } from './checkin-form-card.js';

export const sampleCheckin = (
  templateId: Checkin['templateId'],
  locale: Locale,
  phase: Checkin['phase'] = 'primary',
): Checkin => ({
  id: `ck-${templateId}`,
  teamId: '19:general@thread.tacv2',
  channelId: '19:general@thread.tacv2',
  templateId,
  phase,
  locale,
  date: '2026-11-24',
  closesAt: '2026-11-24T17:00:00.000Z',
  timeZone: 'Europe/London',
  classSize: 30,
  createdAt: '2026-11-24T09:00:00.000Z',
});

/** The most people Teams refreshes automatically. */
export const sixtyPupils = Array.from({ length: 60 }, (_, i) => `29:pupil-${i}`);

export function checkinCards(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const channels = [
    { id: '19:general@thread.tacv2', name: 'General' },
    { id: '19:wellbeing@thread.tacv2', name: 'Wellbeing' },
  ];
  return [
    { name: `checkin form ${locale}`, card: buildCheckinFormCard({ locale, channels }) },
    {
      name: `checkin form not ready ${locale}`,
      card: buildCheckinFormCard({ locale, channels, notReady: true }),
    },
    ...checkinTemplateIds.flatMap((id) =>
      (['primary', 'secondary'] as const).flatMap((phase) => {
        const checkin = sampleCheckin(id, locale, phase);
        const all = Object.fromEntries(
          checkinTemplate(id).questions.map((q, i) => [q.id, ((i % 5) + 1) as 1]),
        );
        const name = `checkin ${id} ${phase} ${locale}`;
        return [
          {
            name: `${name} posted`,
            card: buildCheckinCard({ kind: 'form', checkin }, locale, sixtyPupils),
          },
          {
            name: `${name} changing`,
            card: buildCheckinCard(
              {
                kind: 'form',
                checkin,
                answer: { points: all, skipped: false },
                problem: 'noAnswer',
              },
              locale,
              ['29:pupil-1'],
            ),
          },
          {
            name: `${name} answered first`,
            card: buildCheckinCard(
              { kind: 'answered', checkin, answer: { points: all, skipped: false }, first: true },
              locale,
              ['29:pupil-1'],
            ),
          },
          {
            name: `${name} skipped`,
            card: buildCheckinCard(
              { kind: 'answered', checkin, answer: { points: {}, skipped: true }, first: false },
              locale,
              ['29:pupil-1'],
            ),
          },
          {
            name: `${name} not a pupil`,
            card: buildCheckinCard({ kind: 'notPupil', checkin }, locale, []),
          },
          { name: `${name} closed`, card: closedCard(checkin) },
        ];
      }),
    ),
    { name: `checkin unknown ${locale}`, card: buildCheckinCard({ kind: 'unknown' }, locale, []) },
  ];
}
