import express, { type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { BelongError } from '../../core/errors.js';

/**
 * JSON bodies only, within a size limit. Anything else is refused before a handler runs: a body
 * that isn't JSON gets 415, malformed JSON 400, too large 413 (see errors.ts).
 */
export function jsonBody(limit: string): RequestHandler[] {
  return [
    (req, _res, next) => {
      const hasBody =
        Number(req.headers['content-length'] ?? 0) > 0 ||
        req.headers['transfer-encoding'] !== undefined;
      if (!hasBody)
        return next(new BelongError('invalidInput', 'Request body is empty; send JSON'));
      if (!req.is('application/json')) {
        return next(new BelongError('unsupportedMediaType', 'Send the body as application/json'));
      }
      next();
    },
    express.json({ limit, strict: true }),
    (req, _res, next) => {
      if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
        return next(new BelongError('invalidInput', 'Request body must be a JSON object'));
      }
      next();
    },
  ];
}

/** Checks a parsed body or query against its schema; 400 naming the first field that is wrong. */
export function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new BelongError('invalidInput', `That is not a valid ${what} (look at ${where})`);
  }
  return parsed.data;
}

/** Wraps async handlers so rejections reach the error handler. */
export const handle =
  (fn: (req: Request, res: Response) => Promise<void> | void) =>
  (req: Request, res: Response, next: (e?: unknown) => void) => {
    Promise.resolve(fn(req, res)).catch(next);
  };
