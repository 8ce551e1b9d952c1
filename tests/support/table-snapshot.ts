/**
 * Everything a test's tables hold, read straight from Azurite (not through Belong's stores), as
 * one line per entity with its etag: any write, even one that puts back the same value, shows.
 */
import { TableClient } from '@azure/data-tables';
import { inject } from 'vitest';
import { tableNames } from '../../core/ports/table-store.js';

export type TableSnapshot = () => Promise<string[]>;

export function tableSnapshot(prefix: string): TableSnapshot {
  const { connectionString } = inject('azurite');
  const clients = tableNames.map((name) => ({
    name,
    client: TableClient.fromConnectionString(
      connectionString,
      `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`,
      { allowInsecureConnection: true },
    ),
  }));
  return async () => {
    const tables = await Promise.all(
      clients.map(async ({ name, client }) => {
        const lines: string[] = [];
        try {
          for await (const row of client.listEntities())
            lines.push(`${name} ${row.partitionKey} ${row.rowKey} ${row.etag}`);
        } catch (e) {
          // A table nothing has written to yet does not exist: it holds nothing.
          if ((e as { statusCode?: number }).statusCode !== 404) throw e;
        }
        return lines;
      }),
    );
    return tables.flat().sort();
  };
}
