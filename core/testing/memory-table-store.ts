/**
 * In-memory TableStore for unit tests only. It passes the same contract suite as the Azure
 * Tables adapter (core/testing/table-store-contract.ts), so it cannot drift from the real thing.
 */
import { BelongError } from '../errors.js';
import {
  assertKey,
  assertPageSize,
  encodeKeyPart,
  type EntityKey,
  type EntityValue,
  type Stored,
  type TableName,
  type TableStore,
  type TransactOp,
  assertTransact,
} from '../ports/table-store.js';

interface Row {
  value: string;
  etag: string;
}

export class MemoryTableStore implements TableStore {
  readonly #rows = new Map<string, Row>();
  #version = 0;

  #id(table: TableName, key: EntityKey): string {
    assertKey(key);
    return JSON.stringify([table, key.tenantId, key.partition, key.row]);
  }

  #write(id: string, value: EntityValue): string {
    const etag = `W/"${++this.#version}"`;
    // Stored as JSON so callers can't mutate what is stored, as with a real table.
    this.#rows.set(id, { value: JSON.stringify(value), etag });
    return etag;
  }

  async get<T extends EntityValue>(
    table: TableName,
    key: EntityKey,
  ): Promise<Stored<T> | undefined> {
    const row = this.#rows.get(this.#id(table, key));
    return row ? { key: { ...key }, value: JSON.parse(row.value) as T, etag: row.etag } : undefined;
  }

  async upsert<T extends EntityValue>(table: TableName, key: EntityKey, value: T): Promise<string> {
    return this.#write(this.#id(table, key), value);
  }

  async insert<T extends EntityValue>(table: TableName, key: EntityKey, value: T): Promise<string> {
    const id = this.#id(table, key);
    if (this.#rows.has(id)) throw new BelongError('conflict', `${table} entity already exists`);
    return this.#write(id, value);
  }

  async replace<T extends EntityValue>(
    table: TableName,
    key: EntityKey,
    value: T,
    etag: string,
  ): Promise<string> {
    const id = this.#id(table, key);
    const row = this.#rows.get(id);
    if (!row) throw new BelongError('notFound', `${table} entity not found`);
    if (row.etag !== etag) throw new BelongError('preconditionFailed', `${table} entity changed`);
    return this.#write(id, value);
  }

  async delete(table: TableName, key: EntityKey): Promise<boolean> {
    return this.#rows.delete(this.#id(table, key));
  }

  async transact(
    table: TableName,
    tenantId: string,
    partition: string,
    ops: readonly TransactOp[],
  ): Promise<Record<string, string>> {
    assertTransact(tenantId, partition, ops);
    const idOf = (row: string) => this.#id(table, { tenantId, partition, row });
    for (const op of ops) {
      const current = this.#rows.get(idOf(op.row));
      if (op.op === 'insert' && current) {
        throw new BelongError('conflict', `${table} entity already exists`);
      }
      if ((op.op === 'replace' || op.op === 'delete') && !current) {
        throw new BelongError('notFound', `${table} entity not found`);
      }
      if (op.op === 'replace' && current!.etag !== op.etag) {
        throw new BelongError('preconditionFailed', `${table} entity changed`);
      }
    }
    const etags: Record<string, string> = {};
    for (const op of ops) {
      if (op.op === 'delete') this.#rows.delete(idOf(op.row));
      else etags[op.row] = this.#write(idOf(op.row), op.value);
    }
    return etags;
  }

  async list<T extends EntityValue>(
    table: TableName,
    tenantId: string,
    partition: string,
  ): Promise<Stored<T>[]> {
    assertKey({ tenantId, partition, row: '-' });
    const out: Stored<T>[] = [];
    for (const [id, row] of this.#rows) {
      const [t, tenant, part, rowKey] = JSON.parse(id) as [string, string, string, string];
      if (t === table && tenant === tenantId && part === partition) {
        out.push({
          key: { tenantId, partition, row: rowKey },
          value: JSON.parse(row.value) as T,
          etag: row.etag,
        });
      }
    }
    // Azure Tables orders by the stored (encoded) row key, compared as UTF-16 code units.
    const sortKey = (s: Stored<T>) => encodeKeyPart(s.key.row);
    return out.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  }

  async *listPages<T extends EntityValue>(
    table: TableName,
    tenantId: string,
    partition: string,
    pageSize: number,
  ): AsyncIterable<Stored<T>[]> {
    assertPageSize(pageSize);
    const all = await this.list<T>(table, tenantId, partition);
    for (let i = 0; i < all.length; i += pageSize) yield all.slice(i, i + pageSize);
  }
}
