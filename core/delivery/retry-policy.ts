/**
 * What to do after one attempt to post to Teams (decision 006).
 *
 * - Transient (408, 412, 429, every 5xx, network errors): retry, with exponential backoff and full
 *   jitter, or after the server's Retry-After when it sends one (429, 503). Attempts are bounded.
 * - Removed (403 MessageWritesBlocked, any 404): the bot is gone from that conversation; never
 *   retried.
 * - Anything else (other 4xx): failed, with the status and code kept as the reason.
 *
 * Pure: `now` is passed in (only used to read an HTTP-date Retry-After); `random` can be injected.
 */
import type { SendResult } from '../ports/sender.js';

/** One attempt's result, as the Sender port reports it. */
export type SendOutcome = SendResult;

export type Decision =
  | { kind: 'done' }
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'removed'; reason: string }
  | { kind: 'failed'; reason: string };

export interface RetryOptions {
  /** Attempts in all, the first included. Default 8. */
  maxAttempts?: number;
  /** Backoff ceiling for the first retry; doubles per attempt. Default 500 ms. */
  baseMs?: number;
  /** Backoff ceiling never exceeds this. Default 30 s. */
  capMs?: number;
  /**
   * Retry-After is stretched by up to this fraction, so that conversations told the same time do
   * not all come back in the same millisecond. Default 0.1; 0 when something else spreads them
   * (the delivery engine's rate limiter).
   */
  retryAfterJitter?: number;
  /** Uniform in [0, 1). Default Math.random. */
  random?: () => number;
}

export const minDelayMs = 50;
export const maxRetryAfterMs = 10 * 60_000;

/** `attempt` is the number of attempts made so far, this one included (1-based). */
export function decide(
  outcome: SendOutcome,
  attempt: number,
  opts: RetryOptions = {},
  now = 0,
): Decision {
  if (outcome.ok) return { kind: 'done' };
  const { status, code } = outcome;
  // No status and no network flag means no response was read: the same as a network error.
  const network = outcome.networkError === true || status === undefined;
  const reason = network ? 'network error' : `HTTP ${status}${code ? ` ${code}` : ''}`;

  if (!network && status === 403 && code === 'MessageWritesBlocked') {
    return { kind: 'removed', reason };
  }
  if (!network && status === 404) return { kind: 'removed', reason };
  // 500 (and any other 5xx) is retried as transient: Teams' connector returns it for passing
  // faults, and the bounded attempts stop a permanent one after a few minutes.
  const transient =
    network ||
    status === 408 ||
    status === 412 ||
    status === 429 ||
    (status !== undefined && status >= 500);
  if (!transient) return { kind: 'failed', reason };

  const maxAttempts = opts.maxAttempts ?? 8;
  if (attempt >= maxAttempts) {
    return { kind: 'failed', reason: `gave up after ${attempt} attempts: ${reason}` };
  }
  const random = opts.random ?? Math.random;

  const retryAfter =
    !network && (status === 429 || status === 503)
      ? parseRetryAfter(outcome.retryAfter, now)
      : undefined;
  if (retryAfter !== undefined) {
    // Never earlier than told; a little later, spread.
    const jitter = opts.retryAfterJitter ?? 0.1;
    const delayMs = Math.ceil(retryAfter) + Math.floor(retryAfter * jitter * random());
    return { kind: 'retry', delayMs, reason };
  }

  // Full jitter (uniform in [0, ceiling]) spreads a crowd of retries best; the floor keeps a
  // retry from going out in the same breath as the failure.
  const base = opts.baseMs ?? 500;
  const cap = Math.max(minDelayMs, opts.capMs ?? 30_000);
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const delayMs = Math.min(cap, Math.max(minDelayMs, Math.round(random() * ceiling)));
  return { kind: 'retry', delayMs, reason };
}

/**
 * Retry-After in milliseconds from `now`: delay-seconds ("2", leniently "1.5") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"), clamped to [0, 10 minutes]. Undefined when absent or
 * unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1_000;
  else {
    // Only something that looks like a date: Date.parse also accepts bare numbers such as "-1".
    if (!/[a-z]/i.test(text)) return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(maxRetryAfterMs, Math.max(0, ms));
}
