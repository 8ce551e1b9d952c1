/**
 * The card the DSL and deputies get when a pupil asks to talk: who, which class, when, how soon,
 * and where it stands; Acknowledge, Add note, Refer on and Resolve while it is open. It refreshes
 * for every recipient, so each sees who acknowledged. Notes are shown as plain text.
 */
import { referralTargets } from '../../core/support/talk.js';
import type { StaffTalkView } from '../../core/support/talk-service.js';
import { t, type Locale } from '../../core/i18n/index.js';
import {
  card,
  execute,
  heading,
  paragraph,
  plainText,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { formatWhen } from './format.js';
import { talkInputs, talkVerbs } from './talk-verbs.js';
import { markdownText } from './plain-text.js';

export type StaffProblem = 'noteLength' | 'referral' | 'closed';

const problemKeys = {
  noteLength: 'talk.staff.noteProblem',
  referral: 'talk.staff.referProblem',
  closed: 'talk.staff.closed',
} as const;

export function buildTalkStaffCard(
  view: StaffTalkView,
  locale: Locale,
  problem?: StaffProblem,
): AdaptiveCard {
  const { request, timeZone } = view;
  const when = (at: string) => formatWhen(locale, at, timeZone);
  const data = { requestId: request.id };
  const body: CardElement[] = [heading(t(locale, 'talk.staff.title'))];
  if (problem) body.push(paragraph(t(locale, problemKeys[problem]), { weight: 'Bolder' }));
  body.push({
    type: 'FactSet',
    facts: [
      { title: t(locale, 'talk.staff.pupil'), value: markdownText(view.pupilName, 100) },
      { title: t(locale, 'talk.staff.class'), value: namesOf(view.classNames) },
      { title: t(locale, 'talk.staff.asked'), value: when(request.createdAt) },
      {
        title: t(locale, 'talk.staff.howSoon'),
        value: request.urgency
          ? t(locale, `talk.urgency.${request.urgency}`)
          : t(locale, 'talk.staff.notSaid'),
      },
      { title: t(locale, 'talk.staff.from'), value: t(locale, `talk.source.${request.source}`) },
    ],
  });
  body.push(paragraph(statusLine(view, locale, when), { weight: 'Bolder', spacing: 'Medium' }));
  if (request.status === 'new' && request.alerts.length > 1) {
    // Each reminder comes after the school's escalation time, counted in school time.
    const count = (request.alerts.length - 1) * view.escalationMinutes;
    body.push(paragraph(t(locale, 'talk.staff.reminder', { count })));
  }
  if (view.unreachableNames.length)
    body.push(
      paragraph(t(locale, 'talk.staff.unreachable', { names: namesOf(view.unreachableNames) }), {
        isSubtle: true,
      }),
    );
  if (view.notes.length) {
    body.push(paragraph(t(locale, 'talk.staff.notes'), { weight: 'Bolder', spacing: 'Medium' }));
    for (const note of view.notes) {
      body.push(
        paragraph(
          t(locale, 'talk.staff.noteBy', {
            name: markdownText(note.byName, 100),
            when: when(note.at),
          }),
          {
            isSubtle: true,
            size: 'Small',
          },
        ),
      );
      body.push(plainText(note.text));
    }
  }
  const open = request.status === 'new' || request.status === 'acknowledged';
  if (open) {
    if (request.status === 'new')
      body.push({
        type: 'ActionSet',
        actions: [
          execute(t(locale, 'talk.staff.acknowledge'), talkVerbs.talkAcknowledge, data, {
            style: 'positive',
            associatedInputs: 'none',
          }),
        ],
      });
    body.push({
      type: 'Input.Text',
      id: talkInputs.note,
      label: t(locale, 'talk.staff.noteLabel'),
      isMultiline: true,
      maxLength: 1_000,
    });
    body.push({
      type: 'ActionSet',
      actions: [execute(t(locale, 'talk.staff.saveNote'), talkVerbs.talkNote, data)],
    });
    body.push({
      type: 'Input.ChoiceSet',
      id: talkInputs.referral,
      label: t(locale, 'talk.staff.referLabel'),
      style: 'compact',
      choices: referralTargets.map((r) => ({ title: t(locale, `talk.referral.${r}`), value: r })),
    });
    body.push({
      type: 'ActionSet',
      actions: [
        execute(t(locale, 'talk.staff.refer'), talkVerbs.talkRefer, data),
        execute(t(locale, 'talk.staff.resolve'), talkVerbs.talkResolve, data, {
          associatedInputs: 'none',
        }),
      ],
    });
  }
  body.push(paragraph(t(locale, 'talk.staff.record'), { isSubtle: true, size: 'Small' }));
  return card(locale, body, {
    refresh: {
      action: execute(t(locale, 'talk.staff.title'), talkVerbs.staffView, data),
      ...(view.recipientTeamsIds.length ? { userIds: [...view.recipientTeamsIds] } : {}),
    },
  });
}

/** People's or classes' names, each shown as text. */
const namesOf = (names: readonly string[]) => names.map((n) => markdownText(n, 100)).join(', ');

function statusLine(view: StaffTalkView, locale: Locale, when: (at: string) => string): string {
  const { request } = view;
  switch (request.status) {
    case 'new':
      return t(locale, 'talk.staff.status.new');
    case 'acknowledged':
      return t(locale, 'talk.staff.status.acknowledged', {
        name: markdownText(view.acknowledgedByName ?? '', 100),
        when: when(request.acknowledgedAt ?? request.createdAt),
      });
    case 'resolved':
      return t(locale, 'talk.staff.status.resolved', {
        name: markdownText(view.closedByName ?? '', 100),
        when: when(request.closedAt ?? request.createdAt),
      });
    case 'referred':
      return t(locale, 'talk.staff.status.referred', {
        to: request.referredTo ? t(locale, `talk.referral.${request.referredTo}`) : '',
        name: markdownText(view.closedByName ?? '', 100),
        when: when(request.closedAt ?? request.createdAt),
      });
  }
}
