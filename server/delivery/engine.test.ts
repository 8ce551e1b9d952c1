/**
 * The engine's rate windows against when requests are really written, and the order in which
 * urgent (safeguarding) deliveries go (the real store, Teams and failure handling are covered by
 * tests/integration/delivery-*.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { conversationKeyOf, type Delivery } from '../../core/delivery/delivery.js';
import { silentLogger } from '../../core/ports/logger.js';
import type { Sender, SendHooks, SendResult } from '../../core/ports/sender.js';
import { DeliveryStore, type FanOutItem } from '../../core/stores/delivery-store.js';
import { LeaseStore } from '../../core/stores/lease-store.js';
import { MemoryTableStore } from '../../core/testing/memory-table-store.js';
import { channelFanOut } from '../../tests/support/fan-out.js';
import { busiest } from '../../core/testing/windows.js';
import { DeliveryEngine, type EngineOptions } from './engine.js';
import { wallClock, wallMs } from '../../core/testing/wall-clock.js';

const tenant = 'tenant-1';

/**
 * Accepts everything and records when each request was written (when Teams would count it).
 * With `firstDelayMs`, the first request is written that late, like one that waits for a new
 * connection.
 */
class RecordingSender implements Sender {
  readonly written: number[] = [];
  constructor(private readonly firstDelayMs = 0) {}

  async send(_tenantId: string, _delivery: Delivery, hooks: SendHooks = {}): Promise<SendResult> {
    const i = this.written.push(Number.NaN) - 1; // taken: later calls are not first
    if (i === 0 && this.firstDelayMs > 0)
      await new Promise((r) => setTimeout(r, this.firstDelayMs));
    hooks.onWritten?.();
    this.written[i] = wallMs();
    return { ok: true, activityId: String(i + 1) };
  }
}

let engine: DeliveryEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

/** Starts an engine for `tenant` on the memory store, polling often. */
function startEngine(
  store: MemoryTableStore,
  deliveries: DeliveryStore,
  sender: Sender,
  options: Partial<EngineOptions>,
): void {
  engine = new DeliveryEngine({
    deliveries,
    leases: new LeaseStore(store),
    sender,
    clock: wallClock,
    log: silentLogger,
    tenants: [tenant],
    tenantRps: 50,
    pollMs: 20,
    ...options,
  });
  engine.start();
}

/** Puts a post to `n` class channels in the outbox, as occurrence 'occ'. */
function enqueueChannels(deliveries: DeliveryStore, n: number): Promise<void> {
  return deliveries.enqueue(
    tenant,
    { id: 'occ', label: 'Prompt' },
    channelFanOut(n, 'http://connector.invalid'),
    wallClock.now(),
  );
}

async function untilFinished(
  deliveries: DeliveryStore,
  occurrenceId: string,
  timeoutMs: number,
  what = () => 'fan-out did not finish',
): Promise<void> {
  const deadline = wallMs() + timeoutMs;
  while (!(await deliveries.progress(tenant, occurrenceId))?.finished) {
    if (wallMs() > deadline) throw new Error(what());
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('DeliveryEngine rate windows', () => {
  it('counts a request written late when it was written, so the next second does not overfill', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    const sender = new RecordingSender(300);
    await enqueueChannels(deliveries, 15);
    startEngine(store, deliveries, sender, { tenantRps: 5, marginMs: 5 });
    await untilFinished(deliveries, 'occ', 20_000);
    expect(sender.written).toHaveLength(15);
    // Teams' limit (5 in any second) holds at the moments the requests were written.
    expect(busiest(sender.written, 1_000)).toBe(5);
  });

  it('reading the outbox for longer than the lease lasts still ends in sending (once read)', async () => {
    const store = new MemoryTableStore();
    let reads = 0;
    class SlowOutbox extends DeliveryStore {
      override async sentSince(...args: Parameters<DeliveryStore['sentSince']>) {
        reads++;
        await new Promise((r) => setTimeout(r, 2_100));
        return super.sentSince(...args);
      }
    }
    const deliveries = new SlowOutbox(store);
    await enqueueChannels(deliveries, 3);
    const sender = new RecordingSender();
    startEngine(store, deliveries, sender, { leaseTtlMs: 2_000, requestTimeoutMs: 500 });
    await untilFinished(deliveries, 'occ', 15_000, () => `not sent after ${reads} reads`);
    expect(sender.written).toHaveLength(3);
    expect(reads).toBe(1);
  });

  it('reads each active occurrence once on becoming the sender (its history and its work together), and sends only after that read', async () => {
    const store = new MemoryTableStore();
    const times = { readFrom: 0, readTo: 0, claims: [] as number[] };
    let scanReads = 0;
    let scanReadsAtFirstClaim = -1;
    class SlowOutbox extends DeliveryStore {
      override async sentSince(...args: Parameters<DeliveryStore['sentSince']>) {
        times.readFrom = wallMs();
        await new Promise((r) => setTimeout(r, 200));
        const sent = await super.sentSince(...args);
        times.readTo = wallMs();
        return sent;
      }
      override async *duePagesOf(...args: Parameters<DeliveryStore['duePagesOf']>) {
        scanReads++;
        yield* super.duePagesOf(...args);
      }
      override async claim(...args: Parameters<DeliveryStore['claim']>) {
        if (times.claims.length === 0) scanReadsAtFirstClaim = scanReads;
        times.claims.push(wallMs());
        return super.claim(...args);
      }
    }
    const deliveries = new SlowOutbox(store);
    await enqueueChannels(deliveries, 3);
    const sender = new RecordingSender();
    startEngine(store, deliveries, sender, { tenantRps: 1, marginMs: 300 });
    await until(() => sender.written.length === 3, 'not sent');
    expect(times.claims[0]).toBeGreaterThanOrEqual(times.readTo);
    for (const w of sender.written) expect(w).toBeGreaterThanOrEqual(times.readTo);
    // Its history read gave the scan the occurrence: the scan did not read it again to claim.
    expect(scanReadsAtFirstClaim).toBe(0);
    // Counted as sends, its own claims would fill the window (1 in 1.3 s with the margin).
    expect(sender.written[0]).toBeLessThan(times.readFrom + 1_000);
    await untilFinished(deliveries, 'occ', 15_000);
  });

  it('sends nothing until the outbox has been read: a failed read is tried again first', async () => {
    const store = new MemoryTableStore();
    const reads: { failed: boolean; at: number }[] = [];
    class FlakyOutbox extends DeliveryStore {
      override async sentSince(...args: Parameters<DeliveryStore['sentSince']>) {
        if (reads.length === 0) {
          await new Promise((r) => setTimeout(r, 100));
          reads.push({ failed: true, at: wallMs() });
          throw new Error('storage unavailable');
        }
        const sent = await super.sentSince(...args);
        reads.push({ failed: false, at: wallMs() });
        return sent;
      }
    }
    const deliveries = new FlakyOutbox(store);
    await enqueueChannels(deliveries, 3);
    const sender = new RecordingSender();
    startEngine(store, deliveries, sender, {});
    await untilFinished(deliveries, 'occ', 15_000);
    expect(sender.written).toHaveLength(3);
    expect(reads.map((r) => r.failed)).toEqual([true, false]);
    for (const w of sender.written) expect(w).toBeGreaterThanOrEqual(reads[1]!.at);
    // Handed back while the read failed, so no attempt was spent on it.
    for (const d of await deliveries.deliveriesOf(tenant, 'occ')) expect(d.value.attempts).toBe(1);
  });

  it('a retry claimed ahead of its time still waits for the Retry-After', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    await enqueueChannels(deliveries, 6);
    // Every first attempt is refused, half with 429 and half with 503, each with Retry-After: 1.
    const refusedAt = new Map<string, number>();
    const retriedAfter: number[] = [];
    class RefusingOnce implements Sender {
      async send(_t: string, delivery: Delivery, hooks: SendHooks = {}): Promise<SendResult> {
        hooks.onWritten?.();
        const refused = refusedAt.get(delivery.id);
        if (refused === undefined) {
          refusedAt.set(delivery.id, wallMs());
          const status = refusedAt.size % 2 ? 429 : 503;
          return { ok: false, status, retryAfter: '1' };
        }
        retriedAfter.push(wallMs() - refused);
        return { ok: true, activityId: delivery.id };
      }
    }
    startEngine(store, deliveries, new RefusingOnce(), {});
    await untilFinished(deliveries, 'occ', 15_000);
    expect(retriedAfter).toHaveLength(6);
    for (const ms of retriedAfter) expect(ms).toBeGreaterThanOrEqual(1_000);
  });

  it('sends a refused post again as soon as Teams allows, ahead of posts not yet tried', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    await enqueueChannels(deliveries, 30);
    const written: string[] = [];
    let refused: string | undefined;
    class RefusingFirst implements Sender {
      async send(_t: string, delivery: Delivery, hooks: SendHooks = {}): Promise<SendResult> {
        hooks.onWritten?.();
        written.push(delivery.id);
        if (refused === undefined) {
          refused = delivery.id;
          return { ok: false, status: 429, retryAfter: '0.3' };
        }
        return { ok: true, activityId: delivery.id };
      }
    }
    // 10 a second: the 29 others take about three seconds, the retry may go after 0.3 s.
    startEngine(store, deliveries, new RefusingFirst(), { tenantRps: 10, marginMs: 5 });
    await untilFinished(deliveries, 'occ', 20_000);
    expect(written).toHaveLength(31);
    const again = written.lastIndexOf(refused!);
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThanOrEqual(8);
  });

  it('a new sender counts what the last one sent, so a channel’s 60 in 30 s still holds', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    const [item] = channelFanOut(1, 'http://connector.invalid');
    // An instance that has since died sent 60 posts to one channel, the first 28 s ago.
    const first = wallMs() - 28_000;
    for (let i = 0; i < 60; i++) {
      const at = new Date(first + i * 300);
      await deliveries.enqueue(tenant, { id: `earlier-${i}`, label: 'Prompt' }, [item!], at);
      const [due] = await deliveries.due(tenant, at);
      const claimed = await deliveries.claim(
        tenant,
        due!,
        'dead',
        new Date(at.getTime() + 30_000),
        at,
      );
      await deliveries.settle(claimed!, { status: 'sent' }, at);
    }
    await deliveries.enqueue(tenant, { id: 'next', label: 'Prompt' }, [item!], wallClock.now());
    const sender = new RecordingSender();
    startEngine(store, deliveries, sender, {});
    await untilFinished(deliveries, 'next', 20_000);
    // The 61st post waits until the first has left Teams' 30 s window.
    expect(sender.written).toHaveLength(1);
    expect(sender.written[0]).toBeGreaterThanOrEqual(first + 30_000);
  });
});

/** Records each request when it is written: which delivery, to which conversation, when. */
class LoggingSender implements Sender {
  readonly written: { id: string; conversation: string; at: number; by: string }[] = [];
  /** Channel posts (the fan-out) are answered only once this is released, when given. */
  constructor(
    private readonly hold?: Promise<void>,
    private readonly name = 'sender',
  ) {}

  async send(_tenantId: string, delivery: Delivery, hooks: SendHooks = {}): Promise<SendResult> {
    hooks.onWritten?.();
    const conversation = conversationKeyOf(delivery.target);
    this.written.push({ id: delivery.id, conversation, at: wallMs(), by: this.name });
    if (this.hold && delivery.target.kind === 'channel') await this.hold;
    return { ok: true, activityId: delivery.id };
  }
}

/** A talk request: one personal message to the DSL and one to the deputy. */
function talkItems(): FanOutItem[] {
  return ['dsl', 'deputy'].map((who) => ({
    targetKey: who,
    target: {
      kind: 'conversation',
      conversationId: `a:personal-${who}`,
      serviceUrl: 'http://connector.invalid',
    },
    content: { text: 'A pupil would like to talk to someone' },
  }));
}

/** A post to `n` classes as the scheduler makes it: one occurrence per class channel. */
async function enqueuePosts(deliveries: DeliveryStore, n: number): Promise<void> {
  const channels = channelFanOut(n, 'http://connector.invalid');
  for (let i = 0; i < n; i++)
    await deliveries.enqueue(
      tenant,
      { id: `post-${i}`, label: `Prompt — class ${i}` },
      [channels[i]!],
      wallClock.now(),
    );
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = wallMs() + 20_000;
  while (!(await check())) {
    if (wallMs() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const isTalk = (w: { id: string }) => w.id.startsWith('talk');

describe('DeliveryEngine urgent (safeguarding) deliveries', () => {
  it('one enqueued by another instance (no poke) during a fan-out is sent ahead of the fan-out waiting for rate slots', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    await enqueuePosts(deliveries, 30);
    const sender = new LoggingSender();
    // Two a second: the whole fan-out is claimed at once and waits in line for its slots.
    startEngine(store, deliveries, sender, { tenantRps: 2, marginMs: 5, urgentPollMs: 50 });
    await until(() => sender.written.length >= 3, 'fan-out did not start');
    const other = new DeliveryStore(store);
    const before = sender.written.length;
    await other.enqueue(
      tenant,
      { id: 'talk', label: 'Talk request', urgent: true },
      talkItems(),
      wallClock.now(),
    );
    await untilFinished(deliveries, 'talk', 20_000, () => 'talk request not sent');
    const lastTalk = sender.written.findLastIndex(isTalk);
    const fanOutBetween = sender.written.slice(before, lastTalk).filter((w) => !isTalk(w));
    // At most the slots it took to be read and claimed; the rest of the fan-out waited.
    expect(fanOutBetween.length).toBeLessThanOrEqual(5);
    expect(
      sender.written
        .filter(isTalk)
        .map((w) => w.id)
        .sort(),
    ).toEqual(['talk/deputy', 'talk/dsl']);
  });

  it('is not kept out by fan-out deliveries filling maxInFlight', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    await enqueuePosts(deliveries, 20);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Every fan-out request hangs until the end of the test: its four in flight never finish.
    const sender = new LoggingSender(held);
    startEngine(store, deliveries, sender, { maxInFlight: 4, urgentPollMs: 50 });
    try {
      await until(() => sender.written.length >= 4, 'fan-out did not start');
      await new DeliveryStore(store).enqueue(
        tenant,
        { id: 'talk', label: 'Talk request', urgent: true },
        talkItems(),
        wallClock.now(),
      );
      await untilFinished(deliveries, 'talk', 20_000, () => 'talk request not sent');
      expect(
        sender.written
          .map((w) => w.id)
          .slice(4)
          .sort(),
      ).toEqual(['talk/deputy', 'talk/dsl']);
    } finally {
      release();
    }
  });

  it('does not wait for the main scan of a big outbox, nor lose the lease while that scan runs', async () => {
    const store = new MemoryTableStore();
    let reading = 0;
    let readsDone = 0;
    class SlowScan extends DeliveryStore {
      // A second and a half per occurrence read (eight side by side): a big outbox on a busy store.
      override async *duePagesOf(...args: Parameters<DeliveryStore['duePagesOf']>) {
        // The urgent list's own reads are not slowed (the point is that it does not wait).
        if (args[1] === 'talk') return yield* super.duePagesOf(...args);
        reading++;
        try {
          for await (const page of super.duePagesOf(...args)) {
            await new Promise((r) => setTimeout(r, 1_500));
            yield page;
          }
        } finally {
          reading--;
          readsDone++;
        }
      }
    }
    const deliveries = new SlowScan(store);
    await enqueuePosts(deliveries, 10);
    const sender = new LoggingSender();
    // A 2 s lease, renewed every half second: a loop held up by the scan would stop sending.
    startEngine(store, deliveries, sender, {
      leaseTtlMs: 2_000,
      requestTimeoutMs: 500,
      urgentPollMs: 50,
    });
    await until(() => sender.written.length >= 2, 'fan-out did not start');
    await new DeliveryStore(store).enqueue(
      tenant,
      { id: 'talk', label: 'Talk request', urgent: true },
      talkItems(),
      wallClock.now(),
    );
    await until(() => sender.written.filter(isTalk).length === 2, 'talk request not sent');
    // Sent while the first scan was still reading the fan-out.
    expect(readsDone).toBeLessThan(10);
    expect(reading).toBeGreaterThan(0);
    const sentDuringScan = sender.written.length;
    await untilFinished(deliveries, 'post-9', 30_000);
    expect(sender.written.length).toBeGreaterThan(sentDuringScan);
    expect(new Set(sender.written.map((w) => w.id)).size).toBe(sender.written.length);
  });

  it('keeps each conversation’s windows and the tenant’s, however many are urgent', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    await enqueuePosts(deliveries, 20);
    const sender = new LoggingSender();
    startEngine(store, deliveries, sender, { tenantRps: 10, marginMs: 5, urgentPollMs: 50 });
    await until(() => sender.written.length >= 2, 'fan-out did not start');
    // Twelve pupils at once: twelve messages to each of the same two chats.
    const other = new DeliveryStore(store);
    for (let i = 0; i < 12; i++)
      await other.enqueue(
        tenant,
        { id: `talk-${i}`, label: 'Talk request', urgent: true },
        talkItems(),
        wallClock.now(),
      );
    for (let i = 0; i < 12; i++) await untilFinished(deliveries, `talk-${i}`, 20_000);
    for (const chat of ['a:personal-dsl', 'a:personal-deputy']) {
      const times = sender.written.filter((w) => w.conversation === chat).map((w) => w.at);
      expect(times).toHaveLength(12);
      expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
      expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    }
    expect(
      busiest(
        sender.written.map((w) => w.at),
        1_000,
      ),
    ).toBeLessThanOrEqual(10);
  });

  it('two instances on one store: only the sender sends, each urgent delivery once, and a dead sender’s claim is taken over', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    // Claimed for 30 s more by an instance that has since died.
    await deliveries.enqueue(
      tenant,
      { id: 'talk-dead', label: 'Talk request', urgent: true },
      talkItems(),
      wallClock.now(),
    );
    const [abandoned] = await deliveries.urgentDue(tenant, wallClock.now());
    await deliveries.claim(
      tenant,
      abandoned!,
      'dead',
      new Date(wallMs() + 30_000),
      wallClock.now(),
    );
    const senders = [new LoggingSender(undefined, 'a'), new LoggingSender(undefined, 'b')];
    const engines = senders.map(
      (sender) =>
        new DeliveryEngine({
          deliveries: new DeliveryStore(store),
          leases: new LeaseStore(store),
          sender,
          clock: wallClock,
          log: silentLogger,
          tenants: [tenant],
          tenantRps: 50,
          pollMs: 20,
          urgentPollMs: 20,
        }),
    );
    for (const e of engines) e.start();
    try {
      for (let i = 0; i < 5; i++)
        await deliveries.enqueue(
          tenant,
          { id: `talk-${i}`, label: 'Talk request', urgent: true },
          talkItems(),
          wallClock.now(),
        );
      for (let i = 0; i < 5; i++) await untilFinished(deliveries, `talk-${i}`, 20_000);
      await untilFinished(deliveries, 'talk-dead', 20_000);
    } finally {
      await Promise.all(engines.map((e) => e.stop()));
    }
    const written = senders.flatMap((s) => s.written);
    expect(written).toHaveLength(12);
    expect(new Set(written.map((w) => w.id)).size).toBe(12);
    expect(new Set(written.map((w) => w.by)).size).toBe(1);
    const taken = (await deliveries.deliveriesOf(tenant, 'talk-dead')).find(
      (d) => d.key.row === abandoned!.key.row,
    );
    expect(taken!.value).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
