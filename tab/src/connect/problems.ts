import { t, type Locale, type MessageKey } from '../../../core/i18n/index.js';
import { ApiRequestError } from '../api/client.js';

/**
 * What to tell a person about refused input: each of the server's problem codes in their
 * language (`connect.problem.<code>`). Undefined when the error is not about input, so the
 * caller shows the usual error instead.
 */
export function problemMessages(error: unknown, locale: Locale): string[] | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 400) return undefined;
  if (error.problems.length === 0) return [t(locale, 'tab.connect.problem.unreadable')];
  return [...new Set(error.problems.map((code) => problemText(code, locale)))];
}

function problemText(code: string, locale: Locale): string {
  // A newer server may send a code this build has no words for; `t` cannot look that up.
  try {
    return t(locale, `connect.problem.${code}` as MessageKey);
  } catch {
    return t(locale, 'tab.connect.problem.unknown');
  }
}
