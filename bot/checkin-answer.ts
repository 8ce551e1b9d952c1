/**
 * What the check-in card's answer action sends back, read once at the edge: the card
 * (bot/cards/checkin-card.ts) names its inputs `q.<questionId>` (answerInputId) with a point
 * "1"–"5" ("" for a question left blank), or sends `skip: true`. This schema turns that into the
 * `Answer` core takes, so core never sees card input names. It lives beside the handler, not in
 * bot/cards/, because the tab imports the card builders for its previews and must not bundle
 * zod (decision 033). Which questions a check-in asks is core's to check (checkAnswer).
 */
import { z } from 'zod';
import type { Answer } from '../core/checkin/checkin.js';
import type { ScalePoint } from '../core/checkin/templates.js';
import { BelongError } from '../core/errors.js';

const questionKey = /^q\.([a-z][a-z0-9-]{0,40})$/;
/** Fields every Action.Execute of the card carries besides the answer. */
const envelope = new Set(['checkinId', 'verb', 'skip']);

const point = z.union([
  z.enum(['1', '2', '3', '4', '5']).transform(Number),
  z.number().int().min(1).max(5),
]);
/** Some clients send an untouched choice set back as "": a question left blank. */
const blank = z.union([z.literal(''), z.null()]);

export const checkinAnswerData = z
  .object({
    checkinId: z.string().min(1).max(100),
    verb: z.string().max(100).optional(),
    skip: z.union([z.literal(true), z.literal('true')]).optional(),
  })
  .catchall(z.union([point, blank]))
  .superRefine((data, ctx) => {
    for (const key of Object.keys(data)) {
      if (!envelope.has(key) && !questionKey.test(key))
        ctx.addIssue({ code: 'custom', message: 'not an input of the card', path: [key] });
    }
  })
  .transform((data): { checkinId: string; answer: Answer } => {
    const points: Record<string, ScalePoint> = {};
    for (const [key, value] of Object.entries(data)) {
      const question = questionKey.exec(key)?.[1];
      if (question && typeof value === 'number') points[question] = value as ScalePoint;
    }
    return { checkinId: data.checkinId, answer: { points, skipped: data.skip !== undefined } };
  });

/** The answer in card data, or invalidInput (`malformed`) when it is not what the card sends. */
export function readCardAnswer(data: unknown): Answer {
  const parsed = checkinAnswerData.safeParse(data);
  if (!parsed.success)
    throw new BelongError('invalidInput', 'malformed check-in answer', ['malformed']);
  return parsed.data.answer;
}
