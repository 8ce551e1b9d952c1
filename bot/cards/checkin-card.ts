/**
 * The check-in card in its every state: the form a pupil answers (faces for mood, a five-point
 * choice for each statement), the pupil's own answer, "this is for pupils" for everyone else,
 * closed and unknown. While open it carries `refresh`, so Teams shows each pupil their own view
 * (automatically for up to 60 named users; others tap Teams' refresh).
 */
import type { AnswerValue, Checkin } from '../../core/checkin/checkin.js';
import { answerInputId } from '../../core/checkin/checkin.js';
import type { CheckinView } from '../../core/checkin/checkin-service.js';
import {
  checkinTemplate,
  faceEmoji,
  questionText,
  scalePoints,
  type CheckinQuestion,
  type ScalePoint,
} from '../../core/checkin/templates.js';
import type { Phase } from '../../core/content/content.js';
import type { DeliveryContent } from '../../core/delivery/delivery.js';
import { t, type Locale } from '../../core/i18n/index.js';
import {
  card,
  cardContent,
  execute,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
  type ChoiceSetInput,
} from './adaptive-card.js';
import { formatWhen } from './format.js';
import { talkSection, type TalkPanel } from './talk-cards.js';

export const checkinVerbs = {
  /** A pupil's answer (a face, the form's Send, or Skip). */
  answer: 'checkin.answer',
  /** Refresh: this person's view of the card. */
  view: 'checkin.view',
  /** "Change it": the form again with the current answer filled in. */
  change: 'checkin.change',
  /** A teacher's "Post now" on the `checkin` form. */
  post: 'checkin.post',
} as const;
export type CheckinVerb = (typeof checkinVerbs)[keyof typeof checkinVerbs];

const faceLabel = (locale: Locale, point: ScalePoint) =>
  `${faceEmoji[point]} ${t(locale, `checkin.face.${point}`)}`;

const scaleLabel = (locale: Locale, phase: Phase, point: ScalePoint) =>
  t(locale, `checkin.scale.${phase}.${point}`);

/**
 * The card for one person's view (or, with `refreshUserIds` of the class, the posted card).
 * `talk`: what the pupil's own view shows of asking a trusted adult (absent: nothing, as when the
 * school cannot take requests yet).
 */
export function buildCheckinCard(
  view: CheckinView,
  locale: Locale,
  refreshUserIds: readonly string[],
  talk?: TalkPanel,
): AdaptiveCard {
  switch (view.kind) {
    case 'unknown':
      return card(locale, [
        heading(t(locale, 'checkin.card.unknown.title')),
        paragraph(t(locale, 'checkin.card.unknown.body')),
      ]);
    case 'closed':
      return closedCard(view.checkin);
    case 'notPupil':
      return open(view.checkin, refreshUserIds, [
        heading(t(view.checkin.locale, 'checkin.card.forPupils.title')),
        paragraph(t(view.checkin.locale, 'checkin.card.forPupils.body')),
      ]);
    case 'form':
      return formCard(view.checkin, refreshUserIds, view.answer, view.problem, talk);
    case 'answered':
      return answeredCard(view.checkin, refreshUserIds, view.answer, view.first, talk);
  }
}

/** The card for everyone after closing: no buttons, no refresh. */
export function closedCard(checkin: Checkin): AdaptiveCard {
  const locale = checkin.locale;
  return card(locale, [
    paragraph(t(locale, `checkin.template.${checkin.templateId}`), {
      isSubtle: true,
      size: 'Small',
    }),
    heading(t(locale, 'checkin.card.closed.title')),
    paragraph(t(locale, 'checkin.card.closed.body')),
  ]);
}

export const checkinPostContent = (checkin: Checkin, refreshUserIds: string[]): DeliveryContent =>
  cardContent(formCard(checkin, refreshUserIds, undefined, undefined, undefined));

export const checkinClosedContent = (checkin: Checkin): DeliveryContent =>
  cardContent(closedCard(checkin));

/** An open check-in's card: the template name on top, the closing time below, and refresh. */
function open(
  checkin: Checkin,
  refreshUserIds: readonly string[],
  body: CardElement[],
): AdaptiveCard {
  const locale = checkin.locale;
  return card(
    locale,
    [
      paragraph(t(locale, `checkin.template.${checkin.templateId}`), {
        isSubtle: true,
        size: 'Small',
        weight: 'Bolder',
      }),
      ...body,
      paragraph(
        t(locale, 'checkin.card.openUntil', {
          when: formatWhen(locale, checkin.closesAt, checkin.timeZone),
        }),
        { isSubtle: true, size: 'Small', spacing: 'Medium' },
      ),
    ],
    {
      refresh: {
        action: execute(t(locale, `checkin.template.${checkin.templateId}`), checkinVerbs.view, {
          checkinId: checkin.id,
        }),
        ...(refreshUserIds.length ? { userIds: [...refreshUserIds] } : {}),
      },
    },
  );
}

function formCard(
  checkin: Checkin,
  refreshUserIds: readonly string[],
  current: AnswerValue | undefined,
  problem: 'noAnswer' | undefined,
  talk: TalkPanel | undefined,
): AdaptiveCard {
  const locale = checkin.locale;
  const template = checkinTemplate(checkin.templateId);
  const data = { checkinId: checkin.id };
  const body: CardElement[] = [];
  const skip = execute(
    t(locale, 'checkin.card.skip'),
    checkinVerbs.answer,
    { ...data, skip: true },
    {
      associatedInputs: 'none',
    },
  );
  if (problem) body.push(paragraph(t(locale, 'checkin.card.noAnswer'), { weight: 'Bolder' }));
  const [first] = template.questions;
  if (template.questions.length === 1 && first!.scale === 'faces') {
    // One question: each face is a button with its own text label; nothing is pre-selected.
    body.push(heading(questionText(first!, checkin.phase, locale)));
    body.push(paragraph(t(locale, 'checkin.card.tapOne')));
    body.push({
      type: 'ActionSet',
      actions: scalePoints.map((p) =>
        execute(faceLabel(locale, p), checkinVerbs.answer, {
          ...data,
          [answerInputId(first!.id)]: String(p),
        }),
      ),
    });
    body.push({ type: 'ActionSet', actions: [skip] });
    if (talk) body.push(...talkSection(locale, talk, checkin.id));
    return open(checkin, refreshUserIds, body);
  }
  body.push(paragraph(t(locale, 'checkin.card.chooseAny')));
  for (const question of template.questions) {
    body.push(questionInput(question, checkin.phase, locale, current?.points[question.id]));
  }
  body.push({
    type: 'ActionSet',
    actions: [
      execute(t(locale, 'checkin.card.send'), checkinVerbs.answer, data, { style: 'positive' }),
      skip,
    ],
  });
  if (talk) body.push(...talkSection(locale, talk, checkin.id));
  return open(checkin, refreshUserIds, body);
}

function questionInput(
  question: CheckinQuestion,
  phase: Phase,
  locale: Locale,
  value: ScalePoint | undefined,
): ChoiceSetInput {
  const choices = scalePoints.map((p) => ({
    title: question.scale === 'faces' ? faceLabel(locale, p) : scaleLabel(locale, phase, p),
    value: String(p),
  }));
  return {
    type: 'Input.ChoiceSet',
    id: answerInputId(question.id),
    label: questionText(question, phase, locale),
    style: 'expanded',
    wrap: true,
    choices,
    ...(value ? { value: String(value) } : {}),
  };
}

function answeredCard(
  checkin: Checkin,
  refreshUserIds: readonly string[],
  answer: AnswerValue,
  first: boolean,
  talk: TalkPanel | undefined,
): AdaptiveCard {
  const locale = checkin.locale;
  const template = checkinTemplate(checkin.templateId);
  const data = { checkinId: checkin.id };
  const body: CardElement[] = [];
  if (answer.skipped) {
    body.push(heading(t(locale, 'checkin.card.youSkipped')));
  } else {
    const [only] = template.questions;
    const point = only ? answer.points[only.id] : undefined;
    if (template.questions.length === 1 && only!.scale === 'faces' && point) {
      body.push(
        heading(
          t(locale, 'checkin.card.youChose', {
            face: faceEmoji[point],
            label: t(locale, `checkin.face.${point}`),
          }),
        ),
      );
    } else {
      body.push(heading(t(locale, 'checkin.card.saved')));
      body.push({
        type: 'FactSet',
        facts: template.questions
          .filter((q) => answer.points[q.id])
          .map((q) => ({
            title: questionText(q, checkin.phase, locale),
            value:
              q.scale === 'faces'
                ? faceLabel(locale, answer.points[q.id]!)
                : scaleLabel(locale, checkin.phase, answer.points[q.id]!),
          })),
      });
    }
  }
  if (first) body.push(paragraph(t(locale, 'checkin.card.privacy'), { weight: 'Bolder' }));
  body.push({
    type: 'ActionSet',
    actions: [
      execute(
        t(locale, answer.skipped ? 'checkin.card.answerAfterAll' : 'checkin.card.change'),
        checkinVerbs.change,
        data,
      ),
    ],
  });
  if (talk) body.push(...talkSection(locale, talk, checkin.id));
  return open(checkin, refreshUserIds, body);
}
