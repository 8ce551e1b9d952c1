/**
 * The audit chain on real storage (issue 17): entries written through the Azure Tables adapter to
 * the run's Azurite, then altered or removed behind Belong's back with `@azure/data-tables`
 * itself — as someone with the storage account's keys could — and `verify()` must say where the
 * chain breaks. Also: appends from many writers at once still make one chain, because the head
 * moves in the same entity-group transaction as the insert.
 */
import { odata, TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { AuditLog, type AuditEntry } from '../../core/support/audit-log.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { openTestStore, uniquePrefix } from '../support/tables.js';

const clock = {
  at: new Date('2026-11-24T10:00:00Z'),
  now() {
    return this.at;
  },
};

let store: AzureTableStore;
let audit: AuditLog;
let raw: TableClient;
let tenants = 0;

beforeAll(async () => {
  const prefix = uniquePrefix();
  store = await openTestStore(prefix);
  audit = new AuditLog(store, clock);
  const { connectionString } = inject('azurite');
  // The adapter's table for `audit` is the prefix and the name with a capital.
  raw = TableClient.fromConnectionString(connectionString, `${prefix}Audit`, {
    allowInsecureConnection: true,
  });
});

/** A school of its own for each test, with `count` entries one minute apart. */
async function schoolWith(count: number): Promise<string> {
  const tenantId = `school-${++tenants}`;
  for (let n = 1; n <= count; n++) {
    clock.at = new Date(clock.at.getTime() + 60_000);
    await audit.append(tenantId, {
      actor: n % 2 ? 'dsl-1' : 'deputy-1',
      action: n === 1 ? 'talk.viewed' : 'talk.acknowledged',
      subject: `request-${n}`,
      ...(n % 2 ? {} : { details: { level: String(n) } }),
    });
  }
  return tenantId;
}

/** Where the adapter keeps entry `seq` of a school's chain: PartitionKey `<tenant>|log`. */
const keysOf = (tenantId: string, seq: number) => ({
  partitionKey: AzureTableStore.partitionKey(tenantId, 'log'),
  rowKey: String(seq).padStart(12, '0'),
});

/** Rewrites one stored entry in place, straight through the Tables API. */
async function tamper(
  tenantId: string,
  seq: number,
  change: (entry: AuditEntry) => AuditEntry,
): Promise<void> {
  const { partitionKey, rowKey } = keysOf(tenantId, seq);
  const row = await raw.getEntity<{ data: string }>(partitionKey, rowKey);
  const entry = JSON.parse(row.data) as AuditEntry;
  expect(entry.seq).toBe(seq);
  await raw.updateEntity({ partitionKey, rowKey, data: JSON.stringify(change(entry)) }, 'Replace', {
    etag: row.etag,
  });
}

describe('the audit chain on Azurite', () => {
  it('verifies a fresh chain, stored where the adapter says', async () => {
    const tenantId = await schoolWith(5);
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 5 });
    const rows = raw.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${AzureTableStore.partitionKey(tenantId, 'log')}`,
      },
    });
    const keys: string[] = [];
    for await (const row of rows) keys.push(row.rowKey!);
    expect(keys).toEqual([1, 2, 3, 4, 5].map((n) => keysOf(tenantId, n).rowKey).concat('head'));
    // Rewriting an entry as it was changes nothing: what breaks the chain below is the change.
    await tamper(tenantId, 3, (e) => e);
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 5 });
  });

  it('fails at the entry whose subject was changed in storage', async () => {
    const tenantId = await schoolWith(5);
    await tamper(tenantId, 3, (e) => ({ ...e, subject: 'request-99' }));
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('fails at the entry whose time was changed in storage', async () => {
    const tenantId = await schoolWith(5);
    await tamper(tenantId, 2, (e) => ({ ...e, at: '2026-11-23T09:00:00.000Z' }));
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('fails at the first and at the last entry too', async () => {
    const first = await schoolWith(4);
    await tamper(first, 1, (e) => ({ ...e, actor: 'someone-else' }));
    expect(await audit.verify(first)).toEqual({ ok: false, brokenAt: 1 });
    const last = await schoolWith(4);
    await tamper(last, 4, (e) => ({ ...e, details: { level: '0' } }));
    expect(await audit.verify(last)).toEqual({ ok: false, brokenAt: 4 });
  });

  it('fails when the last entry is deleted', async () => {
    const tenantId = await schoolWith(5);
    const { partitionKey, rowKey } = keysOf(tenantId, 5);
    await raw.deleteEntity(partitionKey, rowKey);
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 5 });
  });

  it('fails when an entry in the middle is deleted', async () => {
    const tenantId = await schoolWith(5);
    const { partitionKey, rowKey } = keysOf(tenantId, 2);
    await raw.deleteEntity(partitionKey, rowKey);
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('leaves other schools’ chains whole', async () => {
    const spoilt = await schoolWith(3);
    const whole = await schoolWith(3);
    await tamper(spoilt, 2, (e) => ({ ...e, subject: 'x' }));
    expect(await audit.verify(spoilt)).toEqual({ ok: false, brokenAt: 2 });
    expect(await audit.verify(whole)).toEqual({ ok: true, entries: 3 });
  });

  it('reports no break when it checks while others append', async () => {
    const tenantId = await schoolWith(2);
    const append = (i: number) =>
      audit.append(tenantId, { actor: 'dsl-1', action: 'talk.viewed', subject: `r-${i}` });
    for (let round = 0; round < 10; round++) {
      const [check] = await Promise.all([audit.verify(tenantId), append(round), append(-round)]);
      expect([round, check.ok]).toEqual([round, true]);
    }
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 22 });
  });

  it('makes one valid chain of 20 appends at once', async () => {
    const tenantId = `school-${++tenants}`;
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.append(tenantId, { actor: `dsl-${i}`, action: 'talk.viewed', subject: `r-${i}` }),
      ),
    );
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 20 });
    const subjects = (await audit.recent(tenantId, 100)).map((e) => e.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 20 }, (_, i) => `r-${i}`).sort());
  });
});
