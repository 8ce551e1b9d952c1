/**
 * Dates for tests that run the real server: they never read the machine's date. Each suite starts
 * the server's dev clock at a fixed school day and builds its data from that same clock.
 */
import type { Clock } from '../../core/ports/directory.js';
import { callApi, demoPerson, devToken } from './api-client.js';

/**
 * The school day browser suites start on: Tuesday 24 November 2026, 10:00 in London, in the
 * autumn term of the demo calendar, with four school weeks left before Christmas.
 */
export const schoolDay = new Date('2026-11-24T10:00:00Z');

/**
 * A clock that runs forward from `at`, as the server's dev clock does: elapsed time is measured on
 * the monotonic clock (`performance.now()`), never read from the machine's date.
 */
export function runningFrom(at: Date): Clock {
  const mark = performance.now();
  return { now: () => new Date(at.getTime() + (performance.now() - mark)) };
}

/** A clock that follows a local server's dev clock (read once from `GET /api/dev/clock`). */
export async function serverClock(baseUrl: string, personaId: string): Promise<Clock> {
  const token = await devToken(baseUrl, personaId);
  const res = await callApi(baseUrl, 'GET', '/api/dev/clock', token);
  if (res.status !== 200) throw new Error(`dev clock: ${res.status} (is DEV_CLOCK_START set?)`);
  return runningFrom(new Date(res.body.now as string));
}

/**
 * Moves a local server's dev clock forward to `to` (`POST /api/dev/clock`), as the demo school's
 * admin: only the admin may move it, even locally. Returns the API's answer for the test to check.
 */
export async function moveServerClock(
  baseUrl: string,
  to: Date,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the shape
): Promise<{ status: number; body: any }> {
  const token = await devToken(baseUrl, demoPerson('admin').id);
  return callApi(baseUrl, 'POST', '/api/dev/clock', token, { now: to.toISOString() });
}
