/**
 * The HTTP surface: /api/messages for the bot, /api/* for the tab, and the built tab at /tab.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
// The bot and the API answer in every language Belong ships (the tab loads its own).
import '../../core/i18n/all-locales.js';
import type { Services } from '../services.js';
import { apiRouter } from './api.js';
import { messagesRouter } from './messages.js';
import { errorHandler, sendError } from './errors.js';

/** Where Teams may frame the tab. */
const teamsFrameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

export function createApp(services: Services): Express {
  const { config, log } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.mode === 'production');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", 'https://res.cdn.office.net'],
          // Fluent UI (Griffel) injects style rules at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: teamsFrameAncestors,
          upgradeInsecureRequests: config.mode === 'production' ? [] : null,
        },
      },
      frameguard: false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use('/api/messages', messagesRouter(services));

  app.use('/api', apiRouter(services));

  const tabDist = path.resolve(config.tabDist);
  const index = path.join(tabDist, 'index.html');
  app.get('/', (_req, res) => res.redirect('/tab/'));
  app.use(
    '/tab',
    express.static(tabDist, { index: 'index.html', maxAge: '1h', fallthrough: true }),
  );
  app.get(/^\/tab(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      return sendError(
        res,
        503,
        'unavailable',
        'The tab has not been built yet: run npm run build',
      );
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });

  app.use((req, res) => sendError(res, 404, 'notFound', `Nothing here: ${req.method} ${req.path}`));
  app.use(errorHandler(log));
  return app;
}
