import type { MessageKey } from '../../../core/i18n/index.js';
import { ssoMessageKeys, ssoProblemOf } from '../auth/teams-sso.js';
import { ApiRequestError } from './client.js';

/** What to tell a person about a failure; never the server's own (English, technical) message. */
export function errorMessageKey(error: unknown): MessageKey {
  const sso = ssoProblemOf(error);
  if (sso) return ssoMessageKeys[sso];
  if (error instanceof ApiRequestError) {
    if (error.status === 0) return 'tab.error.network';
    if (error.status === 403) return 'tab.error.forbidden';
  }
  return 'tab.error.server';
}
