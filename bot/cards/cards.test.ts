import { describe, expect, it } from 'vitest';
import { locales } from '../../core/i18n/index.js';
import { roles as allRoles } from '../../tests/support/roles.js';
import { cardBytes, cardSchemaErrors, maxCardBytes } from '../../tests/support/card-schema.js';
import { buildHelpCard } from './help-card.js';
import { buildNoticeCard } from './notice-card.js';
import { checkinCards } from './checkin-cards.fixture.js';
import { connectCards } from './connect-cards.fixture.js';
import { talkCards } from './talk-cards.fixture.js';
import { buddyCards } from './buddy-cards.fixture.js';

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
    ...talkCards(locale),
    ...buddyCards(locale),
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
    expect(text(card)).toContain('I don’t understand “' + 'x'.repeat(39) + '…”');
    expect(text(card)).not.toContain('x'.repeat(40));
    expect(text(card)).toContain('"title":"help"');
  });

  it('shows what was typed as text: no link, mention, formatting or hidden characters', () => {
    const card = buildHelpCard({
      locale: 'en-GB',
      scope: 'team',
      roles: ['pupil'],
      unknownCommand: '[Win](https://e.vil) <at>Ms K</at>\u202E**',
    });
    const body = card.body.find(
      (e) => e.type === 'TextBlock' && e.text.startsWith('I don’t understand'),
    ) as { text: string };
    expect(body.text).toBe(
      'I don’t understand “\\[Win\\]\\(https:∕∕e․vil\\) ‹at›Ms K‹/at›\\*\\*” yet. Here is what you can type.',
    );
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

  it('the teacher’s form, while the school cannot take talk requests, says why and what to do and offers nothing to post', () => {
    const en = JSON.stringify(byName('en-GB', 'checkin form not ready en-GB'));
    expect(en).toContain(
      'Check-ins start once two safeguarding adults (the DSL or deputies) have opened Belong in Teams. Ask your DSL.',
    );
    const cy = JSON.stringify(byName('cy', 'checkin form not ready cy'));
    expect(cy).toContain('Gofynnwch i’ch DSL.');
    for (const text of [en, cy]) {
      expect(text).not.toMatch(/Action\.Execute|Input\./);
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

describe('talk cards', () => {
  const byName = (locale: 'en-GB' | 'cy', name: string) => {
    const found = talkCards(locale).find((c) => c.name === `${name} ${locale}`);
    if (!found) throw new Error(`no talk card ${name}`);
    return found.card;
  };
  const text = (card: unknown) => JSON.stringify(card);
  const pupilCards = (locale: 'en-GB' | 'cy') =>
    talkCards(locale).filter((c) =>
      /^talk (ask|sent|seen|notice (notNow|unavailable))/.test(c.name),
    );

  it('match their snapshots: every state in English, and the pupil’s and the DSL’s first cards in Welsh', () => {
    for (const { name, card } of talkCards('en-GB').filter(
      (c) =>
        !c.name.startsWith('checkin') || /talk (ask|offer after a low answer) en-GB$/.test(c.name),
    ))
      expect(card).toMatchSnapshot(name);
    for (const name of ['talk ask', 'talk sent out of hours', 'talk staff new'])
      expect(byName('cy', name)).toMatchSnapshot(`${name} cy`);
  });

  it('tell the pupil who will see their name, never promise secrecy, and always give helplines', () => {
    for (const locale of locales) {
      for (const { name, card } of pupilCards(locale)) {
        for (const line of ['999', '0800 1111', '85258']) expect(text(card), name).toContain(line);
        expect(text(card), name).not.toMatch(
          /secret|confidential|private|nobody else|no one else|won[’']?t tell|will not tell|cyfrinach/i,
        );
      }
    }
    expect(text(byName('en-GB', 'talk ask'))).toContain('They will see your name and your class');
    expect(text(byName('en-GB', 'talk ask'))).toContain('they may need to tell other adults');
    expect(text(byName('cy', 'talk ask'))).toContain('Byddan nhw’n gweld dy enw');
  });

  it('say when an adult will see it out of hours, in the school’s time zone and the pupil’s language', () => {
    expect(text(byName('en-GB', 'talk ask out of hours'))).toContain(
      'School is closed now. An adult will see this on Wednesday 25 November at 08:30.',
    );
    expect(text(byName('en-GB', 'talk sent out of hours'))).toContain(
      'Wednesday 25 November at 08:30',
    );
    expect(text(byName('cy', 'talk sent out of hours'))).toContain(
      'Dydd Mercher, 25 Tachwedd am 08:30',
    );
    expect(text(byName('en-GB', 'talk sent'))).not.toContain('School is closed');
  });

  it('pre-select nothing, label every input, and refresh only for the people they are for', () => {
    for (const { name, card } of talkCards('en-GB')) {
      const preset = inputsOf(card).filter((input) => input.value !== undefined);
      expect(preset, name).toEqual([]);
      const inputs = text(card).match(/"type":"Input\.[A-Za-z]+"/g) ?? [];
      const labels = text(card).match(/"label":"[^"]+"/g) ?? [];
      expect(labels.length, name).toBeGreaterThanOrEqual(inputs.length);
      expect(card.refresh?.userIds?.length ?? 0, name).toBeLessThanOrEqual(60);
    }
    expect(byName('en-GB', 'talk seen').refresh?.userIds).toEqual(['29:demo-user-2']);
    expect(byName('en-GB', 'talk staff new').refresh?.userIds).toEqual([
      '29:demo-user-10',
      '29:demo-user-12',
    ]);
  });

  it('the DSL’s card offers its actions while the request is open, and none once it is closed', () => {
    const verbs = (name: string) =>
      (text(byName('en-GB', name)).match(/"verb":"talk\.[a-z.]+"/g) ?? []).filter(
        (v) => v !== '"verb":"talk.staff.view"',
      );
    expect(verbs('talk staff new')).toEqual([
      '"verb":"talk.acknowledge"',
      '"verb":"talk.note"',
      '"verb":"talk.refer"',
      '"verb":"talk.resolve"',
    ]);
    expect(verbs('talk staff acknowledged')).toEqual([
      '"verb":"talk.note"',
      '"verb":"talk.refer"',
      '"verb":"talk.resolve"',
    ]);
    for (const closed of ['talk staff resolved', 'talk staff referred', 'talk staff closed'])
      expect(verbs(closed), closed).toEqual([]);
    expect(text(byName('en-GB', 'talk staff closed'))).toContain('This request is closed.');
    expect(text(byName('en-GB', 'talk staff referral not chosen'))).toContain(
      'Choose who it was referred on to. Nothing has changed.',
    );
    expect(verbs('talk staff referral not chosen')).toContain('"verb":"talk.refer"');
    expect(text(byName('en-GB', 'talk staff escalated twice, a deputy unreachable'))).toContain(
      'Reminder: this has waited 30 minutes of school time.',
    );
    expect(text(byName('en-GB', 'talk staff escalated twice, a deputy unreachable'))).toContain(
      'Belong could not message: Mr Owen Davies.',
    );
  });

  it('show a note as plain text, never as markdown', () => {
    const card = byName('en-GB', 'talk staff acknowledged with a note');
    expect(text(card)).toContain(
      '{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Spoke to Amir at break. <b>Not HTML</b> [not a link](x)"}]}',
    );
  });

  it('tell a wellbeing lead that a request waits, never who asked or from which class', () => {
    const card = text(byName('en-GB', 'talk renderer escalated'));
    expect(card).toContain('has waited 15 minutes of school time');
    expect(text(byName('en-GB', 'talk renderer escalated one minute'))).toContain(
      'waited 1 minute of school time',
    );
    expect(card).not.toMatch(/Amir|Class 7B|requestId/);
  });

  it('on a check-in card: the gentle question only after a low answer, and the ask keeps the pupil’s answer in view', () => {
    expect(text(byName('en-GB', 'checkin answered with talk offer after a low answer'))).toContain(
      'Would you like to talk to a trusted adult?',
    );
    expect(text(byName('en-GB', 'checkin answered with talk offer'))).not.toContain(
      'Would you like to talk',
    );
    const ask = text(byName('en-GB', 'checkin answered with talk ask'));
    expect(ask).toContain('You chose 😞 Awful.');
    expect(ask).toContain(
      '"verb":"talk.send","data":{"source":"checkin","checkinId":"ck-daily-mood"}',
    );
  });
});

describe('buddy cards', () => {
  const byName = (name: string) =>
    buddyCards('en-GB').find((c) => c.name === `buddy ${name} en-GB`)!.card;
  const text = (name: string) => JSON.stringify(byName(name));

  it('snapshots of the ask and the ambassadors’ notice', () => {
    expect(byName('ask today')).toMatchSnapshot('buddy ask today');
    expect(byName('notice to ambassadors')).toMatchSnapshot('buddy notice');
  });

  it('never asks for free text, pre-selects nothing, and always gives a way to an adult', () => {
    for (const { card } of buddyCards('en-GB')) {
      const json = JSON.stringify(card);
      expect(json).not.toContain('Input.Text');
      const choiceSets = card.body.filter((e) => e.type === 'Input.ChoiceSet');
      for (const set of choiceSets) expect(set).not.toHaveProperty('value');
    }
    for (const name of ['ask today', 'nobody on duty', 'sent'])
      expect(text(name)).toContain('talk.start');
    for (const name of ['ask next day, talk not offered', 'already'])
      expect(text(name)).toContain('0800 1111');
  });

  it('tells ambassadors the first name and class only', () => {
    const notice = text('notice to ambassadors');
    expect(notice).toContain('Amir from Class 7B would like a buddy at Lunch (Buddy bench)');
    expect(notice).not.toContain('No ambassador on duty');
    expect(text('notice to coordinator')).toContain('No ambassador on duty could be messaged');
  });
});
