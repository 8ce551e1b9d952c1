import { describe, expect, it } from 'vitest';
import { locales } from '../../core/i18n/index.js';
import { cardBytes, cardSchemaErrors, maxCardBytes } from '../../tests/support/card-schema.js';
import { rotaCards } from './rota-cards.fixture.js';
import { buildRotaNoticeCard } from './rota-notice-card.js';
import { buildRotaReminderCard } from './rota-reminder-card.js';
import { buildRotaTodayCard } from './rota-today-card.js';
import { listNames } from './rota-format.js';

const text = (card: unknown) => JSON.stringify(card);

describe('every rota card', () => {
  it.each(locales.flatMap(rotaCards))(
    '$name validates against Adaptive Cards 1.5 and stays under 80 KB',
    ({ card }) => {
      expect(cardSchemaErrors(card)).toEqual([]);
      expect(card.version).toBe('1.5');
      expect(cardBytes(card)).toBeLessThan(maxCardBytes);
    },
  );

  it('match their snapshots in English and Welsh', () => {
    for (const locale of locales)
      for (const { name, card } of rotaCards(locale).slice(0, 3))
        expect(card).toMatchSnapshot(name);
    expect(
      rotaCards('en-GB').find((c) => c.name.startsWith('rota notice swap approved requester'))!
        .card,
    ).toMatchSnapshot();
  });

  it('have no buttons: a reminder is something to read, not to answer', () => {
    for (const { card } of rotaCards('en-GB')) {
      expect(card.actions).toBeUndefined();
      expect(text(card)).not.toContain('Action.');
    }
  });

  it('never leave a placeholder unfilled', () => {
    for (const locale of locales)
      for (const { name, card } of rotaCards(locale))
        expect(text(card), name).not.toMatch(/\{\w+\}/);
  });
});

describe('rota reminder card', () => {
  const reminder = buildRotaReminderCard({
    locale: 'en-GB',
    date: '2026-11-24',
    duties: [
      {
        periodId: 'Lunch',
        placeId: 'Buddy bench',
        supervisingAdult: 'Mr Price',
        with: ['Amir Hassan'],
      },
    ],
  });

  it('says when, where, who with, the adult in charge, and where worries go', () => {
    const facts = reminder.body.flatMap((e) =>
      e.type === 'Container' ? e.items.flatMap((i) => (i.type === 'FactSet' ? i.facts : [])) : [],
    );
    expect(facts).toEqual([
      { title: 'When', value: 'Lunch, Tuesday 24 November' },
      { title: 'Where', value: 'Buddy bench' },
      { title: 'With', value: 'Amir Hassan' },
      { title: 'Adult in charge', value: 'Mr Price' },
    ]);
    expect(text(reminder)).toContain('If someone tells you a worry, tell the supervising adult.');
  });

  it('leaves "with" out when nobody else’s name is known', () => {
    const card = buildRotaReminderCard({
      locale: 'en-GB',
      date: '2026-11-24',
      duties: [
        { periodId: 'Lunch', placeId: 'Buddy bench', supervisingAdult: 'Mr Price', with: [] },
      ],
    });
    expect(text(card)).not.toContain('"With"');
  });

  it('is in Welsh when asked', () => {
    const card = buildRotaReminderCard({
      locale: 'cy',
      date: '2026-11-24',
      duties: [
        { periodId: 'Cinio', placeId: 'Mainc ffrindiau', supervisingAdult: 'Mr Price', with: [] },
      ],
    });
    expect(card.lang).toBe('cy');
    expect(text(card)).toContain('Cinio, Dydd Mawrth, 24 Tachwedd');
    expect(text(card)).toContain('dywedwch wrth yr oedolyn sy’n gyfrifol');
  });
});

describe('today’s ambassadors card', () => {
  it('names ambassadors by slot, or says how many when names are unknown', () => {
    const card = buildRotaTodayCard({
      locale: 'en-GB',
      date: '2026-11-24',
      duties: [
        {
          periodId: 'Morning break',
          placeId: 'Library',
          supervisingAdult: 'Mrs Jones',
          names: [],
          count: 1,
        },
        {
          periodId: 'Lunch',
          placeId: 'Buddy bench',
          supervisingAdult: 'Mr Price',
          names: ['Bethan Morgan', 'Amir Hassan'],
          count: 2,
        },
      ],
    });
    expect(text(card)).toContain('Morning break · Library');
    expect(text(card)).toContain('"1 ambassador"');
    expect(text(card)).toContain('Bethan Morgan and Amir Hassan');
    expect(text(card)).toContain('Adult in charge: Mr Price');
  });
});

describe('rota notice card', () => {
  const duty = { date: '2026-11-25', periodId: 'Lunch', placeId: 'Buddy bench' };
  const inReturn = { date: '2026-11-26', periodId: 'Morning break', placeId: 'Library' };

  it('tells each person what it means for them', () => {
    const base = {
      locale: 'en-GB' as const,
      kind: 'swap' as const,
      duty,
      inReturn,
      requesterName: 'Bethan',
      acceptorName: 'Elin',
    };
    expect(
      text(buildRotaNoticeCard({ ...base, event: 'approved', audience: 'requester' })),
    ).toContain('Elin will do your duty: Lunch, Buddy bench, Wednesday 25 November.');
    expect(
      text(buildRotaNoticeCard({ ...base, event: 'approved', audience: 'requester' })),
    ).toContain('You will do their duty instead: Morning break, Library, Thursday 26 November.');
    expect(
      text(buildRotaNoticeCard({ ...base, event: 'approved', audience: 'acceptor' })),
    ).toContain('Bethan will do your duty: Morning break, Library');
    expect(
      text(buildRotaNoticeCard({ ...base, event: 'accepted', audience: 'coordinator' })),
    ).toContain('Bethan asked for a swap and Elin said yes');
    expect(
      text(buildRotaNoticeCard({ ...base, event: 'declined', audience: 'requester' })),
    ).toContain('You still have this duty');
  });

  it('says "another ambassador" rather than an id when a name is unknown', () => {
    const card = buildRotaNoticeCard({
      locale: 'en-GB',
      kind: 'cover',
      duty,
      event: 'accepted',
      audience: 'requester',
    });
    expect(text(card)).toContain('Another ambassador said yes to your cover');
  });
});

describe('listNames', () => {
  it('joins names in English and Welsh', () => {
    expect(listNames('en-GB', ['Amir', 'Cai', 'Dara'])).toBe('Amir, Cai and Dara');
    expect(listNames('cy', ['Amir', 'Cai'])).toBe('Amir a Cai');
    expect(listNames('cy', ['Cai', 'Elin'])).toBe('Cai ac Elin');
    expect(listNames('cy', ['Cai'])).toBe('Cai');
  });
});
