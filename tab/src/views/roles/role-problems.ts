import { t, type Locale, type MessageKey } from '../../../../core/i18n/index.js';
import { ApiRequestError } from '../../api/client.js';

const known = ['lastAdmin', 'ambassadorWithStaffRole', 'unknownRole', 'userId'] as const;

/**
 * Why a change of roles was refused, in the reader's words (`tab.roles.problem.<code>`), or
 * undefined when it was not refused for a reason the page can name (then: the usual error).
 */
export function roleProblems(error: unknown, locale: Locale): string[] | undefined {
  if (!(error instanceof ApiRequestError) || (error.status !== 400 && error.status !== 409))
    return undefined;
  const texts = error.problems
    .filter((code): code is (typeof known)[number] => (known as readonly string[]).includes(code))
    .map((code) => t(locale, `tab.roles.problem.${code}` satisfies MessageKey));
  return texts.length ? texts : undefined;
}
