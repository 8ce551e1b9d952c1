import express, { type RequestHandler } from 'express';
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
