import { t, type Locale } from '../../../../core/i18n/index.js';
import { rotaProblemText } from '../../../../core/rota/problems.js';
import { ApiRequestError } from '../../api/client.js';

/**
 * What to tell someone when the rota refused an action: each of the server's problem codes in
 * their language (`rota.problem.<code>`), for any refusal that carries codes (400, 403, 404,
 * 409), and a general line for input the API could not read. Undefined for anything else, so
 * the caller shows the usual error instead.
 */
export function rotaProblems(error: unknown, locale: Locale): string[] | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  // Input the API could not read at all (an empty number, say) has no codes, only a 400.
  if (error.problems.length === 0)
    return error.status === 400 ? [t(locale, 'tab.connect.problem.unreadable')] : undefined;
  // A newer server may send a code this build has no words for: general words for that one.
  return [...new Set(error.problems.map((code) => rotaProblemText(locale, code)))];
}
