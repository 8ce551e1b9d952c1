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
 * Crash semantics (see docs/decisions/007-delivery-engine.md): at-least-once. If an instance dies
 * after Teams accepted a post but before the outcome was written, the post is sent again.
 */
import { randomUUID } from 'node:crypto';
import { conversationKeyOf, type Delivery } from '../../core/delivery/delivery.js';
import { RateLimiter, teamsConversationWindows } from '../../core/delivery/rate-limiter.js';
import { decide } from '../../core/delivery/retry-policy.js';
import type { Clock } from '../../core/ports/directory.js';
import { errorName, type Logger } from '../../core/ports/logger.js';
import type { Sender } from '../../core/ports/sender.js';
import type { Stored } from '../../core/ports/table-store.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import type { LeaseStore } from '../../core/stores/lease-store.js';

export interface EngineOptions {
  deliveries: DeliveryStore;
  leases: LeaseStore;
  sender: Sender;
  clock: Clock;
  log: Logger;
  /** Tenants this deployment serves. */
  tenants: string[];
  tenantRps: number;
  owner?: string;
  pollMs?: number;
  leaseTtlMs?: number;
  claimTtlMs?: number;
  maxInFlight?: number;
  maxAttempts?: number;
  /** Added to every Teams window (decision 006). */
  marginMs?: number;
  /** A send must finish this long before the tenant lease could run out. */
  requestTimeoutMs?: number;
  /**
   * How often the sender reads the outbox's urgent list (safeguarding messages, decision 020),
   * apart from the main scan. Default 500 ms.
   */
  urgentPollMs?: number;
}

const leaseName = 'delivery-sender';
/**
 * A delivery due soon (a retry after Retry-After or backoff) is claimed this long ahead, so that
 * it leaves at its time rather than a storage write later.
 */
const claimAheadMs = 100;
/** Added to every Teams window (decision 006); DELIVERY_MARGIN_MS in production. */
export const defaultMarginMs = 20;

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

interface Queued {
  stored: Stored<Delivery>;
  notBefore: number;
}

/**
 * Who goes first, for a rate slot and out of the queue: urgent (safeguarding) deliveries, then
 * retries, then first attempts.
 */
const rank = { urgent: 0, retry: 1, first: 2 } as const;
type Rank = (typeof rank)[keyof typeof rank];

function rankOf(d: Delivery): Rank {
  return d.urgent === true ? rank.urgent : d.attempts > 0 ? rank.retry : rank.first;
}

/** A claimed delivery waiting for its rate slot (see `#grantSlots`). */
interface Waiter {
  key: string;
  rank: Rank;
  notBefore: number;
  /** The booked time, or undefined when the sender is stopping. */
  grant(at: number | undefined): void;
}

class TenantSender {
  #limiter: RateLimiter;
  readonly #queue = new Map<string, Queued>();
  readonly #inFlight = new Set<string>();
  /** The urgent ones among `#inFlight`: they have their own `maxInFlight`. */
  readonly #urgentInFlight = new Set<string>();
  readonly #tasks = new Set<Promise<void>>();
  /** Claimed deliveries waiting for a rate slot: by rank, then in the order claimed. */
  readonly #waiters: Waiter[] = [];
  #slotTimer?: ReturnType<typeof setTimeout>;
  #leaseUntil = 0;
  #stopped = true;
  #loop?: Promise<void>;
  #wake?: () => void;
  #lastScan = 0;
  #scanNow = false;
  /** The scan in progress, if any (it runs beside the loop: see `#run`). */
  #scanning?: Promise<void>;
  #urgentLoop?: Promise<void>;
  #wakeUrgent?: () => void;
  #readUrgentNow = false;
  /**
   * Whether this term as sender may send: it must first count what the tenant sent before it
   * (`#pickUpWindows`). Resolves false if that read failed (a new term then reads again).
   */
  #windowsReady: Promise<boolean> = Promise.resolve(false);
  #term = 0;
  /** Deliveries this instance claims while the outbox is being read: claimed, not yet sent. */
  #claimedInPickUp?: Set<string>;

  constructor(
    readonly tenantId: string,
    readonly owner: string,
    readonly o: EngineOptions,
  ) {
    this.#limiter = this.#newLimiter();
  }

  #newLimiter(): RateLimiter {
    // The margin absorbs what remains between a request's write and its arrival at Teams (a late
    // write is booked when it happens: see `onWritten` below). Refused requests (429/5xx) don't
    // count at Teams and give their booking back, so the window, not the gap, caps accepted
    // requests. The gap spreads a second's worth over about two thirds of the second rather than
    // bursting it: fewer posts are in flight, unrecorded, when an instance crashes (in a few
    // SIGKILL test runs, bursts left 2–4 duplicates where this spread left 0–1; decision 007).
    const o = this.o;
    const marginMs = o.marginMs ?? defaultMarginMs;
    return new RateLimiter({
      tenantRps: o.tenantRps,
      marginMs,
      // Posts to one conversation are spread too (7 a second at most, so one per ~1/7 s): seven
      // sent at once can arrive late and bunch against the eighth.
      conversationWindows: [...teamsConversationWindows, { ms: Math.ceil(1_000 / 7), max: 1 }],
      tenantGapMs: (1_000 + marginMs) / (o.tenantRps * 1.5),
    });
  }

  get #leaseTtl() {
    return this.o.leaseTtlMs ?? 10_000;
  }
  get #requestTimeout() {
    return this.o.requestTimeoutMs ?? 5_000;
  }

  start(): void {
    this.#stopped = false;
    this.#loop = this.#run();
    this.#urgentLoop = this.#runUrgent();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.poke();
    // A delivery waiting for a slot (up to 30 s for a busy conversation) is handed back now.
    this.#grantSlots();
    await this.#loop;
    await this.#scanning;
    await this.#urgentLoop;
    await Promise.allSettled([...this.#tasks]);
    if (this.#leaseUntil > this.#now())
      await this.o.leases.release(this.tenantId, leaseName, this.owner).catch(() => undefined);
  }

  poke(): void {
    this.#scanNow = true;
    this.#readUrgentNow = true;
    this.#wake?.();
    this.#wakeUrgent?.();
  }

  /**
   * Waits for a rate slot for a request to `key`, not before `notBefore`; resolves with the time
   * booked (now), or undefined if the sender stops first.
   */
  #slot(key: string, order: Rank, notBefore: number): Promise<number | undefined> {
    return new Promise((grant) => {
      const waiter: Waiter = { key, rank: order, notBefore, grant };
      // Urgent ones ahead of everything: a pupil asking for an adult doesn't wait behind a
      // fan-out. Retries ahead of first attempts: a post refused early in a big fan-out goes again
      // a second later, rather than after all the others (where a second refusal would make the
      // whole fan-out a second longer).
      const behind = this.#waiters.findIndex((w) => w.rank > order);
      this.#waiters.splice(behind < 0 ? this.#waiters.length : behind, 0, waiter);
      this.#grantSlots();
    });
  }

  /**
   * Gives the free rate slots to waiting deliveries in order, and sets a timer for the next one.
   * A slot is booked at the moment it is given, so the request leaves then: a booking made ahead
   * and slept on can fire late (a busy event loop) and bunch up with the next ones at Teams' end.
   * One timer for all waiters, rather than one each that all wake for the same slot.
   */
  #grantSlots(): void {
    clearTimeout(this.#slotTimer);
    this.#slotTimer = undefined;
    const waiters = this.#waiters;
    if (this.#stopped) {
      for (const w of waiters.splice(0)) w.grant(undefined);
      return;
    }
    const now = this.#now();
    let next = Infinity;
    for (let i = 0; i < waiters.length;) {
      const w = waiters[i]!;
      if (w.notBefore > now) {
        next = Math.min(next, w.notBefore);
        i++;
        continue;
      }
      const at = this.#limiter.reserve(w.key, now);
      if (at <= now + 1) {
        waiters.splice(i, 1);
        w.grant(at);
        continue;
      }
      // Not yet (its conversation's windows, or the tenant's): others may go meanwhile.
      this.#limiter.release(w.key, at);
      next = Math.min(next, at);
      i++;
    }
    if (next < Infinity)
      this.#slotTimer = setTimeout(() => this.#grantSlots(), Math.max(0, next - now));
  }

  #now(): number {
    return this.o.clock.now().getTime();
  }

  /** Whether this instance is the tenant's sender now (it may still have to renew to send). */
  #holdsLease(): boolean {
    return this.#leaseUntil > this.#now();
  }

  /** Whether this instance may start a request now: the lease must outlive the request. */
  #mayStartRequest(): boolean {
    return this.#leaseUntil - this.#now() > this.#requestTimeout + 1_000;
  }

  async #run(): Promise<void> {
    const poll = this.o.pollMs ?? 500;
    let lastRenew = 0;
    while (!this.#stopped) {
      try {
        const now = this.#now();
        if (now - lastRenew >= this.#leaseTtl / 4 || !this.#mayStartRequest()) {
          const held = await this.#acquire(now);
          // Newly the sender, or back after the lease ran out (another instance may have sent
          // meanwhile): count what was sent in the last hour, so that the 30 s and hour windows
          // hold. Claims go ahead meanwhile; sends wait for it (`#deliver`).
          if (held && this.#leaseUntil <= now) this.#beginTerm(now);
          this.#leaseUntil = held ? now + this.#leaseTtl : 0;
          // Not the sender (any more): what it had queued is someone else's to send.
          if (!held) this.#queue.clear();
          lastRenew = now;
        }
        if (this.#mayStartRequest()) {
          if (
            !this.#scanning &&
            (this.#scanNow || this.#queue.size === 0 || now - this.#lastScan > 15_000)
          ) {
            this.#scanNow = false;
            // Beside the loop, not awaited: a scan reads every occurrence in turn, and a post to
            // 1,000 classes is 1,000 occurrences (seconds of reading). Awaited, it held up the
            // lease's renewal until the sender had to stop sending (decision 020).
            const scan = this.#scan()
              .catch((e: unknown) =>
                this.o.log.error('delivery.scan.error', { error: errorName(e) }),
              )
              .finally(() => {
                if (this.#scanning === scan) this.#scanning = undefined;
                // Poked while reading: the next scan may find what this one had passed.
                if (this.#scanNow) this.#wake?.();
              });
            this.#scanning = scan;
          }
          this.#dispatch();
        }
      } catch (e) {
        this.o.log.error('delivery.loop.error', { error: errorName(e) });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#nextWakeIn(poll));
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  #acquire(now: number): Promise<boolean> {
    return this.o.leases.acquire(this.tenantId, leaseName, this.owner, now, this.#leaseTtl);
  }

  /** A new term as the tenant's sender: reads the outbox for the windows, in the background. */
  #beginTerm(now: number): void {
    const term = ++this.#term;
    const claimed = new Set<string>();
    this.#claimedInPickUp = claimed;
    this.#windowsReady = this.#pickUpWindows(now, claimed, term).then(
      () => true,
      (e: unknown) => {
        this.o.log.error('delivery.pickup.error', { error: errorName(e) });
        // Not safe to send without it: the next turn of the loop starts a new term and reads again.
        if (term === this.#term) this.#leaseUntil = 0;
        return false;
      },
    );
  }

  /**
   * Starts a new limiter from the tenant's requests of the last hour (Teams' longest window), as
   * the outbox has them: its own earlier ones included, so nothing is counted twice. Deliveries
   * it claims while reading are left out: they have not been sent, and are booked when they are.
   */
  async #pickUpWindows(now: number, claimedMeanwhile: Set<string>, term: number): Promise<void> {
    try {
      const sent = await this.o.deliveries.sentSince(
        this.tenantId,
        new Date(now - 3_600_000),
        new Date(now),
      );
      if (term !== this.#term) return; // a later term reads for itself
      const limiter = this.#newLimiter();
      for (const { id, target, at } of sent)
        if (!claimedMeanwhile.has(id)) limiter.record(conversationKeyOf(target), at);
      this.#limiter = limiter;
    } finally {
      if (this.#claimedInPickUp === claimedMeanwhile) this.#claimedInPickUp = undefined;
    }
  }

  /** Waits until this term's windows are read; false if the read failed. */
  async #windowsRead(): Promise<boolean> {
    for (;;) {
      const ready = this.#windowsReady;
      const ok = await ready;
      if (ready === this.#windowsReady) return ok;
    }
  }

  #nextWakeIn(poll: number): number {
    let soonest = poll;
    if (!this.#mayStartRequest()) return soonest;
    const now = this.#now();
    for (const q of this.#queue.values())
      soonest = Math.min(soonest, Math.max(5, q.notBefore - claimAheadMs - now));
    return soonest;
  }

  /** Loads due deliveries from the outbox. Claims held by other owners are taken over: this instance holds the tenant lease, so they can't be sending any more. */
  async #scan(): Promise<void> {
    this.#lastScan = this.#now();
    const now = this.o.clock.now();
    // Page by page: the first posts of a big fan-out go while the rest is still being read.
    for await (const due of this.o.deliveries.duePages(this.tenantId, now, this.owner)) {
      // The lease may have gone while reading: then what is left is someone else's to send.
      if (this.#stopped || !this.#holdsLease()) return;
      for (const stored of due) {
        if (this.#inFlight.has(stored.value.id) || this.#queue.has(stored.value.id)) continue;
        this.#queue.set(stored.value.id, {
          stored,
          notBefore: Date.parse(stored.value.notBefore) || 0,
        });
      }
      if (due.length > 0 && this.#mayStartRequest()) this.#dispatch();
    }
  }

  /**
   * Reads the urgent list every `urgentPollMs` (or at once when poked) while this instance is the
   * sender, apart from the main loop: a scan of a big outbox reads every occurrence in turn, and
   * a safeguarding message enqueued by any instance must not wait for it (decision 020).
   */
  async #runUrgent(): Promise<void> {
    const every = this.o.urgentPollMs ?? 500;
    while (!this.#stopped) {
      this.#readUrgentNow = false;
      try {
        await this.#readUrgent();
      } catch (e) {
        this.o.log.error('delivery.urgent.error', { error: errorName(e) });
      }
      if (this.#stopped || this.#readUrgentNow) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, every);
        this.#wakeUrgent = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Queues and dispatches the urgent deliveries that are due, as `#scan` does for all. */
  async #readUrgent(): Promise<void> {
    if (!this.#holdsLease()) return;
    const due = await this.o.deliveries.urgentDue(this.tenantId, this.o.clock.now(), this.owner);
    // The lease may have gone while reading: then they are someone else's to send.
    if (this.#stopped || !this.#holdsLease()) return;
    let queued = 0;
    for (const stored of due) {
      if (this.#inFlight.has(stored.value.id) || this.#queue.has(stored.value.id)) continue;
      this.#queue.set(stored.value.id, {
        stored,
        notBefore: Date.parse(stored.value.notBefore) || 0,
      });
      queued++;
    }
    // Else the loop dispatches them once it has renewed the lease.
    if (queued > 0 && this.#mayStartRequest()) this.#dispatch();
  }

  /** Gives back a slot that did not become a message; a waiting delivery may have it now. */
  #release(key: string, at: number): void {
    this.#limiter.release(key, at);
    this.#grantSlots();
  }

  /** Queued deliveries, urgent ones first, then retries (see `#slot`). */
  *#inOrder(): Generator<[string, Queued]> {
    for (const r of [rank.urgent, rank.retry, rank.first])
      for (const entry of this.#queue) if (rankOf(entry[1].stored.value) === r) yield entry;
  }

  #dispatch(): void {
    const maxInFlight = this.o.maxInFlight ?? 64;
    const now = this.#now();
    for (const [id, queued] of this.#inOrder()) {
      // Urgent deliveries count apart: a fan-out's deliveries in flight (most of them claimed
      // and waiting for a rate slot) don't keep one out.
      const urgent = queued.stored.value.urgent === true;
      if (urgent) {
        if (this.#urgentInFlight.size >= maxInFlight) continue;
      } else if (this.#inFlight.size - this.#urgentInFlight.size >= maxInFlight) break;
      if (queued.notBefore > now + claimAheadMs) continue;
      this.#queue.delete(id);
      this.#inFlight.add(id);
      if (urgent) this.#urgentInFlight.add(id);
      const task = this.#deliver(queued.stored, queued.notBefore)
        .catch((e: unknown) => {
          // Storage or network trouble mid-delivery: the claim runs out and the delivery is tried again.
          this.o.log.error('delivery.task.error', { error: errorName(e) });
        })
        .finally(() => {
          this.#inFlight.delete(id);
          this.#urgentInFlight.delete(id);
          this.#tasks.delete(task);
          this.#wake?.();
        });
      this.#tasks.add(task);
    }
  }

  async #deliver(stored: Stored<Delivery>, notBefore: number): Promise<void> {
    const key = conversationKeyOf(stored.value.target);
    const claimTtl = this.o.claimTtlMs ?? 30_000;
    // Marked before the claim is written: the outbox read may see the claim before we hear back.
    const pickUp = this.#claimedInPickUp;
    pickUp?.add(stored.value.id);
    const claimed = await this.o.deliveries.claim(
      this.tenantId,
      stored,
      this.owner,
      new Date(this.#now() + claimTtl),
      this.o.clock.now(),
    );
    if (!claimed) {
      pickUp?.delete(stored.value.id);
      return; // someone else changed it: theirs now
    }
    // Nothing is sent before the tenant's earlier requests are counted; a delivery claimed ahead
    // never before its time (the Retry-After Teams asked for, or the backoff).
    const at = (await this.#windowsRead())
      ? await this.#slot(key, rankOf(stored.value), notBefore)
      : undefined;
    if (at === undefined || !this.#mayStartRequest() || this.#stopped) {
      // Lost the lease (or stopping, or the outbox could not be read) while waiting: hand the
      // delivery back untouched.
      if (at !== undefined) this.#release(key, at);
      await this.o.deliveries.settle(
        claimed,
        {
          status: 'pending',
          // Not earlier than it was due: a retry keeps its Retry-After.
          notBefore: new Date(Math.max(this.#now(), notBefore)),
          reason: 'handed back',
          undoAttempt: true,
        },
        this.o.clock.now(),
      );
      return;
    }
    // Booked again when the request is really written, if later (a busy event loop, a new
    // connection): Teams counts it when it arrives, and the windows after it must too.
    let booked = at;
    const result = await this.o.sender.send(this.tenantId, claimed.value, {
      onWritten: () => {
        booked = this.#limiter.sentAt(key, booked, this.#now());
      },
    });
    const now = this.o.clock.now();
    // No jitter on Retry-After: the limiter already spreads conversations told the same time.
    const decision = decide(
      result,
      claimed.value.attempts,
      { maxAttempts: this.o.maxAttempts ?? 12, retryAfterJitter: 0 },
      now.getTime(),
    );
    switch (decision.kind) {
      case 'done': {
        const sent = result.ok ? result : undefined;
        await this.o.deliveries.settle(
          claimed,
          {
            status: 'sent',
            ...(sent?.conversationId ? { conversationId: sent.conversationId } : {}),
            ...(sent?.activityId ? { activityId: sent.activityId } : {}),
          },
          now,
        );
        return;
      }
      case 'retry': {
        // A refused request was not a message: keep off the conversation until told, and give the
        // slot back (to whoever waits, after the penalty is in place).
        const notBefore = new Date(now.getTime() + decision.delayMs);
        if (!result.ok && result.status === 429) this.#limiter.penalise(key, notBefore.getTime());
        if (!result.ok && !result.networkError) this.#release(key, booked);
        const settled = await this.o.deliveries.settle(
          claimed,
          { status: 'pending', notBefore, reason: decision.reason },
          now,
        );
        if (settled)
          this.#queue.set(settled.value.id, { stored: settled, notBefore: notBefore.getTime() });
        return;
      }
      case 'removed':
      case 'failed':
        if (!result.ok && !result.networkError) this.#release(key, booked);
        await this.o.deliveries.settle(
          claimed,
          { status: decision.kind, reason: decision.reason },
          now,
        );
        this.o.log.warn(`delivery.${decision.kind}`, {
          status: result.ok ? 200 : (result.status ?? 0),
        });
        return;
    }
  }
}
