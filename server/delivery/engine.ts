/**
 * The delivery engine: drains the durable outbox to Teams.
 *
 * - One sender per tenant at a time, across all server instances: a tenant lease (ETag-guarded)
 *   names the instance that sends, so Teams' per-conversation and per-tenant limits are enforced
 *   in one place. A crashed instance's lease expires and another takes over.
 * - Each delivery is claimed (ETag-guarded) before it is sent and settled right after, so two
 *   instances never send the same delivery; a claim left by a crashed instance is taken over.
 * - Requests are spaced by the RateLimiter before Teams has to say no; 429/5xx/network errors
 *   are retried per the retry policy; 403 MessageWritesBlocked / 404 mark the target removed.
 * - Urgent (safeguarding) deliveries are read from their own short list every half second, by
 *   whichever instance is the sender, and go ahead of everything else: first for a rate slot,
 *   and not held back by the fan-outs in flight (decision 020).
 *
 * - Under load and faults (decision 030): the lease is kept on its own timer (`LeaseKeeper`), the
 *   outbox is scanned without rereading what the sender already holds (`OutboxScanner`), nothing
 *   new is sent while storage cannot record outcomes (`StoreFence`), an outcome is written until
 *   it is recorded, and a tenant-wide 429 pauses the whole tenant (`TenantThrottle`).
 *
 * Crash semantics (see docs/decisions/007-delivery-engine.md): at-least-once. If an instance dies
 * after Teams accepted a post but before the outcome was written, the post is sent again.
 */
import { randomUUID } from 'node:crypto';
import type { EngineOptions } from './engine-options.js';
import { TenantSender } from './tenant-sender.js';

export { defaultMarginMs } from './tenant-sender.js';
export type { EngineOptions } from './engine-options.js';

export class DeliveryEngine {
  readonly owner: string;
  readonly #senders: TenantSender[];
  #running = false;

  constructor(readonly options: EngineOptions) {
    this.owner = options.owner ?? `engine-${randomUUID()}`;
    this.#senders = options.tenants.map((t) => new TenantSender(t, this.owner, options));
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    for (const s of this.#senders) s.start();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#senders.map((s) => s.stop()));
  }

  /**
   * Wakes the senders now (e.g. right after a fan-out was enqueued) instead of at the next poll;
   * an urgent delivery enqueued in this process is then read at once.
   */
  poke(): void {
    for (const s of this.#senders) s.poke();
  }
}
