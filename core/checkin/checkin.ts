/**
 * Check-ins: one card posted into one class channel, answered by that class's pupils until it
 * closes. Answers are kept against a keyed pseudonym and summed into an aggregate as they
 * arrive; staff only ever read aggregates, and only through suppression (decision 016).
 */
import type { Phase } from '../content/index.js';
import { BelongError } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import {
  checkinTemplate,
  type CheckinTemplate,
  type CheckinTemplateId,
  type ScalePoint,
} from './templates.js';

/** A posted check-in. Nothing here is about a pupil. */
export interface Checkin extends Record<string, unknown> {
  id: string;
  teamId: string;
  channelId: string;
  templateId: CheckinTemplateId;
  phase: Phase;
  locale: Locale;
  /** The school-local date it was posted for. */
  date: string;
  /** When answers stop being accepted (ISO instant). */
  closesAt: string;
  /** The school's time zone, to say the closing time in school-local time. */
  timeZone: string;
  /** Pupils in the class when it was posted: the denominator of the response rate. */
  classSize: number;
  createdAt: string;
}

/** One pupil's answer: a point per question answered, or a skip of the whole card. */
export interface AnswerValue {
  /** Question id → 1–5. Questions left blank are not in the map. */
  points: Record<string, ScalePoint>;
  skipped: boolean;
}

/** As stored: against a pseudonym (the row key), with no name, Teams id or object id. */
export interface StoredAnswer extends AnswerValue, Record<string, unknown> {
  answeredAt: string;
}

/** Counts for one check-in, kept in step with its answers in the same transaction. */
export interface CheckinAggregate extends Record<string, unknown> {
  /** Pupils who answered at least one question. */
  respondents: number;
  /** Pupils who chose to skip. */
  skipped: number;
  /** Question id → five counts, for points 1–5. */
  counts: Record<string, number[]>;
}

export const emptyAggregate = (template: CheckinTemplate): CheckinAggregate => ({
  respondents: 0,
  skipped: 0,
  counts: Object.fromEntries(template.questions.map((q) => [q.id, [0, 0, 0, 0, 0]])),
});

/** Adds (sign 1) or takes away (sign -1) one pupil's answer. Pure: returns a new aggregate. */
export function applyAnswer(
  aggregate: CheckinAggregate,
  answer: AnswerValue | undefined,
  sign: 1 | -1,
): CheckinAggregate {
  if (!answer) return aggregate;
  const counts = Object.fromEntries(
    Object.entries(aggregate.counts).map(([id, c]) => [id, [...c]]),
  );
  for (const [questionId, point] of Object.entries(answer.points)) {
    const row = counts[questionId];
    if (row) row[point - 1]! += sign;
  }
  const answered = !answer.skipped && Object.keys(answer.points).length > 0;
  return {
    respondents: aggregate.respondents + (answered ? sign : 0),
    skipped: aggregate.skipped + (answer.skipped ? sign : 0),
    counts,
  };
}

export const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue): boolean =>
  a !== undefined &&
  a.skipped === b.skipped &&
  Object.keys(a.points).length === Object.keys(b.points).length &&
  Object.entries(b.points).every(([id, p]) => a.points[id] === p);

export const isClosed = (checkin: Checkin, now: Date): boolean =>
  now.getTime() >= Date.parse(checkin.closesAt);

/** Input names on the card: `q.<questionId>` (bot/cards/checkin-answer.ts reads them back). */
export const answerInputId = (questionId: string): string => `q.${questionId}`;

/**
 * A pupil's answer as core takes it: a point per question id, or a skip. How it was sent (a
 * card's input names, a form) is the edge's business; the edge has checked its shape.
 */
export type Answer = AnswerValue;

/**
 * Checks an answer against the check-in's questions. A question the template does not ask, or a
 * skip with answers, is refused with invalidInput, so a malformed answer changes nothing; an
 * empty answer is refused with the `noAnswer` problem.
 */
export function checkAnswer(templateId: CheckinTemplateId, answer: Answer): AnswerValue {
  const asked = new Set(checkinTemplate(templateId).questions.map((q) => q.id));
  const answered = Object.keys(answer.points);
  if (answered.some((id) => !asked.has(id))) throw malformed('unknown question');
  if (answer.skipped && answered.length > 0) throw malformed('skip with answers');
  if (!answer.skipped && answered.length === 0) {
    throw new BelongError('invalidInput', 'no answer chosen', ['noAnswer']);
  }
  return { points: { ...answer.points }, skipped: answer.skipped };
}

const malformed = (why: string) =>
  new BelongError('invalidInput', `malformed check-in answer: ${why}`, ['malformed']);
