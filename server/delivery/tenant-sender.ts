/**
 * One tenant's sender in the delivery engine (engine.ts): keeps the lease, scans the outbox,
 * claims, waits for rate slots, sends, and records outcomes. See engine.ts for the whole.
 */
import { conversationKeyOf, type Delivery } from '../../core/delivery/delivery.js';
import { RateLimiter, teamsConversationWindows } from '../../core/delivery/rate-limiter.js';
import { decide } from '../../core/delivery/retry-policy.js';
import { errorName } from '../../core/ports/logger.js';
import type { Stored } from '../../core/ports/table-store.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import { LeaseKeeper } from './lease-keeper.js';
import { OutboxScanner } from './outbox-scanner.js';
import { rankOf, SlotLine } from './slot-line.js';
import { StoreFence } from './store-fence.js';
import { TenantThrottle } from './tenant-throttle.js';
import type { EngineOptions } from './engine-options.js';

const leaseName = 'delivery-sender';
/**
 * A delivery due soon (a retry after Retry-After or backoff) is claimed this long ahead, so that
 * it leaves at its time rather than a storage write later.
 */
const claimAheadMs = 100;
/** Added to every Teams window (decision 006); DELIVERY_MARGIN_MS in production. */
export const defaultMarginMs = 20;

interface Queued {
  stored: Stored<Delivery>;
  notBefore: number;
}

type Outcome = Parameters<DeliveryStore['settle']>[1];

export class TenantSender {
  #limiter: RateLimiter;
  readonly #queue = new Map<string, Queued>();
  readonly #inFlight = new Set<string>();
  /** The urgent ones among `#inFlight`: they have their own `maxInFlight`. */
  readonly #urgentInFlight = new Set<string>();
  readonly #tasks = new Set<Promise<void>>();
  readonly #fence: StoreFence;
  readonly #lease: LeaseKeeper;
  readonly #scanner: OutboxScanner;
  readonly #slots: SlotLine;
  readonly #throttle = new TenantThrottle();
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
    const now = () => this.#now();
    this.#fence = new StoreFence(now, o.storeStallMs);
    const track = <T>(call: Promise<T>) => this.#fence.track(call);
    this.#scanner = new OutboxScanner(o.deliveries, tenantId, owner, track);
    this.#slots = new SlotLine(
      () => this.#limiter,
      now,
      () => this.#fence.open(),
    );
    this.#lease = new LeaseKeeper({
      leases: o.leases,
      tenantId,
      name: leaseName,
      owner,
      ttlMs: o.leaseTtlMs ?? 10_000,
      now,
      log: o.log,
      fence: this.#fence,
      onTerm: (at) => this.#beginTerm(at),
      // Not the sender any more: what it had queued is someone else's to send.
      onLost: () => this.#queue.clear(),
    });
    // Storage back after trouble: send what waits, and look for work again.
    this.#fence.onOpen(() => {
      this.#slots.grant();
      this.poke();
    });
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

  get #requestTimeout() {
    return this.o.requestTimeoutMs ?? 5_000;
  }

  start(): void {
    this.#stopped = false;
    this.#lease.start();
    this.#loop = this.#run();
    this.#urgentLoop = this.#runUrgent();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.poke();
    // A delivery waiting for a slot (up to 30 s for a busy conversation) is handed back now.
    this.#slots.close();
    await this.#loop;
    await this.#scanning;
    await this.#urgentLoop;
    await Promise.allSettled([...this.#tasks]);
    await this.#lease.stop();
  }

  poke(): void {
    this.#scanNow = true;
    this.#readUrgentNow = true;
    this.#wake?.();
    this.#wakeUrgent?.();
  }

  #now(): number {
    return this.o.clock.now().getTime();
  }

  /** Whether this instance is the tenant's sender now. */
  #holdsLease(): boolean {
    return this.#lease.until > this.#now();
  }

  /**
   * Whether this instance may start a request now: the lease must outlive the request, and
   * storage must be able to record its outcome.
   */
  #mayStartRequest(): boolean {
    return this.#lease.until - this.#now() > this.#requestTimeout + 1_000 && this.#fence.open();
  }

  async #run(): Promise<void> {
    const poll = this.o.pollMs ?? 500;
    while (!this.#stopped) {
      try {
        const now = this.#now();
        if (this.#mayStartRequest()) {
          if (
            !this.#scanning &&
            (this.#scanNow || this.#queue.size === 0 || now - this.#lastScan > 15_000)
          ) {
            this.#scanNow = false;
            // Beside the loop, not awaited (decision 020).
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

  /**
   * A new term as the tenant's sender (first start, a takeover, or back after the lease ran
   * out, when another instance may have sent meanwhile): forgets what it had read and queued, and
   * counts what was sent in the last hour, so that the 30 s and hour windows hold. Claims go
   * ahead meanwhile; sends wait for it (`#deliver`).
   */
  #beginTerm(now: number): void {
    const term = ++this.#term;
    this.#queue.clear();
    this.#scanner.reset();
    const claimed = new Set<string>();
    this.#claimedInPickUp = claimed;
    this.#windowsReady = this.#pickUpWindows(now, claimed, term).then(
      () => true,
      (e: unknown) => {
        this.o.log.error('delivery.pickup.error', { error: errorName(e) });
        // Not safe to send without it: read again (a later term reads for itself).
        if (term === this.#term) setTimeout(() => this.#beginTerm(this.#now()), 500);
        return false;
      },
    );
    this.poke();
  }

  /**
   * Starts a new limiter from the tenant's requests of the last hour (Teams' longest window), as
   * the outbox has them: its own earlier ones included, so nothing is counted twice. Deliveries
   * it claims while reading are left out: they have not been sent, and are booked when they are.
   */
  async #pickUpWindows(now: number, claimedMeanwhile: Set<string>, term: number): Promise<void> {
    try {
      // The active occurrences it reads are handed to the scanner, which then need not read
      // them again: one read of each at the start of a term.
      const sent = await this.#fence.track(
        this.o.deliveries.sentSince(
          this.tenantId,
          new Date(now - 3_600_000),
          new Date(now),
          undefined,
          (row, deliveries) => {
            if (term === this.#term) this.#scanner.seed(row, deliveries, now);
          },
        ),
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

  /** Queues due deliveries (others' claims are taken over: this instance holds the lease). */
  #enqueueDue(due: Stored<Delivery>[]): number {
    let queued = 0;
    for (const stored of due) {
      if (this.#inFlight.has(stored.value.id) || this.#queue.has(stored.value.id)) continue;
      this.#queue.set(stored.value.id, {
        stored,
        notBefore: Date.parse(stored.value.notBefore) || 0,
      });
      queued++;
    }
    if (queued > 0 && this.#mayStartRequest()) this.#dispatch();
    return queued;
  }

  /** Loads due deliveries from the outbox, reading only what may have changed (`OutboxScanner`). */
  async #scan(): Promise<void> {
    this.#lastScan = this.#now();
    const term = this.#term;
    // After this term's history read, which reads the active occurrences for the scan too.
    if (!(await this.#windowsRead()) || term !== this.#term) return;
    // Batch by batch: the first posts of a big fan-out go while the rest is still being read.
    for await (const due of this.#scanner.pass(this.o.clock.now())) {
      // The lease may have gone while reading: then what is left is someone else's to send.
      if (this.#stopped || !this.#holdsLease() || term !== this.#term) return;
      this.#enqueueDue(due);
    }
  }

  /**
   * Reads the urgent list every `urgentPollMs` (or at once when poked) while this instance is the
   * sender, apart from the main loop (decision 020).
   */
  async #runUrgent(): Promise<void> {
    const every = this.o.urgentPollMs ?? 500;
    while (!this.#stopped) {
      this.#readUrgentNow = false;
      try {
        if (this.#holdsLease() && this.#fence.open()) {
          const due = await this.#fence.track(
            this.o.deliveries.urgentDue(this.tenantId, this.o.clock.now(), this.owner),
          );
          // The lease may have gone while reading: then they are someone else's to send.
          if (!this.#stopped && this.#holdsLease()) this.#enqueueDue(due);
        }
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

  /** Queued deliveries, urgent ones first, then retries (see `SlotLine`). */
  *#inOrder(): Generator<[string, Queued]> {
    for (const r of [0, 1, 2])
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
      const occurrenceId = queued.stored.value.occurrenceId;
      const task = this.#deliver(queued.stored, queued.notBefore)
        .catch((e: unknown) => {
          // Storage trouble before the request: the claim runs out and it is tried again.
          this.o.log.error('delivery.task.error', { error: errorName(e) });
          this.#scanner.mark(occurrenceId);
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

  /**
   * Records an outcome, trying again while storage is in trouble: a post Teams accepted whose
   * outcome is not written would be sent again when its claim runs out (issue 21: 64 duplicates
   * after a 10 s outage). Kept in flight meanwhile, so nothing here claims it again, and written
   * with the claim's etag, so it lands only if nobody took the delivery over. Gives up (the claim
   * then runs out: at-least-once) only when stopping. Undefined: the claim was lost.
   */
  async #record(
    claimed: Stored<Delivery>,
    outcome: Outcome,
  ): Promise<Stored<Delivery> | undefined> {
    for (let wait = 250; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        return await this.#fence.track(
          this.o.deliveries.settle(claimed, outcome, this.o.clock.now()),
        );
      } catch (e) {
        if (this.#stopped) throw e;
        this.o.log.warn('delivery.record.retry', { error: errorName(e) });
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Hands a claimed delivery back untouched (not sent), keeping its time. */
  async #handBack(claimed: Stored<Delivery>, notBefore: number): Promise<void> {
    this.#scanner.mark(claimed.value.occurrenceId);
    await this.#fence.track(
      this.o.deliveries.settle(
        claimed,
        {
          status: 'pending',
          notBefore: new Date(Math.max(this.#now(), notBefore)),
          reason: 'handed back',
          undoAttempt: true,
        },
        this.o.clock.now(),
      ),
    );
  }

  async #deliver(stored: Stored<Delivery>, notBefore: number): Promise<void> {
    const key = conversationKeyOf(stored.value.target);
    const occurrenceId = stored.value.occurrenceId;
    const claimTtl = this.o.claimTtlMs ?? 30_000;
    // Marked before the claim is written: the outbox read may see the claim before we hear back.
    const pickUp = this.#claimedInPickUp;
    pickUp?.add(stored.value.id);
    const term = this.#term;
    const claimed = await this.#fence.track(
      this.o.deliveries.claim(
        this.tenantId,
        stored,
        this.owner,
        new Date(this.#now() + claimTtl),
        this.o.clock.now(),
      ),
    );
    if (!claimed) {
      pickUp?.delete(stored.value.id);
      this.#scanner.mark(occurrenceId);
      return; // someone else changed it: theirs now
    }
    // Nothing is sent before the tenant's earlier requests are counted; a delivery claimed ahead
    // never before its time (the Retry-After Teams asked for, or the backoff).
    const at = (await this.#windowsRead())
      ? await this.#slots.wait(key, rankOf(stored.value), notBefore)
      : undefined;
    // Still the same term as sender: if the lease lapsed meanwhile (a storage outage outlasting
    // it), another instance may have taken this delivery over and sent it.
    if (at === undefined || !this.#mayStartRequest() || this.#stopped || term !== this.#term) {
      // Lost the lease (or stopping, or the outbox could not be read) while waiting: hand the
      // delivery back untouched.
      if (at !== undefined) this.#slots.release(key, at);
      return this.#handBack(claimed, notBefore);
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
    if (result.ok || result.status !== 429) this.#throttle.accepted(now.getTime());
    switch (decision.kind) {
      case 'done': {
        const sent = result.ok ? result : undefined;
        await this.#record(claimed, {
          status: 'sent',
          ...(sent?.conversationId ? { conversationId: sent.conversationId } : {}),
          ...(sent?.activityId ? { activityId: sent.activityId } : {}),
        });
        // Read once more: if it was the occurrence's last, it leaves the active list.
        this.#scanner.mark(occurrenceId);
        return;
      }
      case 'retry': {
        // A refused request was not a message: keep off the conversation until told (the whole
        // tenant, if the refusals look tenant-wide), and give the slot back after the penalty.
        const notBefore = new Date(now.getTime() + decision.delayMs);
        if (!result.ok && result.status === 429) {
          this.#limiter.penalise(key, notBefore.getTime());
          if (this.#throttle.refused(now.getTime(), key)) {
            this.#limiter.penaliseTenant(notBefore.getTime());
            this.o.log.warn('delivery.tenant.throttled', { ms: decision.delayMs });
          }
        }
        if (!result.ok && !result.networkError) this.#slots.release(key, booked);
        const settled = await this.#record(claimed, {
          status: 'pending',
          notBefore,
          reason: decision.reason,
        });
        if (settled)
          this.#queue.set(settled.value.id, { stored: settled, notBefore: notBefore.getTime() });
        else this.#scanner.mark(occurrenceId);
        return;
      }
      case 'removed':
      case 'failed':
        if (!result.ok && !result.networkError) this.#slots.release(key, booked);
        await this.#record(claimed, { status: decision.kind, reason: decision.reason });
        this.#scanner.mark(occurrenceId);
        this.o.log.warn(`delivery.${decision.kind}`, {
          status: result.ok ? 200 : (result.status ?? 0),
        });
        return;
    }
  }
}
