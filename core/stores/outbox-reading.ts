/**
 * Reading the outbox (decision 030): which of an occurrence's deliveries a sender may take, and
 * reading many partitions side by side. Pure, apart from `forEachConcurrently`'s calls.
 */
import type { Delivery } from '../delivery/delivery.js';
import type { Stored } from '../ports/table-store.js';

/** Statuses a delivery never leaves. */
export const finalStatuses = new Set(['sent', 'failed', 'removed']);

/** An occurrence in the tenant's active list (see `DeliveryStore.activeOccurrences`). */
export interface ActiveOccurrence {
  id: string;
  etag: string;
  /** When its row was last written (ms). */
  since: number;
}

/**
 * An active occurrence with no deliveries this long after its row was written is dropped from
 * the list: its `enqueue` died before writing any (issue 21). Long enough for any enqueue to end.
 */
export const emptyGraceMs = 5 * 60_000;

/** How many partitions are read side by side when many must be read (a new sender's history). */
export const readConcurrency = 32;

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * What a sender may take from some of an occurrence's deliveries at `t`: the due ones (pending
 * and due, or claimed by someone whose claim ran out, or by anyone but `takeOverAs`), how many
 * are open, when the earliest open one not returned falls due, and the held ones never let go.
 */
export function classifyDue(
  deliveries: readonly Stored<Delivery>[],
  t: number,
  takeOverAs?: string,
): { due: Stored<Delivery>[]; open: number; nextAt: number; expiredHolds: Stored<Delivery>[] } {
  const due: Stored<Delivery>[] = [];
  const expiredHolds: Stored<Delivery>[] = [];
  let open = 0;
  let nextAt = Infinity;
  for (const d of deliveries) {
    const v = d.value;
    if (finalStatuses.has(v.status)) continue;
    const held = v.status === 'pending' ? v.heldUntil : undefined;
    if (held !== undefined && Date.parse(held) <= t) {
      expiredHolds.push(d);
      continue;
    }
    open++;
    if (held !== undefined) {
      nextAt = Math.min(nextAt, Date.parse(held));
      continue;
    }
    const claimUntil = Date.parse(v.claimedUntil ?? '');
    const claimExpired =
      v.status === 'sending' &&
      ((takeOverAs !== undefined && v.claimedBy !== takeOverAs) || claimUntil <= t);
    if ((v.status === 'pending' && Date.parse(v.notBefore) <= t) || claimExpired) due.push(d);
    else nextAt = Math.min(nextAt, v.status === 'pending' ? Date.parse(v.notBefore) : claimUntil);
  }
  return { due, open, nextAt, expiredHolds };
}
