import { beforeEach, describe, expect, it } from 'vitest';
import type { EntityKey, EntityValue, TableName } from '../ports/table-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { AuditLog, hashOf, type AuditEntry, type AuditEvent } from './audit-log.js';

const tenantId = 'school-1';
const log = { partition: 'log' };
const rowOf = (seq: number) => String(seq).padStart(12, '0');

let tables: MemoryTableStore;
let clock: { at: Date; now(): Date };
let audit: AuditLog;

beforeEach(() => {
  tables = new MemoryTableStore();
  clock = {
    at: new Date('2026-11-24T10:00:00Z'),
    now() {
      return this.at;
    },
  };
  audit = new AuditLog(tables, clock);
});

const event = (n: number): AuditEvent => ({
  actor: `dsl-${n % 2}`,
  action: n % 3 === 0 ? 'talk.viewed' : 'talk.acknowledged',
  subject: `request-${n}`,
  ...(n % 2 ? { details: { level: String(n), sent: '2' } } : {}),
});

async function appendSome(count: number, tenant = tenantId): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let n = 1; n <= count; n++) {
    clock.at = new Date(clock.at.getTime() + 60_000);
    out.push(await audit.append(tenant, event(n)));
  }
  return out;
}

/** Changes one stored entry behind the log's back, as someone with storage access could. */
async function alter(seq: number, change: (e: AuditEntry) => AuditEntry): Promise<void> {
  const key = { tenantId, ...log, row: rowOf(seq) };
  const stored = await tables.get<AuditEntry>('audit', key);
  await tables.upsert('audit', key, change(stored!.value));
}

describe('AuditLog.append', () => {
  it('numbers entries from 1, stamps them with the clock and links each to the one before', async () => {
    const entries = await appendSome(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe('0'.repeat(64));
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(entries[0]!.at).toBe('2026-11-24T10:01:00.000Z');
    for (const e of entries) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      const { hash, ...rest } = e;
      expect(await hashOf(rest)).toBe(hash);
    }
  });

  it('keeps what was said: actor, action, subject and details', async () => {
    await audit.append(tenantId, {
      actor: 'dsl-1',
      action: 'talk.referred',
      subject: 'request-9',
      details: { to: 'camhs' },
    });
    const [entry] = await audit.recent(tenantId, 1);
    expect(entry).toMatchObject({
      seq: 1,
      actor: 'dsl-1',
      action: 'talk.referred',
      subject: 'request-9',
      details: { to: 'camhs' },
    });
  });

  it('does not let a caller change an entry after appending it', async () => {
    const details = { to: 'camhs' };
    await audit.append(tenantId, {
      actor: 'dsl-1',
      action: 'talk.referred',
      subject: 'r',
      details,
    });
    details.to = 'police';
    expect((await audit.recent(tenantId, 1))[0]!.details).toEqual({ to: 'camhs' });
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 1 });
  });

  it('gives 20 appends at once one valid chain of 20', async () => {
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.append(tenantId, { actor: `dsl-${i}`, action: 'talk.viewed', subject: `r-${i}` }),
      ),
    );
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 20 });
    // Every append is there once: none overwrote another.
    const subjects = (await audit.recent(tenantId, 100)).map((e) => e.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 20 }, (_, i) => `r-${i}`).sort());
  });

  it('keeps each school’s chain apart', async () => {
    await appendSome(3);
    await appendSome(2, 'school-2');
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 3 });
    expect(await audit.verify('school-2')).toEqual({ ok: true, entries: 2 });
    expect((await audit.recent('school-2', 10)).map((e) => e.seq)).toEqual([2, 1]);
  });
});

describe('AuditLog.recent', () => {
  it('gives the newest first, at most `limit`, optionally about one subject', async () => {
    await appendSome(6);
    expect((await audit.recent(tenantId, 3)).map((e) => e.seq)).toEqual([6, 5, 4]);
    expect((await audit.recent(tenantId, 10, 'request-2')).map((e) => e.seq)).toEqual([2]);
    expect(await audit.recent(tenantId, 10, 'nothing')).toEqual([]);
    expect(await audit.recent('school-2', 10)).toEqual([]);
  });
});

describe('AuditLog.verify', () => {
  it('holds for an empty log and a fresh chain', async () => {
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 0 });
    await appendSome(5);
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 5 });
  });

  it.each([
    ['subject', (e: AuditEntry) => ({ ...e, subject: 'another-request' })],
    ['time', (e: AuditEntry) => ({ ...e, at: '2026-11-24T09:00:00.000Z' })],
    ['actor', (e: AuditEntry) => ({ ...e, actor: 'someone-else' })],
    ['action', (e: AuditEntry) => ({ ...e, action: 'talk.resolved' as const })],
    ['details', (e: AuditEntry) => ({ ...e, details: { level: '0', sent: '9' } })],
    ['details removed', (e: AuditEntry) => ({ ...e, details: undefined })],
    ['sequence', (e: AuditEntry) => ({ ...e, seq: 7 })],
    ['previous hash', (e: AuditEntry) => ({ ...e, prevHash: 'f'.repeat(64) })],
  ])('fails where the %s of an entry was altered', async (_what, change) => {
    await appendSome(5);
    await alter(3, change);
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('fails where an entry was altered and its own hash recomputed', async () => {
    await appendSome(5);
    await alter(2, (e) => {
      const { hash: _old, ...rest } = e;
      return { ...rest, subject: 'another-request', hash: '' };
    });
    const key = { tenantId, ...log, row: rowOf(2) };
    const altered = (await tables.get<AuditEntry>('audit', key))!.value;
    const { hash: _none, ...rest } = altered;
    await tables.upsert('audit', key, { ...altered, hash: await hashOf(rest) });
    // Entry 2 is self-consistent now, but entry 3 still names the old hash.
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('fails where the first or the last entry was altered', async () => {
    await appendSome(4);
    await alter(1, (e) => ({ ...e, subject: 'x' }));
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 1 });
    await alter(1, (e) => ({ ...e, subject: 'request-1' }));
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 4 });
    await alter(4, (e) => ({ ...e, at: '2030-01-01T00:00:00.000Z' }));
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 4 });
  });

  it('fails where an entry in the middle was deleted', async () => {
    await appendSome(5);
    await tables.delete('audit', { tenantId, ...log, row: rowOf(3) });
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('fails where the last entry was deleted (the head still names it)', async () => {
    await appendSome(5);
    await tables.delete('audit', { tenantId, ...log, row: rowOf(5) });
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 5 });
  });

  it('fails where the head was deleted', async () => {
    await appendSome(3);
    await tables.delete('audit', { tenantId, ...log, row: 'head' });
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 4 });
  });

  it('fails where the head was wound back or deleted with the last entry', async () => {
    await appendSome(3);
    const head = { tenantId, ...log, row: 'head' };
    const two = (await tables.get<AuditEntry>('audit', { tenantId, ...log, row: rowOf(2) }))!;
    await tables.delete('audit', { tenantId, ...log, row: rowOf(3) });
    await tables.upsert('audit', head, { seq: 2, hash: 'f'.repeat(64) });
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
    await tables.delete('audit', head);
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 3 });
    // A consistent rewind (head moved back to a real entry) is the one thing the chain alone
    // cannot show; entry 3's loss is then only visible against a copy of the head kept elsewhere.
    await tables.upsert('audit', head, { seq: 2, hash: two.value.hash });
    expect(await audit.verify(tenantId)).toEqual({ ok: true, entries: 2 });
  });

  it.each(['list', 'head'] as const)(
    'does not cry wolf when an entry is appended just after it reads the %s',
    async (what) => {
      /** Tables on which another writer appends once, just after one read of the log. */
      class Busy extends MemoryTableStore {
        after?: { what: 'list' | 'head'; run: () => Promise<unknown> };
        async #after(read: 'list' | 'head') {
          const hook = this.after;
          if (hook?.what !== read) return;
          this.after = undefined;
          await hook.run();
        }
        override async list<T extends EntityValue>(table: TableName, tenant: string, p: string) {
          const rows = await super.list<T>(table, tenant, p);
          if (table === 'audit') await this.#after('list');
          return rows;
        }
        override async get<T extends EntityValue>(table: TableName, key: EntityKey) {
          const row = await super.get<T>(table, key);
          if (table === 'audit' && key.row === 'head') await this.#after('head');
          return row;
        }
      }
      const busy = new Busy();
      const busyLog = new AuditLog(busy, clock);
      for (let n = 1; n <= 4; n++) await busyLog.append(tenantId, event(n));
      busy.after = { what, run: () => busyLog.append(tenantId, event(5)) };
      expect(await busyLog.verify(tenantId)).toMatchObject({ ok: true });
      expect(busy.after).toBeUndefined();
      expect(await busyLog.verify(tenantId)).toEqual({ ok: true, entries: 5 });
    },
  );

  it('goes on appending after the last good entry, and the break stays visible', async () => {
    await appendSome(3);
    await alter(2, (e) => ({ ...e, subject: 'x' }));
    await audit.append(tenantId, { actor: 'dsl-1', action: 'talk.viewed', subject: 'r' });
    expect(await audit.verify(tenantId)).toEqual({ ok: false, brokenAt: 2 });
  });
});
