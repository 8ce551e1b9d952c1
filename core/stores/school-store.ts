import type { TableStore } from '../ports/table-store.js';
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

  async listRoleHolders(tenantId: string): Promise<{ userId: string; roles: SchoolRole[] }[]> {
    const rows = await this.store.list<RolesEntity>('schoolRoles', tenantId, 'roles');
    return rows.map((r) => ({ userId: r.key.row, roles: r.value.roles.filter(isSchoolRole) }));
  }
}
