import { describe, expect, it } from 'vitest';
import { locales } from '../../core/i18n/index.js';
import { roles as allRoles } from '../../tests/support/roles.js';
import { cardBytes, cardSchemaErrors, maxCardBytes } from '../../tests/support/card-schema.js';
import { buildHelpCard } from './help-card.js';
import { buildNoticeCard } from './notice-card.js';
import { checkinCards } from './checkin-cards.fixture.js';
import { connectCards } from './connect-cards.fixture.js';

const everyCard = () =>
  locales.flatMap((locale) => [
    ...(['team', 'personal', 'groupChat'] as const).flatMap((scope) =>
      [[], ...allRoles.map((r) => [r])].map((roles) => ({
        name: `help ${locale} ${scope} ${roles.join('+') || 'no role'}`,
        card: buildHelpCard({ locale, scope, roles }),
      })),
    ),
    {
      name: `unknown command ${locale}`,
      card: buildHelpCard({ locale, scope: 'team', roles: ['pupil'], unknownCommand: 'dance' }),
    },
    { name: `unknown action ${locale}`, card: buildNoticeCard({ locale, kind: 'unknownAction' }) },
    { name: `error ${locale}`, card: buildNoticeCard({ locale, kind: 'error' }) },
    ...connectCards(locale),
    ...checkinCards(locale),
  ]);

describe('every card', () => {
  it.each(everyCard())(
    '$name validates against Adaptive Cards 1.5 and stays under 80 KB',
    ({ card }) => {
      expect(cardSchemaErrors(card)).toEqual([]);
      expect(card.version).toBe('1.5');
      expect(cardBytes(card)).toBeLessThan(maxCardBytes);
    },
  );

  it('the schema check really rejects a broken card', () => {
    const broken = {
      ...buildHelpCard({ locale: 'en-GB', scope: 'team', roles: [] }),
      body: [{ type: 'Marquee' }],
    };
    expect(cardSchemaErrors(broken).length).toBeGreaterThan(0);
  });
});

describe('help card', () => {
  const text = (card: unknown) => JSON.stringify(card);

  it('matches its snapshot for a pupil and a teacher', () => {
    expect(buildHelpCard({ locale: 'en-GB', scope: 'team', roles: ['pupil'] })).toMatchSnapshot();
    expect(buildHelpCard({ locale: 'cy', scope: 'team', roles: ['teacher'] })).toMatchSnapshot();
  });

  it('speaks to the role: a teacher hears about trends, a pupil does not', () => {
    expect(text(buildHelpCard({ locale: 'en-GB', scope: 'team', roles: ['teacher'] }))).toContain(
      'never who said what',
    );
    expect(text(buildHelpCard({ locale: 'en-GB', scope: 'team', roles: ['pupil'] }))).not.toContain(
      'never who said what',
    );
    expect(text(buildHelpCard({ locale: 'en-GB', scope: 'personal', roles: ['dsl'] }))).toContain(
      'pupil’s name',
    );
  });

  it('is in Welsh when asked', () => {
    const card = buildHelpCard({ locale: 'cy', scope: 'personal', roles: ['pupil'] });
    expect(card.lang).toBe('cy');
    expect(text(card)).toContain('Helo, Perthyn ydw i');
  });

  it('echoes an unknown command, cut short, and still lists what you can type', () => {
    const card = buildHelpCard({
      locale: 'en-GB',
      scope: 'team',
      roles: ['pupil'],
      unknownCommand: 'x'.repeat(500),
    });
    expect(text(card)).toContain('I don’t understand “' + 'x'.repeat(40) + '”');
    expect(text(card)).not.toContain('x'.repeat(41));
    expect(text(card)).toContain('"title":"help"');
  });
});

describe('Connect cards', () => {
  it('match their snapshots in English and Welsh', () => {
    for (const { name, card } of connectCards('en-GB').slice(0, 2))
      expect(card).toMatchSnapshot(name);
    for (const { name, card } of connectCards('cy').slice(4, 6)) expect(card).toMatchSnapshot(name);
  });

  it('give every input a visible label, and the prompt post has no buttons to press', () => {
    for (const { card } of connectCards('en-GB')) {
      const inputs = JSON.stringify(card).match(/"type":"Input\.[A-Za-z]+"/g) ?? [];
      const labels = JSON.stringify(card).match(/"label":"[^"]+"/g) ?? [];
      expect(labels.length).toBeGreaterThanOrEqual(inputs.length);
    }
    expect(connectCards('en-GB')[0]!.card.actions).toBeUndefined();
  });

  it('show only a handful of prompts and schedules at once, and say how many more', () => {
    const text = (i: number) => JSON.stringify(connectCards('en-GB')[i]!.card);
    expect(text(2)).toMatch(/Showing 6 of \d+/);
    expect(text(5)).toContain('And 4 more in the Belong tab.');
  });
});

/** Every input anywhere in a card. */
function inputsOf(card: unknown): { id: string; value?: unknown }[] {
  const found: { id: string; value?: unknown }[] = [];
  JSON.stringify(card, (_key, v: unknown) => {
    const el = v as { type?: unknown; id: string; value?: unknown } | null;
    if (el && typeof el === 'object' && String(el.type).startsWith('Input.')) found.push(el);
    return v;
  });
  return found;
}

describe('check-in cards', () => {
  const byName = (locale: 'en-GB' | 'cy', name: string) =>
    checkinCards(locale).find((c) => c.name === name)!.card;

  it('match their snapshots: the mood card posted, a pupil’s answer, and the termly form in Welsh', () => {
    expect(byName('en-GB', 'checkin daily-mood primary en-GB posted')).toMatchSnapshot();
    expect(byName('en-GB', 'checkin daily-mood primary en-GB answered first')).toMatchSnapshot();
    expect(byName('cy', 'checkin termly-belonging secondary cy posted')).toMatchSnapshot();
  });

  it('give every face a text label and every question a visible label, with nothing pre-selected', () => {
    for (const locale of locales) {
      for (const { name, card } of checkinCards(locale).filter((c) => c.name.endsWith('posted'))) {
        const text = JSON.stringify(card);
        const preset = inputsOf(card).filter((input) => input.value !== undefined);
        expect(preset, name).toEqual([]);
        const inputs = text.match(/"type":"Input\.[A-Za-z]+"/g) ?? [];
        const labels = text.match(/"label":"[^"]+"/g) ?? [];
        expect(labels.length, name).toBeGreaterThanOrEqual(inputs.length);
      }
    }
    const mood = JSON.stringify(byName('cy', 'checkin daily-mood primary cy posted'));
    for (const face of [
      '😞 Ofnadwy',
      '🙁 Ddim yn wych',
      '😐 Iawn',
      '🙂 Da',
      '😄 Gwych',
      'Hepgor',
    ]) {
      expect(mood).toContain(face);
    }
  });

  it('refresh for at most 60 pupils while open, and not at all once closed', () => {
    for (const { name, card } of checkinCards('en-GB')) {
      if (name.endsWith('closed') || name.includes('unknown') || name.startsWith('checkin form')) {
        expect(card.refresh, name).toBeUndefined();
      } else {
        expect(card.refresh?.action.verb, name).toBe('checkin.view');
        expect(card.refresh?.userIds?.length ?? 0, name).toBeLessThanOrEqual(60);
      }
    }
  });

  it('never show a pupil’s answers as a score: each answer is shown as its own label', () => {
    const answered = JSON.stringify(
      byName('en-GB', 'checkin termly-belonging primary en-GB answered first'),
    );
    expect(answered).toContain('I feel safe at school.');
    expect(answered).toContain('Always');
    expect(answered).not.toMatch(/score|total|\d+\s*\/\s*\d+/i);
  });
});
