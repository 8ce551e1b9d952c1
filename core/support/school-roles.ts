/**
 * Who holds the school roles, and changing them (issue 17). Only the school admin may; the school
 * always keeps an admin; every change is written to the audit log as `roles.changed`, with the
 * roles as codes. The `ambassador` role is given here too: being on the rota (the coordinator's
 * job) and holding the role are separate (decision 011). Ambassadors are pupils, so the role is
 * never held together with a staff role.
 */
import type { PeopleResponse, RoleHolderView } from '../api/roles.js';
import { BelongError } from '../errors.js';
import type { Directory } from '../ports/directory.js';
import type { PersonNames } from '../rota/index.js';
import type { SchoolRole } from '../roles.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { AuditLog } from './audit-log.js';

export interface SchoolRolesDeps {
  schools: SchoolStore;
  audit: AuditLog;
  directory: Directory;
  names: PersonNames;
}

/** How many people one directory search shows. */
export const peopleSearchLimit = 10;

export class SchoolRoles {
  constructor(private readonly deps: SchoolRolesDeps) {}

  /** Everyone holding a school role, by name (people without a name last, by id). */
  async holders(tenantId: string, actorId: string): Promise<RoleHolderView[]> {
    await this.#requireAdmin(tenantId, actorId);
    const holders = await this.deps.schools.listRoleHolders(tenantId);
    const views = await Promise.all(
      holders.filter((h) => h.roles.length).map((h) => this.#view(tenantId, h.userId, h.roles)),
    );
    return views.sort(
      (a, b) =>
        Number(a.name === undefined) - Number(b.name === undefined) ||
        (a.name ?? a.userId).localeCompare(b.name ?? b.userId),
    );
  }

  /** People from the directory whose name matches, with the roles they hold now. */
  async findPeople(
    tenantId: string,
    actorId: string,
    query: string,
  ): Promise<PeopleResponse['people']> {
    await this.#requireAdmin(tenantId, actorId);
    const [people, holders] = await Promise.all([
      this.deps.directory.findPeople(tenantId, query, peopleSearchLimit),
      this.deps.schools.listRoleHolders(tenantId),
    ]);
    const rolesOf = new Map(holders.map((h) => [h.userId, h.roles]));
    return people.map((p) => ({ ...p, roles: rolesOf.get(p.userId) ?? [] }));
  }

  /**
   * Gives `userId` exactly `roles` (none removes them from the list). Refused: not an admin
   * (`forbidden`), the school's last admin giving up the role (`conflict`, `lastAdmin`), and the
   * ambassador role with a staff role (`invalidInput`, `ambassadorWithStaffRole`).
   */
  async setRoles(
    tenantId: string,
    actorId: string,
    userId: string,
    roles: readonly SchoolRole[],
  ): Promise<{ holder: RoleHolderView; changed: boolean }> {
    await this.#requireAdmin(tenantId, actorId);
    const next = [...new Set(roles)].sort();
    if (next.includes('ambassador') && next.length > 1)
      throw new BelongError(
        'invalidInput',
        'Wellbeing ambassadors are pupils: the role goes with no staff role',
        ['ambassadorWithStaffRole'],
      );
    const outcome = await this.deps.schools.setRolesKeeping(tenantId, userId, next, 'admin');
    if (outcome === 'lastHolder')
      throw new BelongError('conflict', 'The school must keep at least one admin', ['lastAdmin']);
    const before = [...outcome.before].sort();
    const changed = before.join(',') !== next.join(',');
    if (changed)
      await this.deps.audit.append(tenantId, {
        actor: actorId,
        action: 'roles.changed',
        subject: userId,
        details: { roles: next.join(','), before: before.join(',') },
      });
    return { holder: await this.#view(tenantId, userId, next), changed };
  }

  /**
   * A new school's first admins, named by whoever deployed Belong (`FIRST_ADMIN_IDS`): while the
   * school has no admin, each listed person is given the admin role on top of any they hold
   * (never beside the ambassador role, a pupil's). Once the school has an admin this does
   * nothing, so the admins decide from then on. Audited as Belong's doing.
   */
  async ensureFirstAdmins(tenantId: string, userIds: readonly string[]): Promise<string[]> {
    const holders = await this.deps.schools.listRoleHolders(tenantId);
    if (holders.some((h) => h.roles.includes('admin'))) return [];
    const made: string[] = [];
    for (const userId of new Set(userIds)) {
      const before = holders.find((h) => h.userId === userId)?.roles ?? [];
      if (before.includes('ambassador')) continue;
      const next = [...new Set<SchoolRole>([...before, 'admin'])].sort();
      await this.deps.schools.setRoles(tenantId, userId, next);
      await this.deps.audit.append(tenantId, {
        actor: 'belong', // shown as Belong itself (safeguarding-views.ts)
        action: 'roles.changed',
        subject: userId,
        details: { roles: next.join(','), before: [...before].sort().join(',') },
      });
      made.push(userId);
    }
    return made;
  }

  async #view(tenantId: string, userId: string, roles: SchoolRole[]): Promise<RoleHolderView> {
    const name = await this.deps.names.displayName(tenantId, userId);
    return { userId, ...(name ? { name } : {}), roles };
  }

  async #requireAdmin(tenantId: string, actorId: string): Promise<void> {
    const roles = await this.deps.schools.rolesOf(tenantId, actorId);
    if (!roles.includes('admin'))
      throw new BelongError('forbidden', 'Only the school admin gives school roles');
  }
}
