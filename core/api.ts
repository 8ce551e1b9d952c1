/**
 * The tab API's shapes (/api/*), one file per feature under core/api/: `me` (session, personas,
 * errors), `teams`, `connect`, `checkins`, `rota`, `support`, `roles`. Shared by server/ (each
 * handler's answer `satisfies` one of these) and tab/ (type-only imports), so the two cannot
 * drift. This index re-exports the session and team shapes most callers want; import a feature's
 * shapes from its own file.
 */
export type * from './api/me.js';
export type * from './api/teams.js';
