/**
 * Keeps the tenant's sender lease (decision 007) on a timer of its own: renewed every quarter of
 * its life, whatever the engine is doing (issue 21: renewed only at the top of the engine loop,
 * which awaited a long outbox scan, the lease ran low in the middle of a 1,000-class post and
 * nothing was sent for 15–20 s). While this instance is not the sender, or a renewal failed, it
 * tries again every `retryMs`, so a dead sender is replaced within about that of its lease's end.
 */
import { errorName, type Logger } from '../../core/ports/logger.js';
import type { LeaseStore } from '../../core/stores/lease-store.js';
import type { StoreFence } from './store-fence.js';

export interface LeaseKeeperOptions {
  leases: LeaseStore;
  tenantId: string;
  name: string;
  owner: string;
  ttlMs: number;
  now: () => number;
  log: Logger;
  fence: StoreFence;
  retryMs?: number;
  /** This instance has just become the sender (first time, after another, or after its own lapsed). */
  onTerm(at: number): void;
  /** This instance is not the sender (any more). */
  onLost(): void;
}

export class LeaseKeeper {
  /** Until when this instance surely holds the lease (counted from when the renewal was sent). */
  #until = 0;
  #stopped = true;
  #timer?: ReturnType<typeof setTimeout>;
  #renewing?: Promise<void>;

  constructor(private readonly o: LeaseKeeperOptions) {}

  get until(): number {
    return this.#until;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#renewing;
    if (this.#until > this.o.now())
      await this.o.leases
        .release(this.o.tenantId, this.o.name, this.o.owner)
        .catch(() => undefined);
    this.#until = 0;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#renewing = this.#renew().finally(() => (this.#renewing = undefined));
    }, ms);
  }

  async #renew(): Promise<void> {
    const o = this.o;
    const started = o.now();
    let next = o.retryMs ?? 500;
    try {
      const held = await o.fence.track(
        o.leases.acquire(o.tenantId, o.name, o.owner, started, o.ttlMs),
      );
      if (this.#stopped) return;
      if (held) {
        const fresh = this.#until <= started;
        this.#until = started + o.ttlMs;
        if (fresh) {
          o.log.info('delivery.lease.acquired');
          o.onTerm(started);
        }
        next = o.ttlMs / 4;
      } else if (this.#until > 0) {
        this.#until = 0;
        o.onLost();
      }
    } catch (e) {
      // Storage trouble: the lease runs out by itself if this goes on; try again soon.
      o.log.error('delivery.lease.error', { error: errorName(e) });
    }
    this.#schedule(next);
  }
}
