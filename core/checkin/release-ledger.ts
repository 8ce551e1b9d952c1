/**
 * The release ledger (decision 012): for each school, every period's trend figures as they were
 * when first shown, kept in the check-ins table. A period is published once — after it has
 * ended and every check-in in it has closed — with the k and year groups in force then, and is
 * read from here ever after, so re-reading, a new k or a class moved in or out of the totals can
 * never show a second, different version of it to subtract from the first.
 *
 * Rows are insert-only: the first instance to publish a period wins, and any other reads what it
 * wrote. So an entry, once read, never changes and may be kept in memory for good.
 */
import { isBelongError } from '../errors.js';
import type { TableStore } from '../ports/table-store.js';
import type { Distribution, PeriodKind, TrendPeriod } from './trends.js';

/** One question's figures in one period, as released. */
export interface ReleasedQuestion {
  classes: Record<string, Distribution>;
  yearGroups: Record<string, Distribution>;
  school: Distribution | null;
}

export interface ReleasedPeriod extends Record<string, unknown> {
  kind: PeriodKind;
  period: TrendPeriod;
  /** The k and year groups the figures were worked out with. */
  k: number;
  yearGroups: Record<string, string>;
  /**
   * The check-ins it was worked out from. No check-in is ever in two published periods, so the
   * periods are independent (e.g. if term dates are edited after a term was shown).
   */
  checkinIds: string[];
  /** The school-local date it was first shown. */
  publishedOn: string;
  questions: Record<string, ReleasedQuestion>;
}

const partition = 'released';
export const releaseRow = (kind: PeriodKind, periodId: string): string => `${kind}|${periodId}`;

export class ReleaseLedger {
  constructor(private readonly store: TableStore) {}

  /** Every period published for the school. */
  async list(tenantId: string): Promise<ReleasedPeriod[]> {
    return (await this.store.list<ReleasedPeriod>('checkins', tenantId, partition)).map(
      (r) => r.value,
    );
  }

  /**
   * Records a period's figures unless they are already there, and returns what is recorded: the
   * first version published wins, so every reader sees the same figures.
   */
  async publish(tenantId: string, released: ReleasedPeriod): Promise<ReleasedPeriod> {
    const key = { tenantId, partition, row: releaseRow(released.kind, released.period.id) };
    try {
      await this.store.insert('checkins', key, released);
      return released;
    } catch (error) {
      if (!isBelongError(error) || error.code !== 'conflict') throw error;
      const first = await this.store.get<ReleasedPeriod>('checkins', key);
      if (!first) throw error;
      return first.value;
    }
  }
}
