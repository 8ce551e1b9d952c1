import { t, type Locale } from '../../../core/i18n/index.js';
import { connectProblemText } from '../../../core/schedule/problems.js';
import { ApiRequestError } from '../api/client.js';

/**
 * What to tell a person about refused input: each of the server's problem codes in their
 * language (`connect.problem.<code>`). Undefined when the error is not about input, so the
 * caller shows the usual error instead.
 */
export function problemMessages(error: unknown, locale: Locale): string[] | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 400) return undefined;
  if (error.problems.length === 0) return [t(locale, 'tab.connect.problem.unreadable')];
  // A newer server may send a code this build has no words for: general words for that one.
  return [...new Set(error.problems.map((code) => connectProblemText(locale, code)))];
}
