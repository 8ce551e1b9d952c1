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
  scalePoints,
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

/** Input names on the card: `q.<questionId>`. */
export const answerInputId = (questionId: string): string => `q.${questionId}`;

const isPoint = (value: unknown): boolean =>
  (typeof value === 'string' || typeof value === 'number') &&
  /^[1-5]$/.test(String(value)) &&
  (scalePoints as readonly number[]).includes(Number(value));

/**
 * Reads an answer from card data (`q.<id>` → "1"–"5", or `skip: true`). Anything else — an
 * unknown question, a point outside 1–5, a skip with answers — is refused with invalidInput,
 * so a malformed card changes nothing. An empty answer is refused with the `noAnswer` problem.
 */
export function parseAnswer(
  templateId: CheckinTemplateId,
  data: Record<string, unknown>,
): AnswerValue {
  const template = checkinTemplate(templateId);
  const known = new Map(template.questions.map((q) => [answerInputId(q.id), q.id]));
  const points: Record<string, ScalePoint> = {};
  let skipped = false;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'checkinId' || key === 'verb') continue;
    if (key === 'skip') {
      if (value !== true && value !== 'true') throw malformed('skip must be true');
      skipped = true;
      continue;
    }
    const questionId = known.get(key);
    if (!questionId) throw malformed('unknown question');
    // An untouched choice set comes back as "" in some clients: a question left blank.
    if (value === '' || value === undefined || value === null) continue;
    if (!isPoint(value)) throw malformed('answer is not 1 to 5');
    points[questionId] = Number(value) as ScalePoint;
  }
  if (skipped && Object.keys(points).length > 0) throw malformed('skip with answers');
  if (!skipped && Object.keys(points).length === 0) {
    throw new BelongError('invalidInput', 'no answer chosen', ['noAnswer']);
  }
  return { points, skipped };
}

const malformed = (why: string) =>
  new BelongError('invalidInput', `malformed check-in answer: ${why}`, ['malformed']);
