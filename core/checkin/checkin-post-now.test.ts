/**
 * "Post now" is all or nothing for staff (issue 21): a check-in is listed only once its card is in
 * the outbox, and a post that dies half way leaves nothing the outbox keeps reading forever.
 * Crashes are injected by a store that throws at one step.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Access } from '../access.js';
import type { Directory } from '../ports/directory.js';
import type { EntityKey, EntityValue, TableName, TransactOp } from '../ports/table-store.js';
import { DeliveryStore, emptyGraceMs } from '../stores/delivery-store.js';
import { SchoolStore } from '../stores/school-store.js';
import { TeamStore } from '../stores/team-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { CheckinStore } from './checkin-store.js';
import { checkinOccurrenceId, CheckinService, postHoldMs } from './checkin-service.js';

const tenantId = 'tenant-1';
const teamId = '19:7b@thread.tacv2';

/**
 * A store that throws at every write matching `crashAt`, as if the instance had died there: the
 * test disarms it (the instance is gone) before looking at what was left.
 */
class CrashingTables extends MemoryTableStore {
  crashAt: ((table: TableName, partition: string, op: string) => boolean) | undefined;
  #check(table: TableName, partition: string, op: string) {
    if (this.crashAt?.(table, partition, op)) throw new Error('instance crashed');
  }
  override insert<T extends EntityValue>(table: TableName, key: EntityKey, value: T) {
    this.#check(table, key.partition, 'insert');
    return super.insert(table, key, value);
  }
  override upsert<T extends EntityValue>(table: TableName, key: EntityKey, value: T) {
    this.#check(table, key.partition, 'upsert');
    return super.upsert(table, key, value);
  }
  override replace<T extends EntityValue>(
    table: TableName,
    key: EntityKey,
    value: T,
    etag: string,
  ) {
    this.#check(table, key.partition, 'replace');
    return super.replace(table, key, value, etag);
  }
  override transact(
    table: TableName,
    tenant: string,
    partition: string,
    ops: readonly TransactOp[],
  ) {
    this.#check(table, partition, 'transact');
    return super.transact(table, tenant, partition, ops);
  }
}

const directory: Directory = {
  roleInTeam: async (_t, _team, userId) => (userId === 'teacher' ? 'teacher' : 'pupil'),
  findPeople: async () => [],
};

let now: Date;
let tables: CrashingTables;
let service: CheckinService;
let checkins: CheckinStore;
let deliveries: DeliveryStore;
let access: Access;

beforeEach(async () => {
  now = new Date('2026-11-24T09:00:00Z');
  tables = new CrashingTables();
  checkins = new CheckinStore(tables);
  deliveries = new DeliveryStore(tables);
  service = new CheckinService({
    schools: new SchoolStore(tables),
    teams: new TeamStore(tables),
    directory,
    deliveries,
    clock: { now: () => now },
    pseudonyms: { pseudonymOf: (_t, u) => `p-${u}` },
    checkins,
    render: { posted: (c) => ({ text: `posted ${c.id}` }), closed: (c) => ({ text: c.id }) },
    safeguarding: { ready: async () => true },
  });
  const teams = new TeamStore(tables);
  await teams.recordInstall(
    tenantId,
    {
      teamId,
      name: 'Class 7B',
      serviceUrl: 'https://smba.example/',
      channels: [{ id: teamId, name: 'General' }],
    },
    now,
  );
  await teams.addMember(tenantId, teamId, {
    userId: 'pupil-1',
    teamsId: '29:1',
    addedAt: now.toISOString(),
  });
  access = {
    tenantId,
    userId: 'teacher',
    schoolRoles: [],
    teams: [{ team: (await teams.get(tenantId, teamId))!, role: 'teacher' }],
    roles: ['teacher'],
  };
});

const post = () =>
  service.post(access, {
    teamId,
    channelId: teamId,
    templateId: 'daily-mood',
    phase: 'secondary',
    locale: 'en-GB',
  });

/** What a sender scanning the outbox at `at` would be given to send. */
const dueAt = (at: Date) => deliveries.due(tenantId, at);

describe('Post now, all or nothing', () => {
  it('without a crash: listed for staff, and its card is due at once', async () => {
    const checkin = await post();
    expect((await checkins.listForClass(tenantId, teamId)).map((c) => c.checkinId)).toEqual([
      checkin.id,
    ]);
    const due = await dueAt(now);
    expect(due.map((d) => d.value.occurrenceId)).toEqual([checkinOccurrenceId(checkin.id)]);
    expect(due[0]!.value.heldUntil).toBeUndefined();
  });

  it('a crash after the card is in the outbox but before the check-in is written: no check-in for staff, the card is never sent and is reported as failed', async () => {
    tables.crashAt = (table) => table === 'checkins';
    await expect(post()).rejects.toThrow('instance crashed');
    tables.crashAt = undefined;
    expect(await checkins.listForClass(tenantId, teamId)).toEqual([]);
    expect(await checkins.listOpen(tenantId)).toEqual([]);
    const [occurrenceId] = await deliveries.activeOccurrenceIds(tenantId);
    expect(occurrenceId).toMatch(/^checkin:/);
    // Held: no sender takes it, however often it looks, until it is given up.
    expect(await dueAt(new Date(now.getTime() + postHoldMs - 1))).toEqual([]);
    expect(await dueAt(new Date(now.getTime() + postHoldMs))).toEqual([]);
    const progress = await deliveries.progress(tenantId, occurrenceId!);
    expect(progress?.counts.failed).toBe(1);
    expect(progress?.failures).toEqual([{ targetKey: teamId, reason: 'never confirmed' }]);
    // And it has left the list every scan reads.
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });

  it('a crash after the check-in is written but before its card is let go: the card is reported as failed, not left in the list', async () => {
    // The first transact is the card's insert: let that one through.
    let transacts = 0;
    tables.crashAt = (table, _partition, op) =>
      table === 'deliveries' && (op === 'replace' || (op === 'transact' && ++transacts > 1));
    await expect(post()).rejects.toThrow('instance crashed');
    tables.crashAt = undefined;
    const [listed] = await checkins.listForClass(tenantId, teamId);
    expect(listed).toBeDefined();
    const occurrenceId = checkinOccurrenceId(listed!.checkinId);
    expect(await dueAt(now)).toEqual([]);
    expect(await dueAt(new Date(now.getTime() + postHoldMs))).toEqual([]);
    expect((await deliveries.progress(tenantId, occurrenceId))?.failures).toEqual([
      { targetKey: teamId, reason: 'never confirmed' },
    ]);
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });

  it('a retried scheduled post after such a crash lets the same card go, once', async () => {
    const team = (await new TeamStore(tables).get(tenantId, teamId))!;
    const input = {
      channelId: teamId,
      templateId: 'daily-mood',
      phase: 'secondary',
      locale: 'en-GB',
    } as const;
    tables.crashAt = (table) => table === 'checkins';
    await expect(service.postScheduled(tenantId, team, input, 'plan-1')).rejects.toThrow();
    tables.crashAt = undefined;
    const checkin = await service.postScheduled(tenantId, team, input, 'plan-1');
    const due = await dueAt(now);
    expect(due.map((d) => d.value.occurrenceId)).toEqual([checkinOccurrenceId(checkin.id)]);
    expect((await checkins.listForClass(tenantId, teamId)).map((c) => c.checkinId)).toEqual([
      checkin.id,
    ]);
  });
});

describe('the outbox after an enqueue that died before writing any delivery', () => {
  it('drops the occurrence from the active list once it is old enough, not while it may still be written', async () => {
    tables.crashAt = (table, partition) => table === 'deliveries' && partition.startsWith('occ:');
    await expect(
      deliveries.enqueue(
        tenantId,
        { id: 'o-1', label: 'Post' },
        [
          {
            targetKey: 'c1',
            target: { kind: 'channel', teamId, channelId: 'c1', serviceUrl: 'https://x/' },
            content: { text: 'hi' },
          },
        ],
        now,
      ),
    ).rejects.toThrow('instance crashed');
    tables.crashAt = undefined;
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual(['o-1']);
    await dueAt(new Date(now.getTime() + emptyGraceMs - 1));
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual(['o-1']);
    await dueAt(new Date(now.getTime() + emptyGraceMs));
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });
});
