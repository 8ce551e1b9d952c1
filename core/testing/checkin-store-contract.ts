/**
 * The check-in store's answers and counts (decision 031), on any TableStore: the in-memory fake
 * (core/checkin/checkin-store.test.ts) and Azure Tables on Azurite
 * (tests/integration/checkin-contention.test.ts), so the fake can't pass what the real store
 * would refuse. Several `CheckinStore`s over one table store stand for several server instances.
 */
import { describe, expect, it } from 'vitest';
import { applyAnswer, emptyAggregate, type AnswerValue, type Checkin } from '../checkin/checkin.js';
import { CheckinStore } from '../checkin/checkin-store.js';
import { checkinTemplate } from '../checkin/templates.js';
import { isBelongError } from '../errors.js';
import type { TableStore } from '../ports/table-store.js';
import type { StoredAnswer } from '../checkin/checkin.js';

const tenantId = '33333333-3333-4333-8333-333333333333';
const at = new Date('2026-11-24T09:30:00Z');
let serial = 0;

const checkinOf = (id: string): Checkin => ({
  id,
  teamId: '19:7b@thread.tacv2',
  channelId: '19:7b@thread.tacv2',
  templateId: 'daily-mood',
  phase: 'secondary',
  locale: 'en-GB',
  date: '2026-11-24',
  closesAt: '2026-11-24T17:00:00.000Z',
  timeZone: 'Europe/London',
  classSize: 1_000,
  createdAt: '2026-11-24T08:50:00.000Z',
});
const mood = (point: number): AnswerValue => ({
  points: { mood: point as 1 | 2 | 3 | 4 | 5 },
  skipped: false,
});
const skip: AnswerValue = { points: {}, skipped: true };
const pseudonym = (n: number) => `p${n.toString(36)}-x_Y`;

/** Every answer row of the check-in, and its counts rows. */
async function rowsOf(tables: TableStore, checkinId: string) {
  const rows = await tables.list<Record<string, unknown>>('checkins', tenantId, `c:${checkinId}`);
  const answers = rows.filter((r) => r.key.row.startsWith('a:'));
  return {
    answers: new Map(answers.map((r) => [r.key.row.slice(2), r.value as StoredAnswer])),
    countsRows: rows.filter((r) => r.key.row === 'agg' || r.key.row.startsWith('agg:')),
  };
}

const recount = (answers: Iterable<StoredAnswer>) =>
  [...answers].reduce(
    (a, answer) => applyAnswer(a, answer, 1),
    emptyAggregate(checkinTemplate('daily-mood')),
  );

export function checkinStoreContract(name: string, open: () => Promise<TableStore>): void {
  describe(`check-in answers and counts: ${name}`, () => {
    async function setUp(instances: number) {
      const tables = await open();
      const stores = Array.from({ length: instances }, () => new CheckinStore(tables));
      const checkin = checkinOf(`contract-${++serial}`);
      await stores[0]!.create(tenantId, checkin);
      return { tables, stores, checkin };
    }

    for (const instances of [2, 3]) {
      it(`${instances} instances answering one check-in at once store every answer, counted once`, async () => {
        const { tables, stores, checkin } = await setUp(instances);
        // 240 pupils answer for the first time, spread over the instances; then 80 of them change
        // their answer on another instance, and 20 answer on two instances at the same moment.
        const firsts = await Promise.all(
          Array.from({ length: 240 }, (_, n) =>
            stores[n % instances]!.answer(
              tenantId,
              checkin.id,
              pseudonym(n),
              mood((n % 5) + 1),
              at,
            ),
          ),
        );
        expect(firsts.every((o) => o.first)).toBe(true);
        const changes = await Promise.all([
          ...Array.from({ length: 80 }, (_, n) =>
            stores[(n + 1) % instances]!.answer(
              tenantId,
              checkin.id,
              pseudonym(n),
              n % 7 === 0 ? skip : mood(((n + 2) % 5) + 1),
              at,
            ),
          ),
          ...Array.from({ length: 20 }, (_, i) => 200 + i).flatMap((n) => [
            stores[0]!.answer(tenantId, checkin.id, pseudonym(n), mood(1), at),
            stores[1]!.answer(tenantId, checkin.id, pseudonym(n), mood(5), at),
          ]),
        ]);
        expect(changes.every((o) => !o.first)).toBe(true);

        const { answers, countsRows } = await rowsOf(tables, checkin.id);
        expect(answers.size).toBe(240);
        for (let n = 0; n < 80; n++) {
          expect(answers.get(pseudonym(n))).toMatchObject(
            n % 7 === 0 ? skip : mood(((n + 2) % 5) + 1),
          );
        }
        for (let n = 200; n < 220; n++) {
          expect([1, 5]).toContain(answers.get(pseudonym(n))!.points.mood);
        }
        const aggregate = await stores[instances - 1]!.aggregate(tenantId, checkin.id);
        expect(aggregate).toEqual(recount(answers.values()));
        expect(aggregate!.respondents + aggregate!.skipped).toBe(240);
        // The base row and one shard per instance: no instance wrote another's counts.
        expect(countsRows.map((r) => r.key.row).sort()).toEqual(
          ['agg', ...stores.map((s) => s.shardRow)].sort(),
        );
      });
    }

    it('an instance whose cached answer is out of date reads it again and counts the pupil once', async () => {
      const { stores, checkin } = await setUp(2);
      const [a, b] = stores as [CheckinStore, CheckinStore];
      expect((await a.answer(tenantId, checkin.id, pseudonym(1), mood(2), at)).first).toBe(true);
      expect((await b.answer(tenantId, checkin.id, pseudonym(1), mood(4), at)).first).toBe(false);
      // a still holds the answer 2; b has stored 4 since. The same answer 4 again, then 3.
      expect((await a.answer(tenantId, checkin.id, pseudonym(1), mood(4), at)).first).toBe(false);
      expect(await a.aggregate(tenantId, checkin.id)).toMatchObject({
        respondents: 1,
        counts: { mood: [0, 0, 0, 1, 0] },
      });
      await b.answer(tenantId, checkin.id, pseudonym(1), mood(3), at);
      await a.answer(tenantId, checkin.id, pseudonym(1), skip, at);
      expect(await b.aggregate(tenantId, checkin.id)).toEqual({
        respondents: 0,
        skipped: 1,
        counts: { mood: [0, 0, 0, 0, 0] },
      });
    });

    it('orders answers by when they were given: a replayed or late tap never overwrites a newer one', async () => {
      const { tables, stores, checkin } = await setUp(2);
      const [a, b] = stores as [CheckinStore, CheckinStore];
      const later = new Date(at.getTime() + 60_000);
      // The pupil chose 2, then a minute later 5; the first tap arrives last, on another instance.
      await a.answer(tenantId, checkin.id, pseudonym(1), mood(5), later);
      const late = await b.answer(tenantId, checkin.id, pseudonym(1), mood(2), at);
      expect(late).toEqual({ answer: mood(5), first: false });
      // The same on the instance that stored it (its cache), and for a first answer's replay.
      expect(await a.answer(tenantId, checkin.id, pseudonym(1), mood(1), at)).toEqual({
        answer: mood(5),
        first: false,
      });
      const { answers } = await rowsOf(tables, checkin.id);
      expect([...answers.values()]).toEqual([{ ...mood(5), answeredAt: later.toISOString() }]);
      expect(await a.aggregate(tenantId, checkin.id)).toMatchObject({
        respondents: 1,
        counts: { mood: [0, 0, 0, 0, 1] },
      });
      // A newer tap still changes it.
      const newest = new Date(later.getTime() + 1_000);
      expect((await b.answer(tenantId, checkin.id, pseudonym(1), mood(3), newest)).answer).toEqual(
        mood(3),
      );
      expect(await b.aggregate(tenantId, checkin.id)).toMatchObject({
        counts: { mood: [0, 0, 1, 0, 0] },
      });
    });

    it('reads check-ins counted before shards (one counts row) and keeps them exact when answers change', async () => {
      const { tables, stores, checkin } = await setUp(1);
      // As the earlier code left it: answer rows and the base counts row only.
      const old = [mood(1), mood(1), mood(3), skip];
      const partition = `c:${checkin.id}`;
      const base = await tables.get('checkins', { tenantId, partition, row: 'agg' });
      await tables.transact('checkins', tenantId, partition, [
        ...old.map((answer, n) => ({
          op: 'upsert' as const,
          row: `a:${pseudonym(n)}`,
          value: { ...answer, answeredAt: at.toISOString() },
        })),
        {
          op: 'replace',
          row: 'agg',
          value: { respondents: 3, skipped: 1, counts: { mood: [2, 0, 1, 0, 0] } },
          etag: base!.etag,
        },
      ]);
      const store = stores[0]!;
      expect(await store.aggregate(tenantId, checkin.id)).toEqual({
        respondents: 3,
        skipped: 1,
        counts: { mood: [2, 0, 1, 0, 0] },
      });
      expect((await store.answer(tenantId, checkin.id, pseudonym(0), mood(5), at)).first).toBe(
        false,
      );
      expect((await store.answer(tenantId, checkin.id, pseudonym(3), mood(2), at)).first).toBe(
        false,
      );
      expect((await store.answer(tenantId, checkin.id, pseudonym(9), mood(2), at)).first).toBe(
        true,
      );
      const { answers } = await rowsOf(tables, checkin.id);
      expect(await store.aggregate(tenantId, checkin.id)).toEqual(recount(answers.values()));
      expect(await store.aggregate(tenantId, checkin.id)).toEqual({
        respondents: 5,
        skipped: 0,
        counts: { mood: [1, 2, 1, 0, 1] },
      });
    });

    it('refuses an answer to a check-in that does not exist, and writes nothing', async () => {
      const { tables, stores } = await setUp(1);
      const error = await stores[0]!
        .answer(tenantId, 'no-such-checkin', pseudonym(1), mood(3), at)
        .catch((e: unknown) => e);
      expect(isBelongError(error, 'notFound')).toBe(true);
      expect(await tables.list('checkins', tenantId, 'c:no-such-checkin')).toEqual([]);
    });

    it('after the retention purge keeps one counts row with the same totals', async () => {
      const { tables, stores, checkin } = await setUp(3);
      await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          stores[n % 3]!.answer(tenantId, checkin.id, pseudonym(n), mood((n % 5) + 1), at),
        ),
      );
      const before = await stores[0]!.aggregate(tenantId, checkin.id);
      expect(before).toEqual({ respondents: 30, skipped: 0, counts: { mood: [6, 6, 6, 6, 6] } });
      await stores[0]!.markClosed(tenantId, checkin);
      expect(await stores[0]!.purgeAnswersBefore(tenantId, '2026-12-01')).toBe(30);
      const { answers, countsRows } = await rowsOf(tables, checkin.id);
      expect(answers.size).toBe(0);
      expect(countsRows.map((r) => r.key.row)).toEqual(['agg']);
      expect(await stores[1]!.aggregate(tenantId, checkin.id)).toEqual(before);
      const [entry] = (await stores[2]!.listForClass(tenantId, checkin.teamId)).filter(
        (e) => e.checkinId === checkin.id,
      );
      expect(entry?.final).toEqual(before);
    });
  });
}
