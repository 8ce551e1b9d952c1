import { BelongError } from '../errors.js';
import { t, type MessageKey } from '../i18n/index.js';

/**
 * Invalid input with a code per problem. Each code has a `connect.problem.<code>` string, so a
 * card or the tab can say it in the reader's language; the message says it in English.
 */
export function inputProblems(codes: readonly string[]): BelongError {
  const unique = [...new Set(codes)];
  return new BelongError(
    'invalidInput',
    unique.map((c) => t('en-GB', `connect.problem.${c}` as MessageKey)).join(' '),
    unique,
  );
}
