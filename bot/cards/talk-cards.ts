/**
 * The pupil's "talk to a trusted adult" cards (issue 17): the ask (who will see their name, that
 * adults may need to tell others, optional "how soon"), sent, seen, and the helplines that are
 * always there. Each carries `refresh` for the pupil alone, so reopening it shows where it stands.
 * The renderer the TalkService sends with is here too.
 */
import type { TalkRenderer } from '../../core/support/talk-service.js';
import { talkUrgencies, type PupilTalkState, type TalkSource } from '../../core/support/talk.js';
import { t, type Locale } from '../../core/i18n/index.js';
import {
  card,
  cardContent,
  execute,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
  type ExecuteAction,
} from './adaptive-card.js';
import { formatWhen } from './format.js';
import { buildTalkStaffCard } from './talk-staff-card.js';
import { talkInputs, talkVerbs } from './talk-verbs.js';

/** Where the ask came from, carried through the card so "Not now" can go back there. */
export interface TalkOrigin {
  source: TalkSource;
  /** Only to return to that card's view; never stored with the request. */
  checkinId?: string;
}

/** The "talk to a trusted adult" button, for check-in cards and the help card. */
export const talkAction = (locale: Locale, origin: TalkOrigin): ExecuteAction =>
  execute(
    t(locale, 'talk.action'),
    talkVerbs.talkStart,
    { ...origin },
    { associatedInputs: 'none' },
  );

/** Help now: always on the pupil's talk cards, in school hours or not. */
export const helpNow = (locale: Locale): CardElement => ({
  type: 'Container',
  style: 'emphasis',
  items: [
    paragraph(t(locale, 'talk.helpNow.title'), { weight: 'Bolder' }),
    paragraph(t(locale, 'talk.helpNow.body')),
  ],
});

const refreshFor = (locale: Locale, pupilTeamsId: string | undefined) =>
  pupilTeamsId
    ? {
        refresh: {
          action: execute(t(locale, 'talk.action'), talkVerbs.talkView),
          userIds: [pupilTeamsId],
        },
      }
    : {};

export interface TalkAskView {
  locale: Locale;
  origin: TalkOrigin;
  /** When adults will next see a request, if school is closed now (school time zone). */
  closedUntil?: { at: Date; timeZone: string };
}

export function buildTalkAskCard(view: TalkAskView): AdaptiveCard {
  const { locale, origin } = view;
  const body: CardElement[] = [
    heading(t(locale, 'talk.ask.title')),
    paragraph(t(locale, 'talk.ask.body')),
    paragraph(t(locale, 'talk.ask.notSecret')),
  ];
  if (view.closedUntil)
    body.push(
      paragraph(
        t(locale, 'talk.ask.closedNow', {
          when: formatWhen(locale, view.closedUntil.at, view.closedUntil.timeZone),
        }),
        { weight: 'Bolder' },
      ),
    );
  body.push({
    type: 'Input.ChoiceSet',
    id: talkInputs.urgency,
    label: t(locale, 'talk.ask.howSoon'),
    style: 'expanded',
    wrap: true,
    choices: talkUrgencies.map((u) => ({ title: t(locale, `talk.urgency.${u}`), value: u })),
  });
  body.push({
    type: 'ActionSet',
    actions: [
      execute(t(locale, 'talk.ask.send'), talkVerbs.talkSend, { ...origin }, { style: 'positive' }),
      execute(
        t(locale, 'talk.ask.notNow'),
        talkVerbs.talkNotNow,
        { ...origin },
        {
          associatedInputs: 'none',
        },
      ),
    ],
  });
  body.push(helpNow(locale));
  return card(locale, body);
}

export interface TalkStateView {
  locale: Locale;
  state: Exclude<PupilTalkState, 'none'>;
  /** When adults will see it, if school is closed now. */
  closedUntil?: { at: Date; timeZone: string };
  pupilTeamsId?: string;
}

/** Sent, or seen: where the pupil's request stands. */
export function buildTalkStateCard(view: TalkStateView): AdaptiveCard {
  const { locale } = view;
  const body: CardElement[] =
    view.state === 'seen'
      ? [heading(t(locale, 'talk.seen.title')), paragraph(t(locale, 'talk.seen.body'))]
      : [
          heading(t(locale, 'talk.sent.title')),
          paragraph(
            view.closedUntil
              ? t(locale, 'talk.ask.closedNow', {
                  when: formatWhen(locale, view.closedUntil.at, view.closedUntil.timeZone),
                })
              : t(locale, 'talk.sent.body'),
          ),
        ];
  body.push(helpNow(locale));
  return card(locale, body, refreshFor(locale, view.pupilTeamsId));
}

export type TalkNoticeKind = 'notNow' | 'unavailable' | 'notPupil' | 'buddyNotPupil' | 'channel';

/** Short answers: "Not now", Belong cannot reach anyone, not a pupil (talk or buddy), and the channel's button. */
export function buildTalkNoticeCard(locale: Locale, kind: TalkNoticeKind): AdaptiveCard {
  switch (kind) {
    case 'notNow':
      return card(locale, [
        heading(t(locale, 'talk.notNow.title')),
        paragraph(t(locale, 'talk.notNow.body')),
        helpNow(locale),
      ]);
    case 'unavailable':
      return card(locale, [
        heading(t(locale, 'talk.unavailable.title')),
        paragraph(t(locale, 'talk.unavailable.body')),
        helpNow(locale),
      ]);
    case 'notPupil':
      return card(locale, [
        heading(t(locale, 'talk.notPupil.title')),
        paragraph(t(locale, 'talk.notPupil.body')),
      ]);
    case 'buddyNotPupil':
      return card(locale, [
        heading(t(locale, 'talk.notPupil.title')),
        paragraph(t(locale, 'buddy.notPupil.body')),
      ]);
    case 'channel':
      // In a channel everyone sees the message, so it says nothing but offers the button.
      return card(locale, [
        paragraph(t(locale, 'talk.channel.body')),
        { type: 'ActionSet', actions: [talkAction(locale, { source: 'chat' })] },
      ]);
  }
}

export const talkRenderer: TalkRenderer = {
  staff: (view, locale) => cardContent(buildTalkStaffCard(view, locale)),
  escalated: (minutes, locale) =>
    cardContent(
      card(locale, [
        heading(t(locale, 'talk.escalated.title')),
        paragraph(t(locale, 'talk.escalated.body', { count: minutes })),
      ]),
    ),
  unreachable: (names, locale) =>
    cardContent(
      card(locale, [
        heading(t(locale, 'talk.unreachableReport.title')),
        paragraph(t(locale, 'talk.unreachableReport.body', { names: names.join(', ') })),
      ]),
    ),
  seen: (locale) => cardContent(buildTalkStateCard({ locale, state: 'seen' })),
};

/** What a check-in card shows of talk, on the pupil's own view. */
export type TalkPanel =
  /** The button; `low` after a low answer, with a gentle question above it. */
  | { kind: 'offer'; low: boolean }
  /** The ask itself, inside the check-in card. */
  | { kind: 'ask'; closedUntil?: { at: Date; timeZone: string } }
  | {
      kind: 'state';
      state: Exclude<PupilTalkState, 'none'>;
      closedUntil?: { at: Date; timeZone: string };
    }
  | { kind: 'unavailable' };

/** The talk part of a pupil's check-in card (after the check-in's own content). */
export function talkSection(locale: Locale, panel: TalkPanel, checkinId: string): CardElement[] {
  const origin: TalkOrigin = { source: 'checkin', checkinId };
  switch (panel.kind) {
    case 'offer':
      return [
        ...(panel.low ? [paragraph(t(locale, 'talk.offer.low'), { spacing: 'Medium' })] : []),
        { type: 'ActionSet', actions: [talkAction(locale, origin)] },
      ];
    case 'ask':
      return [
        {
          type: 'Container',
          style: 'accent',
          items: buildTalkAskCard({
            locale,
            origin,
            ...(panel.closedUntil ? { closedUntil: panel.closedUntil } : {}),
          }).body,
        },
      ];
    case 'state':
      return [
        {
          type: 'Container',
          style: 'accent',
          items: buildTalkStateCard({
            locale,
            state: panel.state,
            ...(panel.closedUntil ? { closedUntil: panel.closedUntil } : {}),
          }).body,
        },
      ];
    case 'unavailable':
      return [
        {
          type: 'Container',
          style: 'accent',
          items: buildTalkNoticeCard(locale, 'unavailable').body,
        },
      ];
  }
}
