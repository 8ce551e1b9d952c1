import { BelongError, isLostRace } from '../errors.js';
import type { TableStore, TransactOp } from '../ports/table-store.js';
import { isSchoolRole, type SchoolRole } from '../roles.js';
import type { School } from '../school.js';
import { emptyCalendar, type SchoolCalendar } from '../schedule/calendar.js';

interface RolesEntity extends Record<string, unknown> {
  roles: SchoolRole[];
}

/** The school record and the school roles (DSL, wellbeing lead, …) assigned to people. */
export class SchoolStore {
  constructor(private readonly store: TableStore) {}

  async get(tenantId: string): Promise<School | undefined> {
    return (
      await this.store.get<School & Record<string, unknown>>('schools', {
        tenantId,
        partition: 'school',
        row: 'school',
      })
    )?.value;
  }

  async put(school: School): Promise<void> {
    await this.store.upsert(
      'schools',
      { tenantId: school.tenantId, partition: 'school', row: 'school' },
      { ...school },
    );
  }

  /** Term dates and closures; an empty calendar until the school enters one. */
  async calendar(tenantId: string): Promise<SchoolCalendar> {
    const found = await this.store.get<SchoolCalendar>('schools', {
      tenantId,
      partition: 'school',
      row: 'calendar',
    });
    return found?.value ?? emptyCalendar();
  }

  async setCalendar(tenantId: string, calendar: SchoolCalendar): Promise<void> {
    await this.store.upsert(
      'schools',
      { tenantId, partition: 'school', row: 'calendar' },
      calendar,
    );
  }

  async rolesOf(tenantId: string, userId: string): Promise<SchoolRole[]> {
    const found = await this.store.get<RolesEntity>('schoolRoles', {
      tenantId,
      partition: 'roles',
      row: userId,
    });
    return (found?.value.roles ?? []).filter(isSchoolRole);
  }

  async setRoles(tenantId: string, userId: string, roles: SchoolRole[]): Promise<void> {
    const key = { tenantId, partition: 'roles', row: userId };
    const unique = [...new Set(roles)].sort();
    if (unique.length === 0) await this.store.delete('schoolRoles', key);
    else await this.store.upsert<RolesEntity>('schoolRoles', key, { roles: unique });
  }

  /**
   * Sets one person's roles unless that would leave nobody holding `kept` (the school's last
   * admin): then nothing changes and the answer is `lastHolder`. When the person gives up `kept`,
   * the write is one transaction that also re-writes, unchanged, every other holder of it as read,
   * so two admins taking the role from each other at the same moment cannot both succeed.
   */
  async setRolesKeeping(
    tenantId: string,
    userId: string,
    roles: SchoolRole[],
    kept: SchoolRole,
  ): Promise<{ before: SchoolRole[] } | 'lastHolder'> {
    const next = [...new Set(roles)].sort();
    for (let attempt = 0; attempt < 10; attempt++) {
      const rows = await this.store.list<RolesEntity>('schoolRoles', tenantId, 'roles');
      const mine = rows.find((r) => r.key.row === userId);
      const before = (mine?.value.roles ?? []).filter(isSchoolRole);
      const losing = before.includes(kept) && !next.includes(kept);
      const others = rows.filter((r) => r.key.row !== userId && r.value.roles.includes(kept));
      if (losing && others.length === 0) return 'lastHolder';
      const ops: TransactOp[] = [];
      if (next.length)
        ops.push(
          mine
            ? { op: 'replace', row: userId, value: { roles: next }, etag: mine.etag }
            : { op: 'insert', row: userId, value: { roles: next } },
        );
      else if (mine) ops.push({ op: 'delete', row: userId });
      if (losing)
        for (const other of others)
          ops.push({
            op: 'replace',
            row: other.key.row,
            value: { roles: other.value.roles },
            etag: other.etag,
          });
      if (!ops.length) return { before };
      try {
        await this.store.transact('schoolRoles', tenantId, 'roles', ops);
        return { before };
      } catch (e) {
        if (!isLostRace(e)) throw e;
      }
    }
    throw new BelongError('unavailable', 'School roles are changing too fast; try again');
  }

  async listRoleHolders(tenantId: string): Promise<{ userId: string; roles: SchoolRole[] }[]> {
    const rows = await this.store.list<RolesEntity>('schoolRoles', tenantId, 'roles');
    return rows.map((r) => ({ userId: r.key.row, roles: r.value.roles.filter(isSchoolRole) }));
  }
}
