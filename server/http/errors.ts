import type { ErrorRequestHandler, Response } from 'express';
import type { ApiError } from '../../core/api.js';
import { BelongError, type ErrorCode } from '../../core/errors.js';
import { errorName, type Logger } from '../../core/ports/logger.js';
import { StorageKeyError } from '../../core/ports/table-store.js';

export function sendError(
  res: Response,
  status: number,
  code: ErrorCode | string,
  message: string,
  problems?: readonly string[],
): void {
  const body: ApiError = {
    error: { code, message, ...(problems ? { problems: [...problems] } : {}) },
  };
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).json(body);
}

/**
 * Turns every error into a JSON ApiError; internal errors are logged without their messages.
 * A storage key error is the request's fault (400), logged as a warning.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    const type = (err as { type?: string }).type;
    if (err instanceof BelongError)
      return sendError(res, err.status, err.code, err.message, err.problems);
    if (err instanceof StorageKeyError) {
      // An id that ids.ts should have refused reached a storage key: the request is at fault, not
      // the server, but the route that let it through wants fixing, so it is a warning.
      log.warn('http.storageKey', {
        error: errorName(err),
        scope: err.part,
        route: req.route?.path ?? 'unknown',
        method: req.method,
      });
      return sendError(
        res,
        400,
        'invalidInput',
        'An id in this request is empty, too long or not valid text. Nothing was changed.',
      );
    }
    if (type === 'entity.parse.failed')
      return sendError(res, 400, 'invalidInput', 'Request body is not valid JSON');
    if (type === 'entity.too.large')
      return sendError(res, 413, 'payloadTooLarge', 'Request body is too large');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, 415, 'unsupportedMediaType', 'Request body encoding is not supported');
    }
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, status, 'invalidInput', 'Request could not be read');
    }
    log.error('http.error', {
      error: errorName(err),
      route: req.route?.path ?? 'unknown',
      method: req.method,
    });
    sendError(res, 500, 'internal', 'Something went wrong on our side. Nothing was changed.');
  };
}
