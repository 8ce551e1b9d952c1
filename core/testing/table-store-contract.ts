/**
 * The TableStore contract. Every adapter (Azure Tables on Azurite, the in-memory fake) runs this
 * same suite, so unit tests that use the fake test against real behaviour.
 */
import { describe, expect, it } from 'vitest';
import { isBelongError } from '../errors.js';
import { StorageKeyError, type TableStore } from '../ports/table-store.js';

const tenantA = '11111111-1111-1111-1111-111111111111';
const tenantB = '22222222-2222-2222-2222-222222222222';

export function tableStoreContract(name: string, open: () => Promise<TableStore>): void {
  describe(`TableStore contract: ${name}`, () => {
    it('reads back what was written, and nothing for a missing key', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'teams', row: 'team-1' };
      expect(await store.get('teams', key)).toBeUndefined();
      await store.upsert('teams', key, { name: 'Class 7B', channels: [{ id: 'c1' }] });
      const got = await store.get('teams', key);
      expect(got?.value).toEqual({ name: 'Class 7B', channels: [{ id: 'c1' }] });
      expect(got?.etag).toBeTruthy();
    });

    it('keeps tenants apart: same partition and row in another tenant is a different entity', async () => {
      const store = await open();
      await store.upsert('teams', { tenantId: tenantA, partition: 'p', row: 'r' }, { who: 'A' });
      expect(
        await store.get('teams', { tenantId: tenantB, partition: 'p', row: 'r' }),
      ).toBeUndefined();
      expect(await store.list('teams', tenantB, 'p')).toEqual([]);
      await store.upsert('teams', { tenantId: tenantB, partition: 'p', row: 'r' }, { who: 'B' });
      expect(
        (await store.get('teams', { tenantId: tenantA, partition: 'p', row: 'r' }))?.value,
      ).toEqual({ who: 'A' });
      expect((await store.list('teams', tenantA, 'p')).map((s) => s.value)).toEqual([{ who: 'A' }]);
    });

    it('keeps tables apart', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'p', row: 'r' };
      await store.upsert('teams', key, { table: 'teams' });
      expect(await store.get('members', key)).toBeUndefined();
    });

    it('insert refuses an existing key with a conflict and leaves it unchanged', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'p', row: 'once' };
      await store.insert('teams', key, { n: 1 });
      const error = await store.insert('teams', key, { n: 2 }).catch((e: unknown) => e);
      expect(isBelongError(error, 'conflict')).toBe(true);
      expect((await store.get('teams', key))?.value).toEqual({ n: 1 });
    });

    it('replace succeeds with the current etag and refuses a stale one', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'p', row: 'etag' };
      const first = await store.insert('teams', key, { n: 1 });
      const second = await store.replace('teams', key, { n: 2 }, first);
      expect(second).not.toBe(first);
      const stale = await store.replace('teams', key, { n: 3 }, first).catch((e: unknown) => e);
      expect(isBelongError(stale, 'preconditionFailed')).toBe(true);
      expect((await store.get('teams', key))?.value).toEqual({ n: 2 });
      const missing = await store
        .replace('teams', { ...key, row: 'absent' }, { n: 1 }, second)
        .catch((e: unknown) => e);
      expect(isBelongError(missing, 'notFound')).toBe(true);
    });

    it('only one of two concurrent replaces with the same etag wins', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'p', row: 'race' };
      const etag = await store.insert('teams', key, { n: 0 });
      const results = await Promise.allSettled([
        store.replace('teams', key, { n: 1 }, etag),
        store.replace('teams', key, { n: 2 }, etag),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('deletes, and says whether there was anything to delete', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'p', row: 'gone' };
      await store.upsert('teams', key, { n: 1 });
      expect(await store.delete('teams', key)).toBe(true);
      expect(await store.get('teams', key)).toBeUndefined();
      expect(await store.delete('teams', key)).toBe(false);
    });

    it('lists one partition in row order and nothing from neighbouring partitions', async () => {
      const store = await open();
      for (const row of ['b', 'a', 'c']) {
        await store.upsert('members', { tenantId: tenantA, partition: 'team:1', row }, { row });
      }
      await store.upsert(
        'members',
        { tenantId: tenantA, partition: 'team:10', row: 'x' },
        { row: 'x' },
      );
      await store.upsert(
        'members',
        { tenantId: tenantA, partition: 'team', row: 'y' },
        { row: 'y' },
      );
      const listed = await store.list('members', tenantA, 'team:1');
      expect(listed.map((s) => s.key.row)).toEqual(['a', 'b', 'c']);
      expect(listed.every((s) => s.key.tenantId === tenantA && s.key.partition === 'team:1')).toBe(
        true,
      );
    });

    it('lists a partition in pages: the same rows in the same order, none larger than asked', async () => {
      const store = await open();
      const rows = ['e', 'a', 'd', 'b', 'c'];
      for (const row of rows)
        await store.upsert('members', { tenantId: tenantA, partition: 'paged', row }, { row });
      await store.upsert(
        'members',
        { tenantId: tenantA, partition: 'paged2', row: 'z' },
        { row: 'z' },
      );
      const pages: string[][] = [];
      for await (const page of store.listPages('members', tenantA, 'paged', 2))
        pages.push(page.map((s) => s.key.row));
      expect(pages.flat()).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(pages.every((p) => p.length >= 1 && p.length <= 2)).toBe(true);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      const none: unknown[] = [];
      for await (const page of store.listPages('members', tenantB, 'paged', 2)) none.push(page);
      expect(none).toEqual([]);
      for (const bad of [0, 1_001, 2.5]) {
        const pagesOf = store.listPages('members', tenantA, 'paged', bad)[Symbol.asyncIterator]();
        await expect(pagesOf.next()).rejects.toThrow(/pageSize/);
      }
    });

    it('accepts Teams-shaped ids and characters Azure Tables forbids in keys', async () => {
      const store = await open();
      const odd = ['19:abc@thread.tacv2', 'a/b\\c#d?e', '50%|pipe', "o'brien", 'conv;messageid=1'];
      for (const row of odd) {
        await store.upsert('teams', { tenantId: tenantA, partition: odd[0]!, row }, { row });
      }
      for (const row of odd) {
        expect(
          (await store.get('teams', { tenantId: tenantA, partition: odd[0]!, row }))?.value,
        ).toEqual({ row });
      }
      const listed = await store.list('teams', tenantA, odd[0]!);
      expect(listed.map((s) => s.key.row).sort()).toEqual([...odd].sort());
    });

    it('keeps a value larger than one Table Storage property (an 80 KB card) intact, and can shrink it again', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'p', row: 'big' };
      const big = { card: 'é🙂'.repeat(20_000) + 'x'.repeat(40_000), n: 1 };
      const etag = await store.insert('deliveries', key, big);
      expect((await store.get('deliveries', key))?.value).toEqual(big);
      await store.replace('deliveries', key, { card: 'small', n: 2 }, etag);
      expect((await store.get('deliveries', key))?.value).toEqual({ card: 'small', n: 2 });
      expect((await store.list('deliveries', tenantA, 'p')).map((s) => s.value)).toEqual([
        { card: 'small', n: 2 },
      ]);
    });

    it('refuses empty key parts instead of writing somewhere unexpected', async () => {
      const store = await open();
      await expect(
        store.upsert('teams', { tenantId: '', partition: 'p', row: 'r' }, {}),
      ).rejects.toThrow(/tenantId/);
      await expect(store.list('teams', tenantA, '')).rejects.toThrow(/partition/);
    });

    it('refuses key parts over 400 characters or with a lone surrogate, with a StorageKeyError, and writes nothing', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'bad-keys', row: 'r' };
      for (const bad of [{ row: 'x'.repeat(401) }, { row: 'a\ud800' }, { partition: '\udc00' }]) {
        const error = await store.upsert('teams', { ...key, ...bad }, {}).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageKeyError);
        expect(error).toBeInstanceOf(TypeError);
        await expect(store.get('teams', { ...key, ...bad })).rejects.toThrow(StorageKeyError);
      }
      await expect(
        store.transact('teams', tenantA, 'bad-keys', [{ op: 'upsert', row: '\ud83d', value: {} }]),
      ).rejects.toThrow(StorageKeyError);
      expect(await store.list('teams', tenantA, 'bad-keys')).toEqual([]);
      // A pair of surrogates is one character (an emoji): a good key.
      await store.upsert('teams', { ...key, row: 'class-🙂' }, { ok: true });
      expect((await store.get('teams', { ...key, row: 'class-🙂' }))?.value).toEqual({ ok: true });
    });

    it('a transaction writes every row of one partition together and returns their etags', async () => {
      const store = await open();
      const a = { tenantId: tenantA, partition: 'tx', row: 'a' };
      const old = await store.insert('teams', a, { n: 1 });
      await store.insert('teams', { ...a, row: 'gone' }, { n: 0 });
      const etags = await store.transact('teams', tenantA, 'tx', [
        { op: 'replace', row: 'a', value: { n: 2 }, etag: old },
        { op: 'insert', row: 'b', value: { n: 1 } },
        { op: 'upsert', row: 'c', value: { text: 'ŵ'.repeat(40_000) } },
        { op: 'delete', row: 'gone' },
      ]);
      expect(Object.keys(etags).sort()).toEqual(['a', 'b', 'c']);
      const rows = await store.list('teams', tenantA, 'tx');
      expect(rows.map((r) => [r.key.row, r.etag === etags[r.key.row]])).toEqual([
        ['a', true],
        ['b', true],
        ['c', true],
      ]);
      expect(rows[0]!.value).toEqual({ n: 2 });
      expect(rows[2]!.value).toEqual({ text: 'ŵ'.repeat(40_000) });
    });

    it('a transaction with one failing operation writes nothing, and says why', async () => {
      const store = await open();
      const key = { tenantId: tenantA, partition: 'tx-fail', row: 'a' };
      const etag = await store.insert('teams', key, { n: 1 });
      await store.replace('teams', key, { n: 2 }, etag);
      const attempts = [
        { op: 'replace', row: 'a', value: { n: 3 }, etag } as const,
        { op: 'insert', row: 'a', value: { n: 3 } } as const,
        { op: 'delete', row: 'missing' } as const,
      ];
      const reasons = [];
      for (const failing of attempts) {
        const error = await store
          .transact('teams', tenantA, 'tx-fail', [
            { op: 'insert', row: 'new', value: { n: 1 } },
            failing,
          ])
          .catch((e: unknown) => e);
        reasons.push(
          ['preconditionFailed', 'conflict', 'notFound'].find((code) =>
            isBelongError(error, code as 'conflict'),
          ),
        );
      }
      expect(reasons).toEqual(['preconditionFailed', 'conflict', 'notFound']);
      const rows = await store.list('teams', tenantA, 'tx-fail');
      expect(rows.map((r) => [r.key.row, r.value])).toEqual([['a', { n: 2 }]]);
    });

    it('refuses an empty transaction, more than 100 operations, or one row twice', async () => {
      const store = await open();
      const many = Array.from({ length: 101 }, (_, i) => ({
        op: 'upsert' as const,
        row: `r${i}`,
        value: { i },
      }));
      await expect(store.transact('teams', tenantA, 'tx-shape', [])).rejects.toThrow(TypeError);
      await expect(store.transact('teams', tenantA, 'tx-shape', many)).rejects.toThrow(TypeError);
      await expect(
        store.transact('teams', tenantA, 'tx-shape', [
          { op: 'upsert', row: 'x', value: {} },
          { op: 'delete', row: 'x' },
        ]),
      ).rejects.toThrow(TypeError);
      expect(await store.list('teams', tenantA, 'tx-shape')).toEqual([]);
      await store.transact('teams', tenantA, 'tx-shape', many.slice(0, 100));
      expect(await store.list('teams', tenantA, 'tx-shape')).toHaveLength(100);
    });
  });
}
