/**
 * Check-in storage, shaped the way a school is: each check-in is one partition (`c:<id>`: its
 * record, its aggregate and about 30 answers), so answering never writes into an ever-growing
 * partition. Answers and the aggregate change together in one entity-group transaction.
 *
 * Group commit: answers to one check-in that arrive while a write for it is in flight are
 * collected and written together in the next transaction (up to 99 answers plus the aggregate).
 * An answer is acknowledged only after its transaction commits. Several server instances may
 * answer the same check-in: the aggregate's etag makes a stale instance read the aggregate and
 * its batch's answers again and retry, after a short random pause.
 */
import { BelongError, isBelongError } from '../errors.js';
import type { Stored, TableStore, TransactOp } from '../ports/table-store.js';
import {
  applyAnswer,
  emptyAggregate,
  sameAnswer,
  type AnswerValue,
  type Checkin,
  type CheckinAggregate,
  type StoredAnswer,
} from './checkin.js';
import { checkinTemplate } from './templates.js';

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

/** The outcome of one answer, for the pupil's own card. */
export interface AnswerOutcome {
  answer: AnswerValue;
  /** True when this pupil had no answer to this check-in before. */
  first: boolean;
}

interface PartitionState {
  checkin: Checkin;
  aggregate: Stored<CheckinAggregate>;
  answers: Map<string, StoredAnswer>;
}

interface Pending {
  pseudonym: string;
  answer: AnswerValue;
  at: string;
  resolve: (outcome: AnswerOutcome) => void;
  reject: (error: unknown) => void;
}

const checkinPartition = (checkinId: string) => `c:${checkinId}`;
const answerRow = (pseudonym: string) => `a:${pseudonym}`;
const classPartition = (teamId: string) => `class:${teamId}`;
const indexRow = (date: string, checkinId: string) => `${date}|${checkinId}`;
/** Open check-ins, to close; closed ones whose raw answers are waiting to be purged. */
const openPartition = 'open';
const purgePartition = 'purge';
/** A token that changes whenever trends could change (a check-in closed, settings saved). */
const versionKey = (tenantId: string) => ({ tenantId, partition: 'trends', row: 'version' });

const maxAnswersPerCommit = 99;
/**
 * Tries before an answer that keeps losing to another instance's commits is refused ("Nothing has
 * changed. Please try again"). With the back-off capped at 320 ms, 12 tries wait about 2 s at
 * most. Measured with two instances and 200 answers at once on one check-in, the 2 cores also
 * running 6 busy loops: 8 tries refused 80 of 800 answers, 12 tries 14 (17 with 10 loops).
 */
const maxCommitAttempts = 12;
/** Partitions kept in memory between commits; older ones are read again when needed. */
const maxCachedPartitions = 2_000;

export class CheckinStore {
  readonly #cache = new Map<string, PartitionState>();
  readonly #queues = new Map<string, { pending: Pending[]; running: boolean }>();
  /** Check-in records read for answers not yet committed by this process (see get). */
  readonly #records = new Map<string, Promise<Checkin | undefined>>();

  constructor(private readonly store: TableStore) {}

  /** Records a new check-in: its partition, the class index and the open list. */
  async create(tenantId: string, checkin: Checkin): Promise<void> {
    const template = checkinTemplate(checkin.templateId);
    await this.store.transact('checkins', tenantId, checkinPartition(checkin.id), [
      { op: 'insert', row: 'meta', value: checkin },
      { op: 'insert', row: 'agg', value: emptyAggregate(template) },
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
    const cached = this.#cache.get(key);
    if (cached) return Promise.resolve(cached.checkin);
    const known = this.#records.get(key);
    if (known) return known;
    const record = this.store
      .get<Checkin>('checkins', { tenantId, partition: checkinPartition(checkinId), row: 'meta' })
      .then((row) => row?.value);
    this.#records.set(key, record);
    if (this.#records.size > maxCachedPartitions) {
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

  async aggregate(tenantId: string, checkinId: string): Promise<CheckinAggregate | undefined> {
    return (
      await this.store.get<CheckinAggregate>('checkins', {
        tenantId,
        partition: checkinPartition(checkinId),
        row: 'agg',
      })
    )?.value;
  }

  /**
   * Sets one pupil's answer (replacing any earlier one) and updates the aggregate in the same
   * transaction. Resolves once it is stored.
   */
  answer(
    tenantId: string,
    checkinId: string,
    pseudonym: string,
    answer: AnswerValue,
    at: Date,
  ): Promise<AnswerOutcome> {
    const key = cacheKey(tenantId, checkinId);
    let queue = this.#queues.get(key);
    if (!queue) {
      queue = { pending: [], running: false };
      this.#queues.set(key, queue);
    }
    const promise = new Promise<AnswerOutcome>((resolve, reject) =>
      queue.pending.push({ pseudonym, answer, at: at.toISOString(), resolve, reject }),
    );
    if (!queue.running) {
      queue.running = true;
      // Let answers that arrive in the same turn of the event loop join this commit.
      setImmediate(() => void this.#drain(tenantId, checkinId, key));
    }
    return promise;
  }

  async #drain(tenantId: string, checkinId: string, key: string): Promise<void> {
    const queue = this.#queues.get(key)!;
    while (queue.pending.length > 0) {
      const batch = takeBatch(queue.pending);
      try {
        const outcomes = await this.#commit(tenantId, checkinId, batch);
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    queue.running = false;
    this.#queues.delete(key);
  }

  async #commit(tenantId: string, checkinId: string, batch: Pending[]): Promise<AnswerOutcome[]> {
    const key = cacheKey(tenantId, checkinId);
    for (let attempt = 1; ; attempt++) {
      try {
        // After a lost race, only the aggregate and this batch's pupils are read again: a window
        // far shorter than listing the whole partition, so a busy instance can't keep beating
        // this one.
        const state =
          attempt === 1
            ? (this.#cache.get(key) ?? (await this.#load(tenantId, checkinId)))
            : await this.#batchState(tenantId, checkinId, batch);
        let aggregate = state.aggregate.value;
        const answers = new Map(state.answers);
        const outcomes: AnswerOutcome[] = [];
        const ops: TransactOp[] = [];
        for (const p of batch) {
          const before = answers.get(p.pseudonym);
          outcomes.push({ answer: p.answer, first: before === undefined });
          if (sameAnswer(before, p.answer)) continue;
          aggregate = applyAnswer(applyAnswer(aggregate, before, -1), p.answer, 1);
          const stored: StoredAnswer = { ...p.answer, answeredAt: p.at };
          answers.set(p.pseudonym, stored);
          ops.push({ op: 'upsert', row: answerRow(p.pseudonym), value: stored });
        }
        // The aggregate is always replaced, even when nothing changed: its etag proves this
        // instance's view was current, so an unchanged answer is never acknowledged from a stale cache.
        ops.push({ op: 'replace', row: 'agg', value: aggregate, etag: state.aggregate.etag });
        const etags = await this.store.transact(
          'checkins',
          tenantId,
          checkinPartition(checkinId),
          ops,
        );
        // A batch's state knows only its own pupils: then the next commit reads the partition.
        if (attempt === 1) {
          this.#remember(key, {
            checkin: state.checkin,
            aggregate: { ...state.aggregate, value: aggregate, etag: etags.agg! },
            answers,
          });
        }
        return outcomes;
      } catch (e) {
        this.#cache.delete(key);
        const raced = isBelongError(e, 'preconditionFailed') || isBelongError(e, 'notFound');
        if (!raced || attempt >= maxCommitAttempts) throw e;
        // Another instance committed first: let it finish its run of commits before reading again.
        await backOff(attempt);
      }
    }
  }

  /**
   * Reads the whole partition into a state this process can answer from. A large partition is
   * listed page by page (1,000 rows each), so another instance's commit could land between
   * pages and leave answers and aggregate from different moments; every commit replaces the
   * aggregate, so an aggregate etag unchanged from before the listing to after it proves the
   * rows belong together. Otherwise this is a lost race (preconditionFailed).
   */
  async #load(tenantId: string, checkinId: string): Promise<PartitionState> {
    const partition = checkinPartition(checkinId);
    const aggKey = { tenantId, partition, row: 'agg' };
    const before = await this.store.get<CheckinAggregate>('checkins', aggKey);
    const rows = await this.store.list<Record<string, unknown>>('checkins', tenantId, partition);
    const meta = rows.find((r) => r.key.row === 'meta');
    const agg = rows.find((r) => r.key.row === 'agg');
    if (!before || !meta || !agg) throw new BelongError('notFound', 'check-in not found');
    const after = await this.store.get<CheckinAggregate>('checkins', aggKey);
    if (agg.etag !== before.etag || after?.etag !== before.etag) {
      throw new BelongError('preconditionFailed', 'check-in changed while it was read');
    }
    const answers = new Map<string, StoredAnswer>();
    for (const r of rows) {
      if (r.key.row.startsWith('a:')) answers.set(r.key.row.slice(2), r.value as StoredAnswer);
    }
    return { checkin: meta.value as Checkin, aggregate: agg as Stored<CheckinAggregate>, answers };
  }

  /**
   * The current aggregate, then the current answers of this batch's pupils. A commit guarded by
   * that aggregate's etag succeeds only if nothing was committed since it was read, and then
   * the answers read after it are current too.
   */
  async #batchState(
    tenantId: string,
    checkinId: string,
    batch: Pending[],
  ): Promise<PartitionState> {
    const partition = checkinPartition(checkinId);
    const aggregate = await this.store.get<CheckinAggregate>('checkins', {
      tenantId,
      partition,
      row: 'agg',
    });
    const checkin = await this.get(tenantId, checkinId);
    if (!aggregate || !checkin) throw new BelongError('notFound', 'check-in not found');
    const rows = await Promise.all(
      batch.map((p) =>
        this.store.get<StoredAnswer>('checkins', {
          tenantId,
          partition,
          row: answerRow(p.pseudonym),
        }),
      ),
    );
    const answers = new Map<string, StoredAnswer>();
    batch.forEach((p, i) => {
      const row = rows[i];
      if (row) answers.set(p.pseudonym, row.value);
    });
    return { checkin, aggregate, answers };
  }

  #remember(key: string, state: PartitionState): void {
    this.#cache.delete(key);
    this.#cache.set(key, state);
    if (this.#cache.size > maxCachedPartitions) {
      this.#cache.delete(this.#cache.keys().next().value!);
    }
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
      const answers = (await this.store.list('checkins', tenantId, partition)).filter((r) =>
        r.key.row.startsWith('a:'),
      );
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
      this.#cache.delete(cacheKey(tenantId, entry.value.checkinId));
      await this.store.delete('checkins', entry.key);
    }
    return deleted;
  }
}

const cacheKey = (tenantId: string, checkinId: string) => `${tenantId}|${checkinId}`;

/** A random pause after losing a race: up to 10 ms, doubling each time, at most 320 ms. */
const backOff = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * 5 * 2 ** Math.min(attempt, 6)));

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

/** Up to 99 answers from distinct pupils (a pupil's later answer waits for the next commit). */
function takeBatch(pending: Pending[]): Pending[] {
  const batch: Pending[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < pending.length && batch.length < maxAnswersPerCommit;) {
    const p = pending[i]!;
    if (seen.has(p.pseudonym)) {
      i++;
      continue;
    }
    seen.add(p.pseudonym);
    batch.push(p);
    pending.splice(i, 1);
  }
  return batch;
}
