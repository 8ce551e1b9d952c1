/**
 * Finds due deliveries in the outbox without reading every occurrence on every pass (issue 21: a
 * post to 1,000 classes is 1,000 occurrences, and one pass read 1,000 partitions one after
 * another). Only the tenant's sender scans, and while it holds the lease nothing else changes
 * deliveries except by adding work, which rewrites the occurrence's row in the active list. So
 * after reading an occurrence the scanner remembers that row's etag and when the occurrence has
 * something due that the sender does not already hold (a retry's time, the end of a claim); a
 * pass reads the active list (one partition) and then only occurrences that are new, changed,
 * due by then, or marked by the engine (a delivery it handed back, lost, or finished). A new
 * term as sender starts from nothing, and every `fullEveryMs` a pass reads everything anyway.
 */
import type { Delivery } from '../../core/delivery/delivery.js';
import type { Stored } from '../../core/ports/table-store.js';
import {
  classifyDue,
  type ActiveOccurrence,
  type DeliveryStore,
} from '../../core/stores/delivery-store.js';

interface Known {
  etag: string;
  /** When something of it not in the sender's hands falls due (Infinity: nothing). */
  nextAt: number;
}

/** Occurrences read side by side in a pass. */
const concurrency = 8;

export class OutboxScanner {
  readonly #known = new Map<string, Known>();
  readonly #marked = new Set<string>();
  /** Due deliveries from occurrences read by someone else (a new sender's history read). */
  #seeded: Stored<Delivery>[] = [];
  #lastFull = -Infinity;

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly tenantId: string,
    private readonly owner: string,
    private readonly track: <T>(call: Promise<T>) => Promise<T>,
    private readonly fullEveryMs = 5 * 60_000,
  ) {}

  /** Forgets everything read (a new term as sender). */
  reset(): void {
    this.#known.clear();
    this.#marked.clear();
    this.#seeded = [];
    // A new term's first pass reads what the history read did not (see `seed`): not a full one.
    this.#lastFull = -Infinity;
  }

  /**
   * An active occurrence's deliveries, read at `now` by a new sender's history read: the next
   * pass hands out its due deliveries and does not read it again (one read per occurrence at the
   * start of a term, not two). Left to the pass when reading it must also write something (a
   * hold given up, or nothing left open: it leaves the active list).
   */
  seed(row: ActiveOccurrence, deliveries: Stored<Delivery>[], now: number): void {
    const c = classifyDue(deliveries, now, this.owner);
    if (c.expiredHolds.length > 0 || c.open === 0) return;
    this.#known.set(row.id, { etag: row.etag, nextAt: c.nextAt });
    this.#seeded.push(...c.due);
  }

  /** The next pass reads this occurrence again. */
  mark(occurrenceId: string): void {
    this.#marked.add(occurrenceId);
  }

  /** How many occurrences the last pass read (for tests and the bench). */
  lastReads = 0;

  /**
   * One pass: due deliveries a batch at a time as occurrences are read, so the first go out
   * while the rest is read.
   */
  async *pass(now: Date): AsyncIterable<Stored<Delivery>[]> {
    const t = now.getTime();
    const seeded = this.#seeded.splice(0);
    if (seeded.length > 0) yield seeded;
    // The first pass of a term after a history read is not a full one: it has just been read.
    if (this.#lastFull === -Infinity && this.#known.size > 0) this.#lastFull = t;
    const full = t - this.#lastFull >= this.fullEveryMs;
    if (full) this.#lastFull = t;
    const rows = await this.track(this.deliveries.activeOccurrences(this.tenantId));
    const listed = new Set(rows.map((r) => r.id));
    for (const id of this.#known.keys()) if (!listed.has(id)) this.#known.delete(id);
    const toRead = rows.filter((r) => {
      const known = this.#known.get(r.id);
      return full || this.#marked.has(r.id) || !known || known.etag !== r.etag || known.nextAt <= t;
    });
    this.lastReads = toRead.length;
    for (const r of toRead) this.#marked.delete(r.id);
    // A few at a time, each read's due deliveries handed out as soon as it is done.
    for (let i = 0; i < toRead.length; i += concurrency) {
      const batch = toRead.slice(i, i + concurrency);
      const pages = await Promise.all(batch.map((r) => this.#read(r, now)));
      yield pages.flat();
    }
  }

  async #read(row: ActiveOccurrence, now: Date): Promise<Stored<Delivery>[]> {
    const scanned = { nextAt: Infinity };
    const due: Stored<Delivery>[] = [];
    try {
      await this.track(
        (async () => {
          for await (const page of this.deliveries.duePagesOf(this.tenantId, row.id, now, {
            takeOverAs: this.owner,
            since: row.since,
            scanned,
            pageSize: 1_000,
          }))
            due.push(...page);
        })(),
      );
    } catch (e) {
      this.#known.delete(row.id);
      throw e;
    }
    this.#known.set(row.id, { etag: row.etag, nextAt: scanned.nextAt });
    return due;
  }
}
