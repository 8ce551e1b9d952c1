/**
 * Check-in storage, shaped the way a school is: each check-in is one partition (`c:<id>`: its
 * record, its counts and one row per answer), so answering never writes into an ever-growing
 * partition. Answers and counts change together in one entity-group transaction; the counts are
 * kept in shards, one per writing process, merged on read, so several server instances can take
 * the same check-in without racing each other (answer-commits.ts, decision 031).
 */
import {
  maxTransactOps,
  type Stored,
  type TableStore,
  type TransactOp,
} from '../ports/table-store.js';
import {
  AnswerCommits,
  answerRow,
  baseCountsRow,
  checkinPartition,
  isCountsRow,
  sumCounts,
  type AnswerOutcome,
} from './answer-commits.js';
import {
  emptyAggregate,
  type AnswerValue,
  type Checkin,
  type CheckinAggregate,
  type StoredAnswer,
} from './checkin.js';
import { checkinTemplate } from './templates.js';

export type { AnswerOutcome } from './answer-commits.js';

/** What the class index keeps about each check-in; `final` is the aggregate once it closed. */
export interface CheckinIndexEntry extends Record<string, unknown> {
  checkinId: string;
  templateId: Checkin['templateId'];
  phase: Checkin['phase'];
  date: string;
  closesAt: string;
  classSize: number;
  final?: CheckinAggregate;
}

const classPartition = (teamId: string) => `class:${teamId}`;
const indexRow = (date: string, checkinId: string) => `${date}|${checkinId}`;
/** Open check-ins, to close; closed ones whose raw answers are waiting to be purged. */
const openPartition = 'open';
const purgePartition = 'purge';
/** A token that changes whenever trends could change (a check-in closed, settings saved). */
const versionKey = (tenantId: string) => ({ tenantId, partition: 'trends', row: 'version' });

/** Check-in records kept in memory (they never change once created). */
const maxCachedRecords = 2_000;

export class CheckinStore {
  /** Check-in records, read once per process (see get). */
  readonly #records = new Map<string, Promise<Checkin | undefined>>();
  readonly #answers: AnswerCommits;

  constructor(private readonly store: TableStore) {
    this.#answers = new AnswerCommits(store, (tenantId, checkinId) =>
      this.get(tenantId, checkinId),
    );
  }

  /** The counts row this process writes its answers' counts to (decision 031). */
  get shardRow(): string {
    return this.#answers.shardRow;
  }

  /** Records a new check-in: its partition, the class index and the open list. */
  async create(tenantId: string, checkin: Checkin): Promise<void> {
    const template = checkinTemplate(checkin.templateId);
    await this.store.transact('checkins', tenantId, checkinPartition(checkin.id), [
      { op: 'insert', row: 'meta', value: checkin },
      { op: 'insert', row: baseCountsRow, value: emptyAggregate(template) },
    ]);
    await this.store.upsert(
      'checkins',
      {
        tenantId,
        partition: classPartition(checkin.teamId),
        row: indexRow(checkin.date, checkin.id),
      },
      indexEntryOf(checkin),
    );
    await this.store.upsert(
      'checkins',
      { tenantId, partition: openPartition, row: checkin.id },
      { teamId: checkin.teamId, date: checkin.date, closesAt: checkin.closesAt },
    );
  }

  /**
   * A check-in's record. It never changes once created, so it is read once per process (however
   * many answers ask at once); a check-in not found is not remembered.
   */
  get(tenantId: string, checkinId: string): Promise<Checkin | undefined> {
    const key = cacheKey(tenantId, checkinId);
    const known = this.#records.get(key);
    if (known) return known;
    const record = this.store
      .get<Checkin>('checkins', { tenantId, partition: checkinPartition(checkinId), row: 'meta' })
      .then((row) => row?.value);
    this.#records.set(key, record);
    if (this.#records.size > maxCachedRecords) {
      this.#records.delete(this.#records.keys().next().value!);
    }
    const forget = () => {
      if (this.#records.get(key) === record) this.#records.delete(key);
    };
    void record.then((checkin) => checkin ?? forget(), forget);
    return record;
  }

  /** The pupil's current answer, read from storage (not the cache: another instance may have it). */
  async answerOf(
    tenantId: string,
    checkinId: string,
    pseudonym: string,
  ): Promise<StoredAnswer | undefined> {
    return (
      await this.store.get<StoredAnswer>('checkins', {
        tenantId,
        partition: checkinPartition(checkinId),
        row: answerRow(pseudonym),
      })
    )?.value;
  }

  /**
   * A check-in's counts: the sum of its counts rows (the base row and each writer's shard).
   * Read when it closes, not on every answer, so listing its partition is fine.
   */
  async aggregate(tenantId: string, checkinId: string): Promise<CheckinAggregate | undefined> {
    const rows = await this.store.list<CheckinAggregate>(
      'checkins',
      tenantId,
      checkinPartition(checkinId),
    );
    const counts = rows.filter((r) => isCountsRow(r.key.row)).map((r) => r.value);
    return counts.length ? sumCounts(counts) : undefined;
  }

  /**
   * Sets one pupil's answer, given at `at`, replacing an earlier one given before it (a tap given
   * before the stored answer changes nothing), and updates the counts in the same transaction.
   * Resolves once it is stored, with the answer that stands.
   */
  answer(
    tenantId: string,
    checkinId: string,
    pseudonym: string,
    answer: AnswerValue,
    at: Date,
  ): Promise<AnswerOutcome> {
    return this.#answers.answer(tenantId, checkinId, pseudonym, answer, at);
  }

  /** Check-ins still open (to be closed when their time comes). */
  async listOpen(
    tenantId: string,
  ): Promise<{ checkinId: string; teamId: string; date: string; closesAt: string }[]> {
    const rows = await this.store.list<{ teamId: string; date: string; closesAt: string }>(
      'checkins',
      tenantId,
      openPartition,
    );
    return rows.map((r) => ({ checkinId: r.key.row, ...r.value }));
  }

  /**
   * After closing: keeps the final aggregate in the class index (trends read only the index),
   * queues the raw answers for purging, and takes the check-in off the open list. Idempotent.
   */
  async markClosed(tenantId: string, checkin: Checkin): Promise<CheckinAggregate> {
    const final =
      (await this.aggregate(tenantId, checkin.id)) ??
      emptyAggregate(checkinTemplate(checkin.templateId));
    await this.store.upsert(
      'checkins',
      {
        tenantId,
        partition: classPartition(checkin.teamId),
        row: indexRow(checkin.date, checkin.id),
      },
      { ...indexEntryOf(checkin), final },
    );
    await this.store.upsert(
      'checkins',
      { tenantId, partition: purgePartition, row: indexRow(checkin.date, checkin.id) },
      { checkinId: checkin.id, date: checkin.date },
    );
    await this.store.delete('checkins', { tenantId, partition: openPartition, row: checkin.id });
    await this.touchTrends(tenantId);
    return final;
  }

  /** Marks trends as changed, after the data they are built from has changed. */
  async touchTrends(tenantId: string): Promise<void> {
    await this.store.upsert('checkins', versionKey(tenantId), { token: crypto.randomUUID() });
  }

  /** The current trends token; trends built under another token are out of date. */
  async trendsVersion(tenantId: string): Promise<string> {
    return (
      (await this.store.get<{ token: string }>('checkins', versionKey(tenantId)))?.value.token ??
      'none'
    );
  }

  /** A class's check-ins, oldest first, with final aggregates for closed ones. */
  async listForClass(tenantId: string, teamId: string): Promise<CheckinIndexEntry[]> {
    const rows = await this.store.list<CheckinIndexEntry>(
      'checkins',
      tenantId,
      classPartition(teamId),
    );
    return rows.map((r) => r.value);
  }

  /**
   * Deletes the raw answers of every closed check-in dated before `before` (aggregates stay).
   * Returns how many answers were deleted.
   */
  async purgeAnswersBefore(tenantId: string, before: string): Promise<number> {
    let deleted = 0;
    const due = (
      await this.store.list<{ checkinId: string; date: string }>(
        'checkins',
        tenantId,
        purgePartition,
      )
    ).filter((r) => r.value.date < before);
    for (const entry of due) {
      const partition = checkinPartition(entry.value.checkinId);
      const rows = await this.store.list<CheckinAggregate>('checkins', tenantId, partition);
      const answers = rows.filter((r) => r.key.row.startsWith('a:'));
      for (let i = 0; i < answers.length; i += 100) {
        const chunk = answers.slice(i, i + 100);
        await this.store.transact(
          'checkins',
          tenantId,
          partition,
          chunk.map((r) => ({ op: 'delete', row: r.key.row })),
        );
        deleted += chunk.length;
      }
      await this.#foldCounts(
        tenantId,
        partition,
        rows.filter((r) => isCountsRow(r.key.row)),
      );
      this.#answers.forget(tenantId, entry.value.checkinId);
      await this.store.delete('checkins', entry.key);
    }
    return deleted;
  }

  /**
   * Once a check-in's answers are gone, its shards are summed into the base counts row and
   * deleted, so what stays for good is one counts row, as before shards. Each step is one
   * transaction guarded by etags: the sum never counts a shard twice or loses one.
   */
  async #foldCounts(
    tenantId: string,
    partition: string,
    counts: Stored<CheckinAggregate>[],
  ): Promise<void> {
    let base = counts.find((r) => r.key.row === baseCountsRow);
    const shards = counts.filter((r) => r.key.row !== baseCountsRow);
    for (let i = 0; i < shards.length; i += maxTransactOps - 1) {
      const chunk = shards.slice(i, i + maxTransactOps - 1);
      const value = sumCounts([...(base ? [base.value] : []), ...chunk.map((r) => r.value)]);
      const ops: TransactOp[] = [
        base
          ? { op: 'replace', row: baseCountsRow, value, etag: base.etag }
          : { op: 'insert', row: baseCountsRow, value },
        ...chunk.map((r): TransactOp => ({ op: 'delete', row: r.key.row })),
      ];
      const etags = await this.store.transact('checkins', tenantId, partition, ops);
      base = {
        key: { tenantId, partition, row: baseCountsRow },
        value,
        etag: etags[baseCountsRow]!,
      };
    }
  }
}

const cacheKey = (tenantId: string, checkinId: string) => `${tenantId}|${checkinId}`;

function indexEntryOf(checkin: Checkin): CheckinIndexEntry {
  return {
    checkinId: checkin.id,
    templateId: checkin.templateId,
    phase: checkin.phase,
    date: checkin.date,
    closesAt: checkin.closesAt,
    classSize: checkin.classSize,
  };
}
