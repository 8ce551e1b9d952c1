/**
 * Tells a tenant-wide 429 from a conversation's. Teams answers both the same way (429, code
 * `Throttled`, a Retry-After) and does not say which limit it was; its docs name per-thread limits
 * and one per app per tenant. Our limiter keeps every conversation's windows, so a 429 is either
 * Teams' own passing throttle of one conversation (a few percent of requests, spread out) or the
 * tenant's limit (Teams allowing fewer requests a second than TENANT_RPS: most requests refused,
 * across conversations). So: a refusal is taken as tenant-wide when, within the last second, at
 * least `minRefusals` 429s came from at least `minConversations` conversations and were at least
 * `minShare` of the answers. At 10 % random 429s and 50 requests a second that is about a one in
 * ten thousand chance per second; a tenant limit at 40 % of ours trips it within a second.
 */
export interface TenantThrottleOptions {
  windowMs?: number;
  minRefusals?: number;
  minConversations?: number;
  minShare?: number;
}

interface Answer {
  at: number;
  refusedBy?: string;
}

export class TenantThrottle {
  readonly #answers: Answer[] = [];
  readonly #o: Required<TenantThrottleOptions>;

  constructor(options: TenantThrottleOptions = {}) {
    this.#o = {
      windowMs: 1_000,
      minRefusals: 8,
      minConversations: 3,
      minShare: 0.4,
      ...options,
    };
  }

  /** An answer from Teams that was not a 429. */
  accepted(at: number): void {
    this.#push({ at });
  }

  /** A 429 for `conversation`; true when the refusals now look tenant-wide. */
  refused(at: number, conversation: string): boolean {
    this.#push({ at, refusedBy: conversation });
    const refusals = this.#answers.filter((a) => a.refusedBy !== undefined);
    const conversations = new Set(refusals.map((a) => a.refusedBy)).size;
    const tenantWide =
      refusals.length >= this.#o.minRefusals &&
      conversations >= this.#o.minConversations &&
      refusals.length / this.#answers.length >= this.#o.minShare;
    // Each verdict on fresh evidence: the answers that led to it are not counted again.
    if (tenantWide) this.#answers.length = 0;
    return tenantWide;
  }

  #push(answer: Answer): void {
    this.#answers.push(answer);
    const cutoff = answer.at - this.#o.windowMs;
    let drop = 0;
    while (drop < this.#answers.length && this.#answers[drop]!.at <= cutoff) drop++;
    if (drop > 0) this.#answers.splice(0, drop);
  }
}
