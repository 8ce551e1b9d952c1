/**
 * The pupil's talk panel, as pure functions: whether to say anything about asking an adult
 * through Belong (only when the school can take requests, or the pupil already asked), when
 * adults will see a request made out of school hours, and what to say when sending fails.
 */
import type { MyTalkResponse } from '../../../../core/api/support.js';
import type { Locale, MessageKey } from '../../../../core/i18n/index.js';
import { ApiRequestError } from '../../api/client.js';
import { formatInstant } from '../../i18n/dates.js';
import { errorMessageKey } from '../../api/error-message.js';

/** Nothing about asking through Belong unless it works, or there is a request to tell about. */
export const showsTalk = (view: Pick<MyTalkResponse, 'offered' | 'state'>) =>
  view.offered || view.state !== 'none';

/** "Wednesday 25 November at 08:30", in the school's time zone. */
export function whenText(locale: Locale, until: { at: string; timeZone: string }): string {
  return formatInstant(locale, new Date(until.at), until.timeZone, {
    weekday: 'long',
    month: 'long',
    time: true,
  });
}

/** A school that cannot take requests now says so plainly: find an adult. */
export function sendErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError && error.status === 409) return 'talk.unavailable.body';
  return errorMessageKey(error);
}
