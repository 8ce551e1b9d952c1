/**
 * Where reminders and the daily card are decided (decision 015), in the `rotas` table beside the
 * rota itself:
 *
 * | partition          | rows                                                                |
 * | ------------------ | ------------------------------------------------------------------- |
 * | `settings`         | `notices`: reminder time, language, the daily card's channel        |
 * | `reminders:<date>` | one per ambassador reminded (or skipped) that day, keyed by their   |
 * |                    | id; `~today` for the daily card; `~done` once the day is settled     |
 *
 * Each decision is insert-only, so when several instances tick at once the first one decides and
 * the others follow what it decided: a reminder is never queued twice, or queued and skipped.
 */
import { isBelongError } from '../errors.js';
import type { TableStore } from '../ports/table-store.js';
import type { ReminderRecord, RotaNoticeSettings } from './rota-notices.js';

const table = 'rotas';
const dayPartition = (date: string) => `reminders:${date}`;
/** Row keys that can't be an Entra object id. */
const todayRow = '~today';
const doneRow = '~done';

export class RotaNoticeStore {
  constructor(private readonly store: TableStore) {}

  async settings(tenantId: string): Promise<RotaNoticeSettings | undefined> {
    return (
      await this.store.get<RotaNoticeSettings>(table, {
        tenantId,
        partition: 'settings',
        row: 'notices',
      })
    )?.value;
  }

  async putSettings(tenantId: string, settings: RotaNoticeSettings): Promise<void> {
    await this.store.upsert(table, { tenantId, partition: 'settings', row: 'notices' }, settings);
  }

  /**
   * Records what was decided about a reminder (or, without `ambassadorId`, the daily card), unless
   * someone decided it first: then their decision is returned, to be followed.
   */
  async decide(tenantId: string, record: ReminderRecord): Promise<ReminderRecord> {
    const key = {
      tenantId,
      partition: dayPartition(record.date),
      row: record.ambassadorId ?? todayRow,
    };
    try {
      await this.store.insert(table, key, record);
      return record;
    } catch (e) {
      if (!isBelongError(e, 'conflict')) throw e;
      const found = await this.store.get<ReminderRecord>(table, key);
      if (!found) throw e;
      return found.value;
    }
  }

  /** After its deliveries are in the outbox: later ticks need not queue it again. */
  async markQueued(tenantId: string, record: ReminderRecord, now: Date): Promise<void> {
    await this.store.upsert(
      table,
      { tenantId, partition: dayPartition(record.date), row: record.ambassadorId ?? todayRow },
      { ...record, queuedAt: now.toISOString() },
    );
  }

  /** Every decision of one day: the reminders (by ambassador) and the daily card. */
  async day(
    tenantId: string,
    date: string,
  ): Promise<{ reminders: ReminderRecord[]; todayCard?: ReminderRecord; done: boolean }> {
    const rows = await this.store.list<ReminderRecord>(table, tenantId, dayPartition(date));
    const todayCard = rows.find((r) => r.key.row === todayRow)?.value;
    return {
      reminders: rows.filter((r) => !r.key.row.startsWith('~')).map((r) => r.value),
      ...(todayCard ? { todayCard } : {}),
      done: rows.some((r) => r.key.row === doneRow),
    };
  }

  async isDone(tenantId: string, date: string): Promise<boolean> {
    return !!(await this.store.get(table, {
      tenantId,
      partition: dayPartition(date),
      row: doneRow,
    }));
  }

  /** The day is settled: nothing more will be reminded or posted for it. */
  async markDone(tenantId: string, date: string, now: Date): Promise<void> {
    await this.store.upsert(
      table,
      { tenantId, partition: dayPartition(date), row: doneRow },
      { at: now.toISOString() },
    );
  }
}
