import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';

/** A fresh, empty set of tables on the run's Azurite. */
export function uniquePrefix(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

export async function openTestStore(prefix = uniquePrefix()): Promise<AzureTableStore> {
  const { connectionString } = inject('azurite');
  return AzureTableStore.open({ kind: 'connectionString', connectionString }, prefix);
}
