import { beforeEach, describe, expect, it } from 'vitest';
import { isBelongError } from '../errors.js';
import type { Directory } from '../ports/directory.js';
import type { EntityValue, Stored, TableName } from '../ports/table-store.js';
import { SchoolStore } from '../stores/school-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { AuditLog } from './audit-log.js';
import { SchoolRoles } from './school-roles.js';

const tenantId = 'school-1';
const clock = { now: () => new Date('2026-11-24T10:00:00Z') };
const names: Record<string, string> = { ian: 'Mr Ian Reid', ruth: 'Ms Ruth Evans', ann: 'Ann' };
const directory: Directory = {
  roleInTeam: async () => undefined,
  findPeople: async (_t, query) =>
    Object.entries(names)
      .filter(([, name]) => name.toLowerCase().includes(query.toLowerCase()))
      .map(([userId, displayName]) => ({ userId, displayName })),
};

/** Lets every `list` of school roles wait at a gate, so two writers read before either writes. */
class GatedStore extends MemoryTableStore {
  gate: Promise<void> | undefined;
  override async list<T extends EntityValue>(
    table: TableName,
    tenant: string,
    partition: string,
  ): Promise<Stored<T>[]> {
    const rows = await super.list<T>(table, tenant, partition);
    if (table === 'schoolRoles' && this.gate) await this.gate;
    return rows;
  }
}

let tables: GatedStore;
let schools: SchoolStore;
let audit: AuditLog;
let roles: SchoolRoles;

beforeEach(async () => {
  tables = new GatedStore();
  schools = new SchoolStore(tables);
  audit = new AuditLog(tables, clock);
  roles = new SchoolRoles({
    schools,
    audit,
    directory,
    names: { displayName: async (_t, id) => names[id] },
  });
  await schools.setRoles(tenantId, 'ian', ['admin']);
  await schools.setRoles(tenantId, 'ruth', ['dsl']);
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('SchoolRoles', () => {
  it('only an admin lists, searches and changes roles', async () => {
    for (const call of [
      () => roles.holders(tenantId, 'ruth'),
      () => roles.findPeople(tenantId, 'ruth', 'Ann'),
      () => roles.setRoles(tenantId, 'ruth', 'ruth', ['admin']),
    ])
      expect(isBelongError(await refusal(call()), 'forbidden')).toBe(true);
    expect(await schools.rolesOf(tenantId, 'ruth')).toEqual(['dsl']);
    expect(await audit.recent(tenantId, 10)).toEqual([]);
  });

  it('lists holders by name and finds people with the roles they hold', async () => {
    await schools.setRoles(tenantId, 'nameless', ['coordinator']);
    expect(await roles.holders(tenantId, 'ian')).toEqual([
      { userId: 'ian', name: 'Mr Ian Reid', roles: ['admin'] },
      { userId: 'ruth', name: 'Ms Ruth Evans', roles: ['dsl'] },
      { userId: 'nameless', roles: ['coordinator'] },
    ]);
    expect(await roles.findPeople(tenantId, 'ian', 'r')).toEqual([
      { userId: 'ian', displayName: 'Mr Ian Reid', roles: ['admin'] },
      { userId: 'ruth', displayName: 'Ms Ruth Evans', roles: ['dsl'] },
    ]);
  });

  it('records each change with the roles before and after, as codes; an unchanged set is not a change', async () => {
    const made = await roles.setRoles(tenantId, 'ian', 'ann', ['wellbeing_lead', 'deputy_dsl']);
    expect(made).toEqual({
      holder: { userId: 'ann', name: 'Ann', roles: ['deputy_dsl', 'wellbeing_lead'] },
      changed: true,
    });
    expect(await roles.setRoles(tenantId, 'ian', 'ann', ['deputy_dsl', 'wellbeing_lead'])).toEqual({
      ...made,
      changed: false,
    });
    const entries = await audit.recent(tenantId, 10);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'ian',
      action: 'roles.changed',
      subject: 'ann',
      details: { roles: 'deputy_dsl,wellbeing_lead', before: '' },
    });
  });

  it('keeps the last admin, and gives the ambassador role only on its own', async () => {
    const last = await refusal(roles.setRoles(tenantId, 'ian', 'ian', ['dsl']));
    expect(isBelongError(last, 'conflict')).toBe(true);
    expect((last as { problems: string[] }).problems).toEqual(['lastAdmin']);
    const mixed = await refusal(
      roles.setRoles(tenantId, 'ian', 'ann', ['ambassador', 'coordinator']),
    );
    expect((mixed as { problems: string[] }).problems).toEqual(['ambassadorWithStaffRole']);
    expect(await schools.listRoleHolders(tenantId)).toHaveLength(2);
    expect(await audit.recent(tenantId, 10)).toEqual([]);
  });

  it('of two admins taking the role from each other at the same moment, exactly one succeeds', async () => {
    await schools.setRoles(tenantId, 'ruth', ['admin', 'dsl']);
    let open!: () => void;
    tables.gate = new Promise((resolve) => (open = resolve));
    const both = Promise.allSettled([
      schools.setRolesKeeping(tenantId, 'ruth', ['dsl'], 'admin'),
      schools.setRolesKeeping(tenantId, 'ian', [], 'admin'),
    ]);
    // Both have read two admins before either writes.
    await new Promise((resolve) => setTimeout(resolve, 10));
    tables.gate = undefined;
    open();
    const outcomes = (await both).map((o) => (o.status === 'fulfilled' ? o.value : 'threw'));
    expect(outcomes.filter((o) => o === 'lastHolder')).toHaveLength(1);
    expect(outcomes.filter((o) => typeof o === 'object')).toHaveLength(1);
    const admins = (await schools.listRoleHolders(tenantId)).filter((h) =>
      h.roles.includes('admin'),
    );
    expect(admins).toHaveLength(1);
  });
});

describe('SchoolRoles.ensureFirstAdmins (a new school, named by the deployment)', () => {
  const fresh = 'school-new';

  it('makes the listed people admins while the school has none, keeping their other roles, audited as Belong', async () => {
    await schools.setRoles(fresh, 'ruth', ['dsl']);
    expect(await roles.ensureFirstAdmins(fresh, ['ruth', 'ian', 'ian'])).toEqual(['ruth', 'ian']);
    expect(await schools.rolesOf(fresh, 'ruth')).toEqual(['admin', 'dsl']);
    expect(await schools.rolesOf(fresh, 'ian')).toEqual(['admin']);
    const entries = await audit.recent(fresh, 10);
    expect(entries.map((e) => [e.actor, e.action, e.subject, e.details])).toEqual([
      ['belong', 'roles.changed', 'ian', { roles: 'admin', before: '' }],
      ['belong', 'roles.changed', 'ruth', { roles: 'admin,dsl', before: 'dsl' }],
    ]);
    // The first admin can now give roles.
    await roles.setRoles(fresh, 'ian', 'ann', ['wellbeing_lead']);
  });

  it('does nothing once the school has an admin: the admins decide from then on', async () => {
    expect(await roles.ensureFirstAdmins(tenantId, ['ruth', 'ann'])).toEqual([]);
    expect(await schools.rolesOf(tenantId, 'ruth')).toEqual(['dsl']);
    expect(await schools.rolesOf(tenantId, 'ann')).toEqual([]);
    expect(await audit.recent(tenantId, 10)).toEqual([]);
  });

  it('never makes a wellbeing ambassador (a pupil) an admin', async () => {
    await schools.setRoles(fresh, 'ann', ['ambassador']);
    expect(await roles.ensureFirstAdmins(fresh, ['ann'])).toEqual([]);
    expect(await schools.rolesOf(fresh, 'ann')).toEqual(['ambassador']);
  });
});
