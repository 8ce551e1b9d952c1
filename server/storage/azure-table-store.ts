/**
 * TableStore on Azure Table Storage (and Azurite locally and in tests). Each entity keeps its
 * value as one JSON property; PartitionKey is "<tenant>|<partition>" so every read and every
 * query is scoped to one tenant.
 */
import type {
  TableClient as TableClientType,
  TableEntity,
  TableServiceClient as TableServiceClientType,
  TableTransactionResponse,
  TransactionAction,
} from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { requireCommonJs } from '../cjs.js';
import { BelongError } from '../../core/errors.js';
import {
  assertKey,
  assertPageSize,
  assertTransact,
  encodeKeyPart,
  tableNames,
  type EntityKey,
  type EntityValue,
  type Stored,
  type TableName,
  type TableStore,
  type TransactOp,
} from '../../core/ports/table-store.js';

type Row = TableEntity<Record<string, unknown>>;
type TableClient = TableClientType;
type TableServiceClient = TableServiceClientType;

const { odata, RestError, TableClient, TableServiceClient } =
  requireCommonJs<typeof import('@azure/data-tables')>('@azure/data-tables');

/**
 * Azure Tables caps a string property at 64 KiB (32K UTF-16 characters) and an entity at 1 MiB,
 * while a card may be 80 KB: long values are split over `data0`, `data1`, … with `chunks` saying
 * how many. (Azurite does not enforce the cap, so the contract suite checks the split.)
 */
const chunkChars = 30_000;

function pack(value: unknown): Record<string, unknown> {
  let json = JSON.stringify(value);
  if (json.length <= chunkChars) return { data: json };
  // Long values are kept as ASCII (JSON \u escapes): no chunk can split a character, and Azurite
  // (which decodes request bodies in 64 KiB pieces) cannot mangle one either.
  json = json.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const props: Record<string, unknown> = {};
  let chunks = 0;
  for (let i = 0; i < json.length; i += chunkChars)
    props[`data${chunks++}`] = json.slice(i, i + chunkChars);
  props.chunks = chunks;
  return props;
}

function unpack<T>(row: Row): T {
  if (typeof row.chunks === 'number') {
    let json = '';
    for (let i = 0; i < row.chunks; i++) json += row[`data${i}`] as string;
    return JSON.parse(json) as T;
  }
  return JSON.parse(row.data as string) as T;
}

export type StorageTarget =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; accountUrl: string; credential: TokenCredential };

export class AzureTableStore implements TableStore {
  readonly #clients = new Map<TableName, TableClient>();

  private constructor(
    readonly prefix: string,
    clients: Map<TableName, TableClient>,
  ) {
    this.#clients = clients;
  }

  /** Connects and creates the tables that don't exist yet. `prefix` keeps test runs apart. */
  static async open(target: StorageTarget, prefix: string): Promise<AzureTableStore> {
    if (!/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(prefix)) {
      throw new TypeError('Table prefix must be letters and digits, starting with a letter');
    }
    const insecure = (url: string) => url.startsWith('http://');
    const clients = new Map<TableName, TableClient>();
    let service: TableServiceClient;
    for (const name of tableNames) {
      const tableName = `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`;
      let client: TableClient;
      if (target.kind === 'connectionString') {
        const endpoint = /TableEndpoint=([^;]+)/.exec(target.connectionString)?.[1] ?? '';
        client = TableClient.fromConnectionString(target.connectionString, tableName, {
          allowInsecureConnection: insecure(endpoint),
        });
      } else {
        client = new TableClient(target.accountUrl, tableName, target.credential, {
          allowInsecureConnection: insecure(target.accountUrl),
        });
      }
      clients.set(name, client);
    }
    if (target.kind === 'connectionString') {
      const endpoint = /TableEndpoint=([^;]+)/.exec(target.connectionString)?.[1] ?? '';
      service = TableServiceClient.fromConnectionString(target.connectionString, {
        allowInsecureConnection: insecure(endpoint),
      });
    } else {
      service = new TableServiceClient(target.accountUrl, target.credential, {
        allowInsecureConnection: insecure(target.accountUrl),
      });
    }
    for (const client of clients.values()) {
      try {
        await service.createTable(client.tableName);
      } catch (e) {
        if (!(e instanceof RestError && e.statusCode === 409)) throw e;
      }
    }
    return new AzureTableStore(prefix, clients);
  }

  #client(table: TableName): TableClient {
    const client = this.#clients.get(table);
    if (!client) throw new TypeError(`Unknown table ${table}`);
    return client;
  }

  static partitionKey(tenantId: string, partition: string): string {
    return `${encodeKeyPart(tenantId)}|${encodeKeyPart(partition)}`;
  }

  #keys(key: EntityKey): { partitionKey: string; rowKey: string } {
    assertKey(key);
    return {
      partitionKey: AzureTableStore.partitionKey(key.tenantId, key.partition),
      rowKey: encodeKeyPart(key.row),
    };
  }

  async get<T extends EntityValue>(
    table: TableName,
    key: EntityKey,
  ): Promise<Stored<T> | undefined> {
    const { partitionKey, rowKey } = this.#keys(key);
    try {
      const row = await this.#client(table).getEntity<Row>(partitionKey, rowKey);
      return { key: { ...key }, value: unpack<T>(row), etag: row.etag };
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 404) return undefined;
      throw e;
    }
  }

  async upsert<T extends EntityValue>(table: TableName, key: EntityKey, value: T): Promise<string> {
    const res = await this.#client(table).upsertEntity(
      { ...this.#keys(key), ...pack(value) },
      'Replace',
    );
    return res.etag ?? '';
  }

  async insert<T extends EntityValue>(table: TableName, key: EntityKey, value: T): Promise<string> {
    try {
      const res = await this.#client(table).createEntity({
        ...this.#keys(key),
        ...pack(value),
      });
      return res.etag ?? '';
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 409) {
        throw new BelongError('conflict', `${table} entity already exists`);
      }
      throw e;
    }
  }

  async replace<T extends EntityValue>(
    table: TableName,
    key: EntityKey,
    value: T,
    etag: string,
  ): Promise<string> {
    try {
      const res = await this.#client(table).updateEntity(
        { ...this.#keys(key), ...pack(value) },
        'Replace',
        { etag },
      );
      return res.etag ?? '';
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 412) {
        throw new BelongError('preconditionFailed', `${table} entity changed`);
      }
      if (e instanceof RestError && e.statusCode === 404) {
        throw new BelongError('notFound', `${table} entity not found`);
      }
      throw e;
    }
  }

  async delete(table: TableName, key: EntityKey): Promise<boolean> {
    const { partitionKey, rowKey } = this.#keys(key);
    try {
      await this.#client(table).deleteEntity(partitionKey, rowKey);
      return true;
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 404) return false;
      throw e;
    }
  }

  async transact(
    table: TableName,
    tenantId: string,
    partition: string,
    ops: readonly TransactOp[],
  ): Promise<Record<string, string>> {
    assertTransact(tenantId, partition, ops);
    const actions: TransactionAction[] = ops.map((op) => {
      const keys = this.#keys({ tenantId, partition, row: op.row });
      switch (op.op) {
        case 'insert':
          return ['create', { ...keys, ...pack(op.value) }];
        case 'upsert':
          return ['upsert', { ...keys, ...pack(op.value) }, 'Replace'];
        case 'replace':
          return ['update', { ...keys, ...pack(op.value) }, 'Replace', { etag: op.etag }];
        case 'delete':
          return ['delete', keys];
      }
    });
    let response: TableTransactionResponse;
    try {
      response = await this.#client(table).submitTransaction(actions);
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 409) {
        throw new BelongError('conflict', `${table} entity already exists`);
      }
      if (e instanceof RestError && e.statusCode === 412) {
        throw new BelongError('preconditionFailed', `${table} entity changed`);
      }
      if (e instanceof RestError && e.statusCode === 404) {
        throw new BelongError('notFound', `${table} entity not found`);
      }
      throw e;
    }
    const etags: Record<string, string> = {};
    // Sub-responses come back in the order of the operations (only creates name their row).
    ops.forEach((op, i) => {
      const etag = response.subResponses[i]?.etag;
      if (op.op !== 'delete' && etag) etags[op.row] = etag;
    });
    return etags;
  }

  async list<T extends EntityValue>(
    table: TableName,
    tenantId: string,
    partition: string,
  ): Promise<Stored<T>[]> {
    const out: Stored<T>[] = [];
    for await (const page of this.listPages<T>(table, tenantId, partition, 1_000))
      out.push(...page);
    return out;
  }

  async *listPages<T extends EntityValue>(
    table: TableName,
    tenantId: string,
    partition: string,
    pageSize: number,
  ): AsyncIterable<Stored<T>[]> {
    assertKey({ tenantId, partition, row: '-' });
    assertPageSize(pageSize);
    const partitionKey = AzureTableStore.partitionKey(tenantId, partition);
    const pages = this.#client(table)
      .listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })
      .byPage({ maxPageSize: pageSize });
    for await (const rows of pages) {
      // The service may answer a page with nothing but a continuation: not worth a caller's turn.
      if (rows.length === 0) continue;
      yield rows.map((row) => ({
        key: { tenantId, partition, row: decodeKeyPart(row.rowKey ?? '') },
        value: unpack<T>(row),
        etag: row.etag,
      }));
    }
  }
}

function decodeKeyPart(part: string): string {
  return part.includes('%') ? decodeURIComponent(part) : part;
}
