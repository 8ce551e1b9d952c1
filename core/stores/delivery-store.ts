import {
  summarise,
  type Delivery,
  type DeliveryContent,
  type DeliveryTarget,
  type Occurrence,
  type OccurrenceProgress,
} from '../delivery/delivery.js';
import { BelongError, isBelongError, isLostRace } from '../errors.js';
import type { Stored, TableStore } from '../ports/table-store.js';

export interface FanOutItem {
  targetKey: string;
  target: DeliveryTarget;
  content: DeliveryContent;
}

const final = new Set(['sent', 'failed', 'removed']);

/**
 * The durable outbox. Deliveries of one occurrence share a partition (a class-sized fan-out is
 * one partition); occurrences with work left are listed in the tenant's `active` partition, which
 * is where workers look for work.
 */
export class DeliveryStore {
  constructor(private readonly store: TableStore) {}

  /**
   * Puts a fan-out in the outbox. Idempotent: a delivery that already exists (same occurrence and
   * target) is left exactly as it is, so re-running a scheduler tick never posts twice.
   */
  async enqueue(
    tenantId: string,
    occurrence: { id: string; label: string; teamId?: string },
    items: FanOutItem[],
    now: Date,
  ): Promise<void> {
    if (!items.length) throw new BelongError('invalidInput', 'A fan-out needs at least one target');
    const keys = new Set(items.map((i) => i.targetKey));
    if (keys.size !== items.length)
      throw new BelongError('invalidInput', 'A fan-out names the same target twice');
    const iso = now.toISOString();
    // Active first: a crash after this leaves an occurrence with fewer deliveries, never orphans.
    await this.store.upsert(
      'deliveries',
      { tenantId, partition: 'active', row: occurrence.id },
      { since: iso },
    );
    await this.store
      .insert<Occurrence>(
        'deliveries',
        { tenantId, partition: 'occurrences', row: occurrence.id },
        {
          id: occurrence.id,
          label: occurrence.label,
          ...(occurrence.teamId ? { teamId: occurrence.teamId } : {}),
          total: items.length,
          createdAt: iso,
        },
      )
      .catch((e: unknown) => {
        if (!isBelongError(e, 'conflict')) throw e;
      });
    const queue = [...items];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const delivery: Delivery = {
          id: `${occurrence.id}/${item.targetKey}`,
          occurrenceId: occurrence.id,
          targetKey: item.targetKey,
          target: item.target,
          content: item.content,
          status: 'pending',
          attempts: 0,
          notBefore: iso,
          createdAt: iso,
          updatedAt: iso,
        };
        await this.store
          .insert(
            'deliveries',
            { tenantId, partition: `occ:${occurrence.id}`, row: item.targetKey },
            delivery,
          )
          .catch((e: unknown) => {
            if (!isBelongError(e, 'conflict')) throw e;
          });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    // Again at the end: a worker may have found every earlier delivery final and dropped the
    // occurrence from the active list while these were being added.
    await this.store.upsert(
      'deliveries',
      { tenantId, partition: 'active', row: occurrence.id },
      { since: iso },
    );
  }

  async activeOccurrenceIds(tenantId: string): Promise<string[]> {
    return (await this.store.list('deliveries', tenantId, 'active')).map((r) => r.key.row);
  }

  async deliveriesOf(tenantId: string, occurrenceId: string): Promise<Stored<Delivery>[]> {
    return this.store.list<Delivery>('deliveries', tenantId, `occ:${occurrenceId}`);
  }

  /**
   * Requests Teams has counted since `since`, as (target, time) pairs, so that a new sender can
   * pick up the rate windows where the last one left them (decision 007): sent deliveries at
   * their `sentAt`, and ones still `sending` (perhaps sent by an instance that crashed) at their
   * claim. Looks at occurrences with work left and those created in the last `lookbackMs`
   * (default 3 h, more than a delivery's retries can last).
   */
  async sentSince(
    tenantId: string,
    since: Date,
    lookbackMs = 3 * 3_600_000,
  ): Promise<{ target: DeliveryTarget; at: number }[]> {
    const active = new Set(await this.activeOccurrenceIds(tenantId));
    const createdAfter = since.getTime() - lookbackMs;
    const occurrences = await this.store.list<Occurrence>('deliveries', tenantId, 'occurrences');
    const ids = occurrences
      .filter((o) => active.has(o.key.row) || Date.parse(o.value.createdAt) >= createdAfter)
      .map((o) => o.key.row);
    const out: { target: DeliveryTarget; at: number }[] = [];
    for (const id of ids) {
      for (const { value: d } of await this.deliveriesOf(tenantId, id)) {
        const at = Date.parse(
          (d.status === 'sent' ? d.sentAt : d.status === 'sending' ? d.updatedAt : '') ?? '',
        );
        if (at >= since.getTime()) out.push({ target: d.target, at });
      }
    }
    return out;
  }

  /**
   * Deliveries that may be sent now: pending and due, or claimed by someone whose claim ran out.
   * `takeOverAs` = the caller holds the tenant's sender lease, so claims by any other owner are
   * abandoned and can be taken over at once.
   */
  async due(tenantId: string, now: Date, takeOverAs?: string): Promise<Stored<Delivery>[]> {
    const out: Stored<Delivery>[] = [];
    for (const occurrenceId of await this.activeOccurrenceIds(tenantId)) {
      const deliveries = await this.deliveriesOf(tenantId, occurrenceId);
      const open = deliveries.filter((d) => !final.has(d.value.status));
      if (deliveries.length && !open.length) {
        await this.store.delete('deliveries', { tenantId, partition: 'active', row: occurrenceId });
        continue;
      }
      for (const d of open) {
        const claimExpired =
          d.value.status === 'sending' &&
          ((takeOverAs !== undefined && d.value.claimedBy !== takeOverAs) ||
            Date.parse(d.value.claimedUntil ?? '') <= now.getTime());
        if (
          (d.value.status === 'pending' && Date.parse(d.value.notBefore) <= now.getTime()) ||
          claimExpired
        ) {
          out.push(d);
        }
      }
    }
    return out;
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
    try {
      const etag = await this.store.replace('deliveries', stored.key, value, stored.etag);
      return { key: stored.key, value, etag };
    } catch (e) {
      if (isLostRace(e)) return undefined;
      throw e;
    }
  }

  /** Records the outcome of a claimed delivery. False when the claim was lost meanwhile. */
  async settle(
    stored: Stored<Delivery>,
    outcome:
      | { status: 'sent'; conversationId?: string; activityId?: string }
      | { status: 'pending'; notBefore: Date; reason: string; undoAttempt?: boolean }
      | { status: 'failed' | 'removed'; reason: string },
    now: Date,
  ): Promise<boolean> {
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
    try {
      await this.store.replace('deliveries', stored.key, value, stored.etag);
      return true;
    } catch (e) {
      if (isLostRace(e)) return false;
      throw e;
    }
  }

  async reload(key: Stored<Delivery>['key']): Promise<Stored<Delivery> | undefined> {
    return this.store.get<Delivery>('deliveries', key);
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
