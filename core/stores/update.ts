import { BelongError, isLostRace } from '../errors.js';
import type { EntityKey, EntityValue, TableName, TableStore } from '../ports/table-store.js';

/**
 * Read–modify–write with optimistic concurrency: re-reads and retries when another writer got
 * there first, so two server instances never lose each other's updates.
 * `change` returns the new value, or undefined to leave the entity as it is.
 */
export async function updateEntity<T extends EntityValue>(
  store: TableStore,
  table: TableName,
  key: EntityKey,
  change: (current: T | undefined) => T | undefined,
  attempts = 8,
): Promise<T | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await store.get<T>(table, key);
    const next = change(current?.value);
    if (next === undefined) return current?.value;
    try {
      if (current) await store.replace(table, key, next, current.etag);
      else await store.insert(table, key, next);
      return next;
    } catch (e) {
      if (isLostRace(e)) {
        continue;
      }
      throw e;
    }
  }
  throw new BelongError(
    'unavailable',
    `${table} entity kept changing; gave up after ${attempts} attempts`,
  );
}
