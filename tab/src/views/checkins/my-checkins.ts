/**
 * A pupil's own check-ins (GET /api/me/checkins) in their words: each question as the card asked
 * it, and their answer with the label the card showed (a face and its word, or the scale's word).
 */
import {
  checkinTemplate,
  faceEmoji,
  questionText,
  type ScalePoint,
} from '../../../../core/checkin/templates.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { formatDate } from '../../connect/dates.js';
import type { MyCheckin } from '../../../../core/api/checkins.js';

export interface MyAnswerLine {
  questionId: string;
  question: string;
  /** The answer's words, or "You did not answer this one". */
  answer: string;
  answered: boolean;
}

export interface MyCheckinView {
  checkinId: string;
  title: string;
  /** "Tuesday 24 November 2026, Class 7B". */
  when: string;
  open: boolean;
  skipped: boolean;
  answers: MyAnswerLine[];
}

export function answerLabel(
  locale: Locale,
  scale: 'faces' | 'statement',
  phase: MyCheckin['phase'],
  point: ScalePoint,
): string {
  return scale === 'faces'
    ? `${faceEmoji[point]} ${t(locale, `checkin.face.${point}`)}`
    : t(locale, `checkin.scale.${phase}.${point}`);
}

export function myCheckinView(checkin: MyCheckin, locale: Locale): MyCheckinView {
  const { questions } = checkinTemplate(checkin.templateId);
  const skipped = checkin.answer.skipped;
  return {
    checkinId: checkin.checkinId,
    title: t(locale, `checkin.template.${checkin.templateId}`),
    when: t(locale, 'tab.checkins.mine.when', {
      date: formatDate(locale, checkin.date),
      team: checkin.teamName,
    }),
    open: checkin.open,
    skipped,
    answers: skipped
      ? []
      : questions.map((q) => {
          const point = checkin.answer.points[q.id];
          return {
            questionId: q.id,
            question: questionText(q, checkin.phase, locale),
            answer: point
              ? answerLabel(locale, q.scale, checkin.phase, point)
              : t(locale, 'tab.checkins.mine.blank'),
            answered: point !== undefined,
          };
        }),
  };
}

/** Newest first (the server sorts too; the view doesn't rely on it). */
export function myCheckinsView(checkins: readonly MyCheckin[], locale: Locale): MyCheckinView[] {
  return [...checkins]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((c) => myCheckinView(c, locale));
}
