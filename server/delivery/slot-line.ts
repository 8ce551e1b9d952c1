/**
 * The line of claimed deliveries waiting for a rate slot (decisions 006, 007, 020): urgent
 * (safeguarding) deliveries first, then retries, then first attempts, each in the order claimed.
 * One timer hands out the slots as the limiter allows them.
 */
import type { Delivery } from '../../core/delivery/delivery.js';
import type { RateLimiter } from '../../core/delivery/rate-limiter.js';

/** Who goes first, for a rate slot and out of the queue. */
export const rank = { urgent: 0, retry: 1, first: 2 } as const;
export type Rank = (typeof rank)[keyof typeof rank];

export function rankOf(d: Delivery): Rank {
  return d.urgent === true ? rank.urgent : d.attempts > 0 ? rank.retry : rank.first;
}

interface Waiter {
  key: string;
  rank: Rank;
  notBefore: number;
  /** The booked time, or undefined when the line is closed. */
  grant(at: number | undefined): void;
}

export class SlotLine {
  readonly #waiters: Waiter[] = [];
  #timer?: ReturnType<typeof setTimeout>;
  #closed = false;

  constructor(
    private readonly limiter: () => RateLimiter,
    private readonly now: () => number,
    /** False while nothing may be sent (storage can't record outcomes): slots wait. */
    private readonly mayGrant: () => boolean,
  ) {}

  /**
   * Waits for a rate slot for a request to `key`, not before `notBefore`; resolves with the time
   * booked (now), or undefined if the line is closed first.
   */
  wait(key: string, order: Rank, notBefore: number): Promise<number | undefined> {
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((grant) => {
      const waiter: Waiter = { key, rank: order, notBefore, grant };
      // Urgent ones ahead of everything: a pupil asking for an adult doesn't wait behind a
      // fan-out. Retries ahead of first attempts: a post refused early in a big fan-out goes again
      // a second later, rather than after all the others.
      const behind = this.#waiters.findIndex((w) => w.rank > order);
      this.#waiters.splice(behind < 0 ? this.#waiters.length : behind, 0, waiter);
      this.grant();
    });
  }

  /** Gives back a slot that did not become a message; a waiting delivery may have it now. */
  release(key: string, at: number): void {
    this.limiter().release(key, at);
    this.grant();
  }

  /** Hands every waiter back (stopping). */
  close(): void {
    this.#closed = true;
    this.grant();
  }

  /**
   * Gives the free rate slots to waiting deliveries in order, and sets a timer for the next one.
   * A slot is booked at the moment it is given, so the request leaves then: a booking made ahead
   * and slept on can fire late (a busy event loop) and bunch up with the next ones at Teams' end.
   */
  grant(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const waiters = this.#waiters;
    if (this.#closed) {
      for (const w of waiters.splice(0)) w.grant(undefined);
      return;
    }
    if (waiters.length === 0) return;
    if (!this.mayGrant()) {
      this.#timer = setTimeout(() => this.grant(), 100);
      return;
    }
    const limiter = this.limiter();
    const now = this.now();
    let next = Infinity;
    for (let i = 0; i < waiters.length;) {
      const w = waiters[i]!;
      if (w.notBefore > now) {
        next = Math.min(next, w.notBefore);
        i++;
        continue;
      }
      const at = limiter.reserve(w.key, now);
      if (at <= now + 1) {
        waiters.splice(i, 1);
        w.grant(at);
        continue;
      }
      // Not yet (its conversation's windows, or the tenant's): others may go meanwhile.
      limiter.release(w.key, at);
      next = Math.min(next, at);
      i++;
    }
    if (next < Infinity) this.#timer = setTimeout(() => this.grant(), Math.max(0, next - now));
  }
}
