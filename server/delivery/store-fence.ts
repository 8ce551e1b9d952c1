/**
 * Whether the outbox can record outcomes right now: the delivery engine sends nothing new while
 * it cannot (issue 21). A post Teams accepted whose outcome cannot be written is sent again once
 * its claim runs out, so during a storage outage every send is a duplicate in the making.
 *
 * Every store call the engine makes goes through `track`. The fence closes when a call fails for
 * a reason other than a lost race, or when one has been waiting longer than `stallMs` (the
 * storage SDK retries a refused connection by itself for several seconds before it gives up,
 * and the engine must not keep sending meanwhile). It opens again on the next call that
 * succeeds after the failure; the lease keeper's renewals keep trying every half second.
 */
import { BelongError } from '../../core/errors.js';

export class StoreFence {
  readonly #pending = new Map<number, number>();
  #nextId = 0;
  #failedAt = -Infinity;
  #succeededAt = 0;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly now: () => number,
    private readonly stallMs = 2_000,
  ) {}

  /** Runs a store call, noting whether storage answered. */
  async track<T>(call: Promise<T>): Promise<T> {
    const id = this.#nextId++;
    this.#pending.set(id, this.now());
    try {
      const value = await call;
      this.#answered(id);
      return value;
    } catch (e) {
      // A BelongError is storage answering (a lost race, a conflict, a missing row): it works.
      if (e instanceof BelongError) this.#answered(id);
      else {
        this.#pending.delete(id);
        this.#failedAt = this.now();
      }
      throw e;
    }
  }

  #answered(id: number): void {
    const started = this.#pending.get(id) ?? 0;
    this.#pending.delete(id);
    const wasOpen = this.open();
    // A call that began before the last failure says nothing about storage since.
    if (started >= this.#failedAt) this.#succeededAt = Math.max(this.#succeededAt, this.now());
    if (!wasOpen && this.open()) for (const l of this.#listeners) l();
  }

  /** Whether sending may go on: no failure since the last success, and no call stuck. */
  open(): boolean {
    if (this.#failedAt >= this.#succeededAt) return false;
    const now = this.now();
    for (const started of this.#pending.values()) if (now - started > this.stallMs) return false;
    return true;
  }

  /** Called whenever the fence opens again after being closed by a failure. */
  onOpen(listener: () => void): void {
    this.#listeners.add(listener);
  }
}
