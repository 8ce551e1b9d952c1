import { ApiRequestError } from '../../api/client.js';

/**
 * The server refused a check-in because the school cannot take talk requests yet (409 with the
 * problem `safeguardingNotReady`): the form says why and what to do instead of an error.
 */
export const isNotReady = (error: unknown): boolean =>
  error instanceof ApiRequestError &&
  error.status === 409 &&
  error.problems.includes('safeguardingNotReady');
