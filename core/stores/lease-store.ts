import { isLostRace } from '../errors.js';
import type { TableStore } from '../ports/table-store.js';

interface LeaseEntity extends Record<string, unknown> {
  owner: string;
  until: number;
}

/**
 * Named, expiring leases per tenant, guarded by ETags: at most one owner at a time across all
 * server instances. An owner that stops renewing loses the lease when it expires.
 */
export class LeaseStore {
  constructor(private readonly store: TableStore) {}

  /** Takes or renews the lease; true when `owner` holds it until `now + ttlMs`. */
  async acquire(
    tenantId: string,
    name: string,
    owner: string,
    now: number,
    ttlMs: number,
  ): Promise<boolean> {
    const key = { tenantId, partition: 'lease', row: name };
    const current = await this.store.get<LeaseEntity>('leases', key);
    const next: LeaseEntity = { owner, until: now + ttlMs };
    try {
      if (!current) {
        await this.store.insert('leases', key, next);
        return true;
      }
      if (current.value.owner !== owner && current.value.until > now) return false;
      await this.store.replace('leases', key, next, current.etag);
      return true;
    } catch (e) {
      if (isLostRace(e)) {
        return false;
      }
      throw e;
    }
  }

  async release(tenantId: string, name: string, owner: string): Promise<void> {
    const key = { tenantId, partition: 'lease', row: name };
    const current = await this.store.get<LeaseEntity>('leases', key);
    if (current?.value.owner !== owner) return;
    await this.store
      .replace('leases', key, { owner, until: 0 }, current.etag)
      .catch(() => undefined);
  }
}
