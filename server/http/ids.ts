/**
 * Every kind of id the tab API takes, one zod schema each (decision 022). Routes check path,
 * query and body ids against these before anything reaches a storage key, Graph or a domain
 * service, so a malformed id is a 400 (or an honest 404), never a 500 from storage.
 *
 * Storage keys allow 1–400 characters a part (core/ports/table-store.ts) and stores prefix some
 * ids (`team|<id>`, `<scheduleId>@<date>`, `talk:<id>:seen`), so no free-text id here may be
 * longer than 200. Azure Tables forbids `/ \ # ?` and control characters in keys, and its SDK
 * throws on lone surrogates (they cannot be URL-encoded): none of those is in any id Teams or
 * Belong makes, so they are refused here rather than encoded.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { BelongError } from '../../core/errors.js';
import { guidPattern, isKeySafe, maxIdLength } from '../../core/id-text.js';

export { isKeySafe, isPlainText, maxIdLength } from '../../core/id-text.js';

/** Free text that can be (part of) a storage key: 1 to `max` safe characters. */
const keyText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(isKeySafe, 'no control characters, lone surrogates, / \\ # or ?');

const guid = z.string().regex(guidPattern);

export const ids = {
  /** A Teams team (class) id, `19:…@thread.tacv2`; Teams makes them, so any safe text. */
  teamId: keyText(maxIdLength),
  /** A Teams channel id, same form as a team id. */
  channelId: keyText(maxIdLength),
  /** A person: their Entra object id (a GUID), as in tokens, rosters and the rota. */
  userId: guid,
  /** A schedule: a UUID Belong made, or an older free-text id. */
  scheduleId: keyText(100),
  /** A post (occurrence): `<scheduleId>@<date>`, `talk:<id>:<level>`, `buddy:<date>:…`. */
  occurrenceId: keyText(maxIdLength),
  /** A prompt from the content library (checked against it after this). */
  promptId: keyText(100),
  /** A talk request, made by newTalkId: digits, a dash, a random part. */
  talkRequestId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  /** A rota swap or cover request: a UUID. */
  rotaRequestId: guid,
  /** A rota slot, `lunch-bench-1` or `slot-1a2b3c4d`. */
  slotId: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/),
  /** A demo persona (local mode only): its Entra-style id. */
  personaId: keyText(100),
  /** A school-local calendar date, `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
} as const;
export type IdKind = keyof typeof ids;

/** What each kind is called in a message, for people reading a 400. */
const names: Record<IdKind, string> = {
  teamId: 'class team id',
  channelId: 'channel id',
  userId: 'person id (an Entra object id)',
  scheduleId: 'schedule id',
  occurrenceId: 'post id',
  promptId: 'prompt id',
  talkRequestId: 'request id',
  rotaRequestId: 'request id',
  slotId: 'slot id',
  personaId: 'persona id',
  date: 'date (YYYY-MM-DD)',
};

export interface PathIdOptions {
  /** Answer 404 with this message instead of 400: for ids that, malformed, simply name nothing. */
  notFound?: string;
  /** Problem codes for the answer (the tab says them in the reader's language). */
  problems?: readonly string[];
}

/**
 * A path parameter checked against its kind of id: 400 `invalidInput` naming what was wrong (or
 * 404 when `notFound` is given). Call it after the role check, so the wrong person gets 403.
 */
export function pathId(
  req: Request,
  param: string,
  kind: IdKind,
  options: PathIdOptions = {},
): string {
  const value: unknown = req.params[param];
  const parsed = ids[kind].safeParse(value);
  if (parsed.success) return parsed.data;
  if (options.notFound) throw new BelongError('notFound', options.notFound, options.problems);
  throw new BelongError(
    'invalidInput',
    `That is not a valid ${names[kind]} (look at ${param})`,
    options.problems,
  );
}

/**
 * For body fields whose domain check answers with a problem code (a channel that is not in the
 * class: `channelUnknown`): an id that cannot be one is just as unknown, and the tab says so in
 * the reader's language. Returns the problem codes of the checks that fail; strings only (a value
 * of the wrong type is left for the body's schema to refuse).
 */
export function unknownIdProblems(
  checks: readonly (readonly [value: unknown, kind: IdKind, problem: string])[],
): string[] {
  const problems = checks
    .filter(([value, kind]) => typeof value === 'string' && !ids[kind].safeParse(value).success)
    .map(([, , problem]) => problem);
  return [...new Set(problems)];
}
