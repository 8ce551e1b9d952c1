import { describe, expect, it } from 'vitest';
import type { EntityKey, EntityValue, TableName } from '../ports/table-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import type { TalkRequest } from './talk.js';
import { TalkStore } from './talk-store.js';

const tenantId = 'school-1';

const request = (id: string, over: Partial<TalkRequest> = {}): TalkRequest => ({
  id,
  pupilId: 'pupil-1',
  pupilTeamsId: '29:pupil-1',
  classTeamIds: ['team-7b'],
  source: 'chat',
  locale: 'en-GB',
  status: 'new',
  createdAt: '2026-11-24T10:00:00.000Z',
  alertAt: '2026-11-24T10:00:00.000Z',
  alerts: [],
  notes: [],
  ...over,
});

/** In-memory tables whose first write of a new request row waits until released. */
class GatedTables extends MemoryTableStore {
  #hit!: () => void;
  #release?: () => void;
  /** Resolves when the first request row is about to be written (and is being held). */
  readonly held = new Promise<void>((resolve) => (this.#hit = resolve));
  #gate = true;
  open(): void {
    this.#release?.();
  }
  override async insert<T extends EntityValue>(table: TableName, key: EntityKey, value: T) {
    if (this.#gate && table === 'support' && key.partition === 'requests') {
      this.#gate = false;
      this.#hit();
      await new Promise<void>((resolve) => (this.#release = resolve));
    }
    return super.insert(table, key, value);
  }
}

describe('TalkStore.create', () => {
  it('makes one request of two taps at once, and tells the other tap which one stands', async () => {
    const talks = new TalkStore(new MemoryTableStore());
    const made = await Promise.all([
      talks.create(tenantId, request('a'), undefined),
      talks.create(tenantId, request('b'), undefined),
    ]);
    expect(made.map((m) => m.created).sort()).toEqual([false, true]);
    const standing = made.find((m) => m.created)!.request.id;
    expect(made.map((m) => m.request.id)).toEqual([standing, standing]);
    expect((await talks.list(tenantId)).map((r) => r.id)).toEqual([standing]);
    expect((await talks.waiting(tenantId)).map((r) => r.value.id)).toEqual([standing]);
    expect((await talks.latestOf(tenantId, 'pupil-1'))?.id).toBe(standing);
  });

  it('makes one request when a second tap comes while the first is still being written', async () => {
    const tables = new GatedTables();
    const talks = new TalkStore(tables);
    const first = talks.create(tenantId, request('a'), undefined);
    await tables.held;
    const second = await talks.create(tenantId, request('b'), undefined);
    tables.open();
    const made = [await first, second];
    const standing = made.filter((m) => m.created);
    expect(standing).toHaveLength(1);
    expect(made.map((m) => m.request.id)).toEqual([
      standing[0]!.request.id,
      standing[0]!.request.id,
    ]);
    expect((await talks.list(tenantId)).map((r) => r.id)).toEqual([standing[0]!.request.id]);
    expect((await talks.waiting(tenantId)).map((r) => r.value.id)).toEqual([
      standing[0]!.request.id,
    ]);
  });

  it('makes a new request once the last one is closed, and finds it as the latest', async () => {
    const talks = new TalkStore(new MemoryTableStore());
    const first = (await talks.create(tenantId, request('b'), undefined)).request;
    const stored = (await talks.get(tenantId, 'b'))!;
    await talks.replace(tenantId, stored, { ...first, status: 'resolved' });
    expect(await talks.waiting(tenantId)).toEqual([]);
    const closed = await talks.latestOf(tenantId, 'pupil-1');
    const second = await talks.create(tenantId, request('a'), closed);
    expect(second.created).toBe(true);
    expect((await talks.latestOf(tenantId, 'pupil-1'))?.id).toBe('a');
    // A tap that read before the second request was made finds it, rather than a third.
    const stale = await talks.create(tenantId, request('0'), closed);
    expect(stale).toMatchObject({ created: false, request: { id: 'a' } });
    expect((await talks.list(tenantId)).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('refuses a lost race on the request as a lost race', async () => {
    const tables = new MemoryTableStore();
    const talks = new TalkStore(tables);
    await talks.create(tenantId, request('a'), undefined);
    const stored = (await talks.get(tenantId, 'a'))!;
    await talks.replace(tenantId, stored, { ...stored.value, status: 'acknowledged' });
    await expect(
      talks.replace(tenantId, stored, { ...stored.value, status: 'resolved' }),
    ).rejects.toMatchObject({ code: 'preconditionFailed' });
  });
});

describe('TalkStore.settings', () => {
  it('gives the defaults until the school sets its own', async () => {
    const talks = new TalkStore(new MemoryTableStore());
    expect(await talks.settings(tenantId)).toEqual({
      dayStart: '08:30',
      dayEnd: '16:00',
      escalationMinutes: 15,
      locale: 'en-GB',
    });
    await talks.setSettings(tenantId, {
      dayStart: '08:45',
      dayEnd: '15:20',
      escalationMinutes: 10,
      locale: 'cy',
    });
    expect(await talks.settings(tenantId)).toMatchObject({ dayStart: '08:45', locale: 'cy' });
    expect((await talks.settings('school-2')).dayStart).toBe('08:30');
  });
});
