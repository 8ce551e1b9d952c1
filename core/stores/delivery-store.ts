import {
  summarise,
  type Delivery,
  type DeliveryContent,
  type DeliveryTarget,
  type Occurrence,
  type OccurrenceProgress,
} from '../delivery/delivery.js';
import { BelongError, isBelongError, isLostRace } from '../errors.js';
import {
  classifyDue,
  emptyGraceMs,
  forEachConcurrently,
  readConcurrency,
  type ActiveOccurrence,
} from './outbox-reading.js';
import {
  maxTransactOps,
  type EntityKey,
  type Stored,
  type TableStore,
} from '../ports/table-store.js';

export interface FanOutItem {
  targetKey: string;
  target: DeliveryTarget;
  content: DeliveryContent;
}

interface QueuedWrite {
  key: EntityKey;
  value: Delivery;
  etag: string;
  resolve(etag: string | undefined): void;
  reject(e: unknown): void;
}

const utf8 = new TextEncoder();

/**
 * Up to 100 writes (a transaction's limit) of distinct rows, taken off the queue. At most about
 * 768 KB of UTF-8: Azure refuses a transaction over 4 MiB, and a long non-ASCII value (a card in
 * Urdu or Polish) is sent escaped, up to 3.5 times its UTF-8 size.
 */
function takeBatch<W extends { key: EntityKey; value: Delivery }>(queue: W[]): W[] {
  const rows = new Set<string>();
  let bytes = 0;
  let n = 0;
  for (const w of queue) {
    bytes += utf8.encode(JSON.stringify(w.value)).length;
    if (n > 0 && (n >= maxTransactOps || rows.has(w.key.row) || bytes > 768 * 1024)) break;
    rows.add(w.key.row);
    n++;
  }
  return queue.splice(0, n);
}

/** The tenant's list of occurrences with work left: where the delivery engine looks for work. */
const activeList = 'active';
/**
 * The urgent (safeguarding) ones among them, listed again on their own: a small partition the
 * engine reads every half second, whatever else the outbox holds (decision 020).
 */
const urgentList = 'active-urgent';

/**
 * The durable outbox. Deliveries of one occurrence share a partition (a class-sized fan-out is
 * one partition); occurrences with work left are listed in the tenant's `active` partition, which
 * is where workers look for work, and urgent ones in `active-urgent` as well.
 */
export class DeliveryStore {
  /**
   * Writes waiting for their partition's current write to finish (see #replace). A partition is
   * here exactly while its queue is being drained.
   */
  readonly #writes = new Map<string, QueuedWrite[]>();

  constructor(private readonly store: TableStore) {}

  /**
   * Puts a fan-out in the outbox. Idempotent: a delivery that already exists (same occurrence and
   * target) is left exactly as it is, so re-running a scheduler tick never posts twice.
   * `urgent`: safeguarding messages, which the engine picks up within about a second, from any
   * instance, and sends ahead of everything else (decision 020).
   */
  async enqueue(
    tenantId: string,
    occurrence: { id: string; label: string; teamId?: string; urgent?: boolean },
    items: FanOutItem[],
    now: Date,
    options: { holdMs?: number } = {},
  ): Promise<void> {
    if (!items.length) throw new BelongError('invalidInput', 'A fan-out needs at least one target');
    const keys = new Set(items.map((i) => i.targetKey));
    if (keys.size !== items.length)
      throw new BelongError('invalidInput', 'A fan-out names the same target twice');
    const iso = now.toISOString();
    const urgent = occurrence.urgent === true;
    const listActive = () =>
      Promise.all(
        (urgent ? [activeList, urgentList] : [activeList]).map((partition) =>
          this.store.upsert(
            'deliveries',
            { tenantId, partition, row: occurrence.id },
            { since: iso },
          ),
        ),
      );
    // Active first: a crash after this leaves an occurrence with fewer deliveries, never orphans.
    await listActive();
    await this.store
      .insert<Occurrence>(
        'deliveries',
        { tenantId, partition: 'occurrences', row: occurrence.id },
        {
          id: occurrence.id,
          label: occurrence.label,
          ...(occurrence.teamId ? { teamId: occurrence.teamId } : {}),
          ...(urgent ? { urgent } : {}),
          total: items.length,
          createdAt: iso,
        },
      )
      .catch((e: unknown) => {
        if (!isBelongError(e, 'conflict')) throw e;
      });
    const partition = `occ:${occurrence.id}`;
    const rows = items.map((item) => ({
      key: { tenantId, partition, row: item.targetKey },
      value: {
        id: `${occurrence.id}/${item.targetKey}`,
        occurrenceId: occurrence.id,
        targetKey: item.targetKey,
        target: item.target,
        content: item.content,
        status: 'pending',
        attempts: 0,
        notBefore: iso,
        ...(urgent ? { urgent } : {}),
        ...(options.holdMs !== undefined
          ? { heldUntil: new Date(now.getTime() + options.holdMs).toISOString() }
          : {}),
        createdAt: iso,
        updatedAt: iso,
      } satisfies Delivery,
    }));
    const insertOne = (r: (typeof rows)[number]) =>
      this.store.insert('deliveries', r.key, r.value).catch((e: unknown) => {
        if (!isBelongError(e, 'conflict')) throw e;
      });
    // A transaction per batch (1,000 deliveries in about ten writes, not a thousand). A batch with
    // a delivery that already exists (a scheduler tick run again) is refused as a whole: then each
    // of its deliveries is inserted alone, and the existing ones are left as they are.
    const worker = async () => {
      for (let batch = takeBatch(rows); batch.length > 0; batch = takeBatch(rows)) {
        try {
          await this.store.transact(
            'deliveries',
            tenantId,
            partition,
            batch.map((r) => ({ op: 'insert', row: r.key.row, value: r.value })),
          );
        } catch {
          await Promise.all(batch.map(insertOne));
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    // Again at the end: a worker may have found every earlier delivery final and dropped the
    // occurrence from the active list while these were being added.
    await listActive();
  }

  async activeOccurrenceIds(tenantId: string): Promise<string[]> {
    return (await this.activeOccurrences(tenantId)).map((r) => r.id);
  }

  /**
   * The active list as rows: an occurrence's `etag` changes whenever work is added to it (enqueue
   * and `release` write its row again), so a sender can skip an occurrence it has read and whose
   * deliveries are all in its own hands (server/delivery/outbox-scanner.ts).
   */
  async activeOccurrences(tenantId: string): Promise<ActiveOccurrence[]> {
    return (await this.store.list<{ since: string }>('deliveries', tenantId, activeList)).map(
      (r) => ({ id: r.key.row, etag: r.etag, since: Date.parse(r.value.since) || 0 }),
    );
  }

  /**
   * Lets the held deliveries of an occurrence go (see `enqueue`'s `holdMs`): the second step of
   * a post whose record must exist before anything is sent (a check-in). Returns how many were
   * released; 0 when they were already released, sent, or given up as never confirmed.
   */
  async release(tenantId: string, occurrenceId: string, now: Date): Promise<number> {
    let released = 0;
    for (const d of await this.deliveriesOf(tenantId, occurrenceId)) {
      if (d.value.status !== 'pending' || d.value.heldUntil === undefined) continue;
      const { heldUntil: _held, ...rest } = d.value;
      const value: Delivery = {
        ...rest,
        notBefore: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      if ((await this.#replace(d.key, value, d.etag)) !== undefined) released++;
    }
    // Written again, so that a sender that had read this occurrence reads it once more.
    if (released > 0)
      await this.store.upsert(
        'deliveries',
        { tenantId, partition: activeList, row: occurrenceId },
        { since: now.toISOString() },
      );
    return released;
  }

  /** The urgent ones among `activeOccurrenceIds` (listed on their own, so reading them is quick). */
  async urgentOccurrenceIds(tenantId: string): Promise<string[]> {
    return (await this.store.list('deliveries', tenantId, urgentList)).map((r) => r.key.row);
  }

  async deliveriesOf(tenantId: string, occurrenceId: string): Promise<Stored<Delivery>[]> {
    return this.store.list<Delivery>('deliveries', tenantId, `occ:${occurrenceId}`);
  }

  /**
   * Requests Teams has counted since `since`, as (delivery id, target, time), so that a new sender can
   * pick up the rate windows where the last one left them (decision 007): sent deliveries at
   * their `sentAt`; ones still `sending` (perhaps sent by an instance that died, at any moment of
   * its claim) at the end of their claim, or `now` if that is later, which is the safe side.
   * Looks at occurrences with work left and those created in the last `lookbackMs` (default a
   * day: a fan-out held up by an outage may be sent hours after it was made).
   */
  async sentSince(
    tenantId: string,
    since: Date,
    now: Date,
    lookbackMs = 24 * 3_600_000,
    /** Given each active occurrence's deliveries as read, so the caller need not read them again. */
    onActive?: (occurrence: ActiveOccurrence, deliveries: Stored<Delivery>[]) => void,
  ): Promise<{ id: string; target: DeliveryTarget; at: number }[]> {
    const activeRows = new Map((await this.activeOccurrences(tenantId)).map((r) => [r.id, r]));
    const active = new Set(activeRows.keys());
    const createdAfter = since.getTime() - lookbackMs;
    const occurrences = await this.store.list<Occurrence>('deliveries', tenantId, 'occurrences');
    const ids = occurrences
      .filter((o) => active.has(o.key.row) || Date.parse(o.value.createdAt) >= createdAfter)
      .map((o) => o.key.row);
    const out: { id: string; target: DeliveryTarget; at: number }[] = [];
    // Side by side: a post to 1,000 classes is 1,000 partitions, and a new sender sends nothing
    // until they are read (one after another they took seconds: issue 21).
    await forEachConcurrently(ids, readConcurrency, async (id) => {
      const deliveries = await this.deliveriesOf(tenantId, id);
      const row = activeRows.get(id);
      if (row) onActive?.(row, deliveries);
      for (const { value: d } of deliveries) {
        const at =
          d.status === 'sent'
            ? Date.parse(d.sentAt ?? '')
            : d.status === 'sending'
              ? Math.min(Date.parse(d.claimedUntil ?? '') || now.getTime(), now.getTime())
              : Number.NaN;
        if (at >= since.getTime()) out.push({ id: d.id, target: d.target, at });
      }
    });
    return out;
  }

  /**
   * Deliveries that may be sent now: pending and due, or claimed by someone whose claim ran out.
   * `takeOverAs` = the caller holds the tenant's sender lease, so claims by any other owner are
   * abandoned and can be taken over at once.
   */
  async due(tenantId: string, now: Date, takeOverAs?: string): Promise<Stored<Delivery>[]> {
    const out: Stored<Delivery>[] = [];
    for await (const page of this.duePages(tenantId, now, takeOverAs)) out.push(...page);
    return out;
  }

  /**
   * `due`, a page at a time as the outbox is read (pages may be empty), so that a sender can
   * start on the first deliveries of a 1,000-channel fan-out before the rest has been read.
   */
  async *duePages(
    tenantId: string,
    now: Date,
    takeOverAs?: string,
    pageSize = 100,
  ): AsyncIterable<Stored<Delivery>[]> {
    for (const { id, since } of await this.activeOccurrences(tenantId))
      yield* this.duePagesOf(tenantId, id, now, { takeOverAs, pageSize, since });
  }

  /**
   * The due deliveries of urgent occurrences only (as `due`): a read of the small `active-urgent`
   * list and of those occurrences, however many other occurrences the outbox holds. A finished
   * urgent occurrence leaves both lists.
   */
  async urgentDue(tenantId: string, now: Date, takeOverAs?: string): Promise<Stored<Delivery>[]> {
    const lists = [urgentList, activeList];
    // Side by side: each is a request or two, and they are few.
    const rows = await this.store.list<{ since: string }>('deliveries', tenantId, urgentList);
    const perOccurrence = await Promise.all(
      rows.map(async (row) => {
        const out: Stored<Delivery>[] = [];
        for await (const page of this.duePagesOf(tenantId, row.key.row, now, {
          takeOverAs,
          lists,
          since: Date.parse(row.value.since) || 0,
        }))
          out.push(...page);
        return out;
      }),
    );
    return perOccurrence.flat();
  }

  /**
   * One occurrence's due deliveries, a page at a time; when none is left, it leaves `lists`
   * (default: the active list). `scanned.nextAt` is set to when the earliest of its open
   * deliveries that was not returned becomes due (a retry's time, the end of `takeOverAs`'s own
   * claim, a hold's end), or Infinity. A held delivery never released by `heldUntil` is given up
   * (`failed`, "never confirmed"); an occurrence with no deliveries at all leaves the lists once
   * its row is `emptyGraceMs` old (a crash during `enqueue`).
   */
  async *duePagesOf(
    tenantId: string,
    occurrenceId: string,
    now: Date,
    options: {
      takeOverAs?: string | undefined;
      pageSize?: number;
      lists?: string[];
      since?: number;
      scanned?: { nextAt: number };
    } = {},
  ): AsyncIterable<Stored<Delivery>[]> {
    const { takeOverAs, pageSize = 100, lists = [activeList], since = 0 } = options;
    const t = now.getTime();
    let seen = 0;
    let open = 0;
    let nextAt = Infinity;
    for await (const page of this.store.listPages<Delivery>(
      'deliveries',
      tenantId,
      `occ:${occurrenceId}`,
      pageSize,
    )) {
      seen += page.length;
      const c = classifyDue(page, t, takeOverAs);
      open += c.open;
      nextAt = Math.min(nextAt, c.nextAt);
      // Held and never let go: its owner crashed between writing it and the record it belongs
      // to. Given up and shown as failed, never sent for a record that may not exist.
      for (const d of c.expiredHolds) {
        const { heldUntil: _h, ...rest } = d.value;
        const value: Delivery = {
          ...rest,
          status: 'failed',
          reason: 'never confirmed',
          updatedAt: now.toISOString(),
        };
        if ((await this.#replace(d.key, value, d.etag)) === undefined) open++;
      }
      yield c.due;
    }
    if (options.scanned) options.scanned.nextAt = nextAt;
    if ((seen > 0 && open === 0) || (seen === 0 && t - since >= emptyGraceMs)) {
      for (const partition of lists)
        await this.store.delete('deliveries', { tenantId, partition, row: occurrenceId });
    }
  }

  /** Claims a delivery for sending; undefined when someone else changed it first. */
  async claim(
    tenantId: string,
    stored: Stored<Delivery>,
    owner: string,
    until: Date,
    now: Date,
  ): Promise<Stored<Delivery> | undefined> {
    const value: Delivery = {
      ...stored.value,
      status: 'sending',
      attempts: stored.value.attempts + 1,
      claimedBy: owner,
      claimedUntil: until.toISOString(),
      updatedAt: now.toISOString(),
    };
    const etag = await this.#replace(stored.key, value, stored.etag);
    return etag === undefined ? undefined : { key: stored.key, value, etag };
  }

  /**
   * Records the outcome of a claimed delivery, and returns it as stored now; undefined when the
   * claim was lost meanwhile.
   */
  async settle(
    stored: Stored<Delivery>,
    outcome:
      | { status: 'sent'; conversationId?: string; activityId?: string }
      | { status: 'pending'; notBefore: Date; reason: string; undoAttempt?: boolean }
      | { status: 'failed' | 'removed'; reason: string },
    now: Date,
  ): Promise<Stored<Delivery> | undefined> {
    const { claimedBy: _by, claimedUntil: _until, ...rest } = stored.value;
    const value: Delivery = { ...rest, status: outcome.status, updatedAt: now.toISOString() };
    if (outcome.status === 'sent') {
      if (outcome.conversationId) value.conversationId = outcome.conversationId;
      if (outcome.activityId) value.activityId = outcome.activityId;
      value.sentAt = now.toISOString();
      delete value.reason;
    } else if (outcome.status === 'pending') {
      value.notBefore = outcome.notBefore.toISOString();
      value.reason = outcome.reason;
      // Handed back without sending: the claim's attempt didn't happen.
      if (outcome.undoAttempt) value.attempts = Math.max(0, value.attempts - 1);
    } else {
      value.reason = outcome.reason;
    }
    const etag = await this.#replace(stored.key, value, stored.etag);
    return etag === undefined ? undefined : { key: stored.key, value, etag };
  }

  /**
   * Replaces one delivery if its etag still matches: the new etag, or undefined when someone
   * changed it first. Group commit: while one write to a fan-out's partition is in progress, the
   * writes that arrive meanwhile (claims and outcomes of other deliveries) wait and then go
   * together in one entity-group transaction. A lone write goes at once, so nothing waits longer
   * than one write; a burst of 50 costs a few transactions instead of 50 round trips, and a post
   * Teams accepted is recorded sooner (less to send twice if the instance dies).
   */
  #replace(key: EntityKey, value: Delivery, etag: string): Promise<string | undefined> {
    const queueKey = `${key.tenantId}\u0000${key.partition}`;
    const draining = this.#writes.get(queueKey);
    const queue = draining ?? [];
    const done = new Promise<string | undefined>((resolve, reject) =>
      queue.push({ key, value, etag, resolve, reject }),
    );
    if (!draining) {
      this.#writes.set(queueKey, queue);
      void this.#drain(queueKey, queue);
    }
    return done;
  }

  async #drain(queueKey: string, queue: QueuedWrite[]): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch(queue);
      try {
        await this.#write(batch);
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    this.#writes.delete(queueKey);
  }

  /** Writes a batch; resolves each write with its etag, or undefined if it lost a race. */
  async #write(batch: QueuedWrite[]): Promise<void> {
    if (batch.length > 1) {
      const { tenantId, partition } = batch[0]!.key;
      try {
        const etags = await this.store.transact(
          'deliveries',
          tenantId,
          partition,
          batch.map((w) => ({ op: 'replace', row: w.key.row, value: w.value, etag: w.etag })),
        );
        // The same as a single write with no etag back: '' (the next write with it is refused).
        for (const w of batch) w.resolve(etags[w.key.row] ?? '');
        return;
      } catch {
        // None was written: one of them lost a race, or the batch was refused as a whole (too
        // large, or storage trouble). Write each alone: the losers learn it, the rest go.
      }
    }
    await Promise.all(
      batch.map(async (w) => {
        try {
          w.resolve(await this.store.replace('deliveries', w.key, w.value, w.etag));
        } catch (e) {
          if (isLostRace(e)) w.resolve(undefined);
          else w.reject(e);
        }
      }),
    );
  }

  async progress(tenantId: string, occurrenceId: string): Promise<OccurrenceProgress | undefined> {
    const occurrence = await this.store.get<Occurrence>('deliveries', {
      tenantId,
      partition: 'occurrences',
      row: occurrenceId,
    });
    if (!occurrence) return undefined;
    const deliveries = await this.deliveriesOf(tenantId, occurrenceId);
    return summarise(
      occurrence.value,
      deliveries.map((d) => d.value),
    );
  }
}

export { classifyDue, emptyGraceMs, forEachConcurrently, type ActiveOccurrence };
