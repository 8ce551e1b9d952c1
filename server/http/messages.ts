/**
 * POST /api/messages: where Teams (through the Bot Framework) sends the bot its activities.
 *
 * Authentication comes first (decision 023): the Bot Framework token is checked before the body
 * is read, so nobody without one learns anything — not whether the body was well formed, nor
 * whether a tenant is served. Every refusal before the token is accepted is the same 401. Then
 * the activity's shape (400), the token again with the activity's service URL (401), the tenant
 * allow-list (403), and only then the turn. Botbuilder's `process` is not used: it answers some
 * forged tokens with 500 and its own error message, and writes the stack to stderr.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Activity } from 'botbuilder';
import { checkActivity } from '../../bot/activity-check.js';
import { knownActivityType } from '../../bot/log-values.js';
import { errorName } from '../../core/ports/logger.js';
import type { BelongAdapter } from '../../bot/adapter.js';
import type { BelongBot } from '../../bot/belong-bot.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Config } from '../config.js';
import { jsonBody } from './body.js';
import { sendError } from './errors.js';

const authHeaderOf = (req: Request): string => {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
};

/** The one answer to every request without a valid token: it says nothing about why. */
const refuseUnauthenticated = (res: Response) =>
  sendError(res, 401, 'unauthenticated', 'Not authorized');

export interface MessagesDeps {
  config: Pick<Config, 'mode' | 'bodyLimit' | 'auth'>;
  log: Logger;
  adapter: BelongAdapter;
  bot: Pick<BelongBot, 'run'>;
}

export function messagesRouter(services: MessagesDeps): Router {
  const { config, log, adapter } = services;
  const router = Router();

  const tokenFirst: RequestHandler = (req, res, next) => {
    adapter
      .tokenIsValid(authHeaderOf(req))
      .then((valid) => (valid ? next() : refuseUnauthenticated(res)), next);
  };

  const activity: RequestHandler = (req, res, next) => {
    void (async () => {
      const check = checkActivity(req.body);
      if (!check.ok) return sendError(res, 400, 'invalidInput', check.message);
      const body = req.body as Activity;
      const auth = await adapter.authenticate(body, authHeaderOf(req));
      if (!auth) return refuseUnauthenticated(res);
      if (config.mode === 'production' && !config.auth.allowedTenants.includes(check.tenantId)) {
        // Another organisation installed the bot: nothing of theirs is stored.
        log.warn('bot.tenantRefused', { activityType: knownActivityType(body.type) });
        return sendError(res, 403, 'forbidden', 'Forbidden');
      }
      try {
        const response = await adapter.run(auth, body, (context) => services.bot.run(context));
        res.status(response?.status ?? 200);
        if (response?.body !== undefined) res.json(response.body);
        else res.end();
      } catch (e) {
        log.error('bot.process.failed', {
          error: errorName(e),
          activityType: knownActivityType(body.type),
        });
        sendError(res, 500, 'internal', 'Something went wrong on our side.');
      }
    })().catch(next);
  };

  router.post('/', tokenFirst, ...jsonBody(config.bodyLimit), activity);
  router.all('/', (_req, res) =>
    sendError(res, 405, 'methodNotAllowed', 'Bots POST activities here'),
  );
  return router;
}
