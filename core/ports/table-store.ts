/**
 * The storage port: a tiny key–value table API in the shape of Azure Table Storage. Every key
 * starts with the tenant id, and there is no way to read or list without one, so no query can
 * cross tenants. Aggregate stores in core/stores/ build on this; adapters live in server/storage
 * (Azure Tables / Azurite) and core/testing (in-memory, unit tests only). Both pass the same
 * contract suite (core/testing/table-store-contract.ts).
 */
import { loneSurrogate } from '../id-text.js';

/** Every table Belong keeps. Adding one is a code change, so names stay valid and known. */
export const tableNames = [
  'schools',
  'schoolRoles',
  'teams',
  'members',
  'memberships',
  'deliveries',
  'leases',
  'schedules',
  'rotas',
  'checkins',
  /** Talk requests (identified: DSL and deputies only) and the school's support settings. */
  'support',
  /** The append-only, hash-chained audit log. */
  'audit',
] as const;
export type TableName = (typeof tableNames)[number];

export interface EntityKey {
  tenantId: string;
  partition: string;
  row: string;
}

export interface Stored<T> {
  key: EntityKey;
  value: T;
  /** Opaque version for optimistic concurrency. */
  etag: string;
}

export type EntityValue = Record<string, unknown>;

/** One operation of an entity-group transaction; every row is in the same table, tenant and partition. */
export type TransactOp =
  | { op: 'insert'; row: string; value: EntityValue }
  | { op: 'upsert'; row: string; value: EntityValue }
  | { op: 'replace'; row: string; value: EntityValue; etag: string }
  | { op: 'delete'; row: string };

/** Azure Tables allows at most 100 operations in one entity-group transaction. */
export const maxTransactOps = 100;

export interface TableStore {
  get<T extends EntityValue>(table: TableName, key: EntityKey): Promise<Stored<T> | undefined>;
  /** Create or overwrite. Returns the new etag. */
  upsert<T extends EntityValue>(table: TableName, key: EntityKey, value: T): Promise<string>;
  /** Create only; BelongError('conflict') when the key exists. */
  insert<T extends EntityValue>(table: TableName, key: EntityKey, value: T): Promise<string>;
  /** Overwrite only if the etag still matches; BelongError('preconditionFailed') otherwise, 'notFound' if gone. */
  replace<T extends EntityValue>(
    table: TableName,
    key: EntityKey,
    value: T,
    etag: string,
  ): Promise<string>;
  /** Returns false when there was nothing to delete. */
  delete(table: TableName, key: EntityKey): Promise<boolean>;
  /**
   * Up to 100 operations on distinct rows of one partition, all or nothing (an entity-group
   * transaction). Fails with the first failing operation's error — 'conflict' (insert over an
   * existing row), 'preconditionFailed' (stale etag) or 'notFound' (replace or delete of a
   * missing row) — and then nothing is written. Returns the new etag of every written row.
   */
  transact(
    table: TableName,
    tenantId: string,
    partition: string,
    ops: readonly TransactOp[],
  ): Promise<Record<string, string>>;
  /** Every entity of one partition of one tenant, ordered by row key. */
  list<T extends EntityValue>(
    table: TableName,
    tenantId: string,
    partition: string,
  ): Promise<Stored<T>[]>;
  /**
   * The same entities as `list`, in the same order, a page of at most `pageSize` (1–1,000) at a
   * time, so that a caller can start on the first page before the rest has been read.
   */
  listPages<T extends EntityValue>(
    table: TableName,
    tenantId: string,
    partition: string,
    pageSize: number,
  ): AsyncIterable<Stored<T>[]>;
}

/** The page sizes Azure Tables serves (1–1,000); anything else is a programming error. */
export function assertPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1_000)
    throw new TypeError('pageSize must be an integer from 1 to 1,000');
}

/** Keys are free text from Teams (ids with ':' '@' ';'); these characters are not allowed by Azure Tables. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what Azure Tables forbids
const forbidden = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

/**
 * A key part storage cannot hold: empty, over 400 characters, or not well-formed UTF-16 (a lone
 * surrogate cannot be URL-encoded, so Azure Tables cannot be asked for it). It is a TypeError, as
 * before, so callers that treat it as a programming error still do; the HTTP edge answers 400,
 * because it usually means an id from a request was not checked (server/http/ids.ts).
 */
export class StorageKeyError extends TypeError {
  constructor(
    readonly part: keyof EntityKey,
    message: string,
  ) {
    super(message);
    this.name = 'StorageKeyError';
  }
}

export function assertKey(key: EntityKey): void {
  for (const [name, part] of Object.entries(key) as [keyof EntityKey, unknown][]) {
    if (typeof part !== 'string' || part.length === 0) {
      throw new StorageKeyError(name, `Storage key part ${name} must be a non-empty string`);
    }
    if (part.length > 400) throw new StorageKeyError(name, `Storage key part ${name} is too long`);
    if (loneSurrogate.test(part))
      throw new StorageKeyError(name, `Storage key part ${name} is not well-formed text`);
  }
}

/** Encodes one key part so any Teams id is a valid Azure Tables key and '|' stays a separator. */
export function encodeKeyPart(part: string): string {
  return forbidden.test(part) || part.includes('|') || part.includes('%')
    ? encodeURIComponent(part)
    : part;
}

/** The shape checks every adapter makes before a transaction: distinct rows, 1–100 operations. */
export function assertTransact(
  tenantId: string,
  partition: string,
  ops: readonly TransactOp[],
): void {
  if (ops.length === 0 || ops.length > maxTransactOps) {
    throw new TypeError(`A transaction has 1 to ${maxTransactOps} operations, not ${ops.length}`);
  }
  const rows = new Set<string>();
  for (const op of ops) {
    assertKey({ tenantId, partition, row: op.row });
    if (rows.has(op.row)) throw new TypeError('A transaction touches each row at most once');
    rows.add(op.row);
  }
}
