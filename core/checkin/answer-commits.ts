/**
 * How answers are written when several server instances take the same check-in (decision 031).
 *
 * A check-in's counts are kept in shards: the base row `agg` (written when the check-in is
 * created, and the only counts row of check-ins answered before this scheme) plus one row per
 * writing process, `agg:<writer>`, which only that process ever writes. The counts of a check-in
 * are the sum of its counts rows. So two instances never write the same counts row, and an
 * answer only races with another write of the *same pupil's* answer row, not with every other
 * pupil's answer.
 *
 * Each answer carries when the pupil gave it (the time Teams stamped on the tap); a tap given
 * before the stored answer leaves it as it is, so a replayed or late tap never overwrites a newer
 * choice.
 *
 * Each pupil's answer row is written guarded: `insert` when this process knows of no earlier
 * answer, else `replace` with the etag it last saw (also when the answer is unchanged: that
 * proves the answer it acknowledges is the stored one). A write that succeeds therefore moved the
 * row from exactly the answer this process thought it held, and the shard gets that difference
 * (old answer out, new answer in) in the same transaction. Summed over every shard, each pupil is
 * counted once, with their stored answer.
 *
 * Group commit: answers to one check-in that arrive while a write for it is in flight go
 * together in the next transaction (up to 99 answers plus this process's shard). An answer is
 * acknowledged only after its transaction commits. A guarded write that fails (another instance
 * wrote one of this batch's pupils, or the cache was stale) re-reads just those pupils and this
 * process's shard, and tries again.
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

/** The base counts row; older check-ins keep all their counts here. */
export const baseCountsRow = 'agg';
const shardPrefix = 'agg:';
export const isCountsRow = (row: string): boolean =>
  row === baseCountsRow || row.startsWith(shardPrefix);
export const answerRow = (pseudonym: string) => `a:${pseudonym}`;
export const checkinPartition = (checkinId: string) => `c:${checkinId}`;

/** Adds counts rows together (question ids missing from one count as zeros). */
export function sumCounts(rows: readonly CheckinAggregate[]): CheckinAggregate {
  const counts: Record<string, number[]> = {};
  let respondents = 0;
  let skipped = 0;
  for (const row of rows) {
    respondents += row.respondents;
    skipped += row.skipped;
    for (const [id, c] of Object.entries(row.counts)) {
      const into = (counts[id] ??= [0, 0, 0, 0, 0]);
      c.forEach((n, i) => (into[i] = (into[i] ?? 0) + n));
    }
  }
  return { respondents, skipped, counts };
}

/** The outcome of one answer, for the pupil's own card. */
export interface AnswerOutcome {
  answer: AnswerValue;
  /** True when this pupil had no answer to this check-in before. */
  first: boolean;
}

interface Pending {
  pseudonym: string;
  answer: AnswerValue;
  at: string;
  resolve: (outcome: AnswerOutcome) => void;
  reject: (error: unknown) => void;
}

/** What this process knows of one check-in: answer rows it has seen, and its own shard. */
interface CheckinState {
  answers: Map<string, Stored<StoredAnswer>>;
  /** undefined: none written by this process as far as it knows (then it is inserted). */
  shard?: Stored<CheckinAggregate>;
}

const maxAnswersPerCommit = 99;
/**
 * Tries before an answer is refused ("Nothing has changed. Please try again"). A try fails only
 * when another instance wrote one of the batch's own pupils in between (a pupil tapping on two
 * instances at once), so a second try nearly always succeeds.
 */
const maxCommitAttempts = 12;
/** Check-ins kept in memory between commits; older ones are read again as needed. */
const maxCachedCheckins = 2_000;

export class AnswerCommits {
  /** This process's own counts row in every check-in it writes to. */
  readonly shardRow = `${shardPrefix}${crypto.randomUUID()}`;
  readonly #cache = new Map<string, CheckinState>();
  readonly #queues = new Map<string, { pending: Pending[]; running: boolean }>();

  constructor(
    private readonly store: TableStore,
    /** The check-in's record (cached by the caller); undefined when there is no such check-in. */
    private readonly record: (tenantId: string, checkinId: string) => Promise<Checkin | undefined>,
  ) {}

  /** Sets one pupil's answer (replacing any earlier one). Resolves once it is stored. */
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

  /** Forgets what this process knows of a check-in (after its answers were purged). */
  forget(tenantId: string, checkinId: string): void {
    this.#cache.delete(cacheKey(tenantId, checkinId));
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
    const checkin = await this.record(tenantId, checkinId);
    if (!checkin) throw new BelongError('notFound', 'check-in not found');
    const key = cacheKey(tenantId, checkinId);
    const partition = checkinPartition(checkinId);
    const state: CheckinState = this.#cache.get(key) ?? { answers: new Map() };
    for (let attempt = 1; ; attempt++) {
      let shard = state.shard?.value ?? emptyAggregate(checkinTemplate(checkin.templateId));
      let changed = false;
      const outcomes: AnswerOutcome[] = [];
      const written: StoredAnswer[] = [];
      const ops: TransactOp[] = [];
      for (const p of batch) {
        const before = state.answers.get(p.pseudonym);
        const row = answerRow(p.pseudonym);
        // A replayed or late tap given before the stored answer was given changes nothing: the
        // pupil's latest choice stands, whatever order the taps arrive in (issue 22).
        const newer = before !== undefined && before.value.answeredAt > p.at;
        outcomes.push({
          answer: newer ? answerValueOf(before.value) : p.answer,
          first: before === undefined,
        });
        if (before && (newer || sameAnswer(before.value, p.answer))) {
          written.push(before.value);
          ops.push({ op: 'replace', row, value: before.value, etag: before.etag });
          continue;
        }
        shard = applyAnswer(applyAnswer(shard, before?.value, -1), p.answer, 1);
        changed = true;
        const stored: StoredAnswer = { ...p.answer, answeredAt: p.at };
        written.push(stored);
        ops.push(
          before
            ? { op: 'replace', row, value: stored, etag: before.etag }
            : { op: 'insert', row, value: stored },
        );
      }
      if (changed) {
        ops.push(
          state.shard
            ? { op: 'replace', row: this.shardRow, value: shard, etag: state.shard.etag }
            : { op: 'insert', row: this.shardRow, value: shard },
        );
      }
      try {
        const etags = await this.store.transact('checkins', tenantId, partition, ops);
        // A row whose new etag is unknown is forgotten: the next write of it is then an insert,
        // which fails and reads it, rather than a replace that could not be guarded.
        batch.forEach((p, i) => {
          const row = answerRow(p.pseudonym);
          const etag = etags[row];
          if (!etag) state.answers.delete(p.pseudonym);
          else
            state.answers.set(p.pseudonym, {
              key: { tenantId, partition, row },
              value: written[i]!,
              etag,
            });
        });
        if (changed) {
          const etag = etags[this.shardRow];
          state.shard = etag
            ? { key: { tenantId, partition, row: this.shardRow }, value: shard, etag }
            : undefined;
        }
        this.#remember(key, state);
        return outcomes;
      } catch (e) {
        const raced =
          isBelongError(e, 'preconditionFailed') ||
          isBelongError(e, 'conflict') ||
          isBelongError(e, 'notFound');
        if (!raced || attempt >= maxCommitAttempts) {
          this.#cache.delete(key);
          throw e;
        }
        // Someone else wrote one of these pupils (or this process's view was stale): read
        // just them and this process's shard again, after a short random pause.
        await backOff(attempt);
        await this.#reread(tenantId, partition, batch, state);
      }
    }
  }

  async #reread(
    tenantId: string,
    partition: string,
    batch: Pending[],
    state: CheckinState,
  ): Promise<void> {
    const [shard, ...rows] = await Promise.all([
      this.store.get<CheckinAggregate>('checkins', { tenantId, partition, row: this.shardRow }),
      ...batch.map((p) =>
        this.store.get<StoredAnswer>('checkins', {
          tenantId,
          partition,
          row: answerRow(p.pseudonym),
        }),
      ),
    ]);
    state.shard = shard as Stored<CheckinAggregate> | undefined;
    batch.forEach((p, i) => {
      const row = rows[i] as Stored<StoredAnswer> | undefined;
      if (row) state.answers.set(p.pseudonym, row);
      else state.answers.delete(p.pseudonym);
    });
  }

  #remember(key: string, state: CheckinState): void {
    this.#cache.delete(key);
    this.#cache.set(key, state);
    if (this.#cache.size > maxCachedCheckins) {
      this.#cache.delete(this.#cache.keys().next().value!);
    }
  }
}

const cacheKey = (tenantId: string, checkinId: string) => `${tenantId}|${checkinId}`;

/** A random pause after a failed guarded write: up to 10 ms, doubling each time, at most 320 ms. */
const backOff = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * 5 * 2 ** Math.min(attempt, 6)));

/** Up to 99 answers from distinct pupils (a pupil's later answer waits for the next commit). */
const answerValueOf = (stored: StoredAnswer): AnswerValue => ({
  points: stored.points,
  skipped: stored.skipped,
});

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
