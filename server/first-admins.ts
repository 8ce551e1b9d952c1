/**
 * A new school's first admins (decision 035). Belong's school roles are given by the school's
 * admin, so a school that has none yet could never start: the deployment names its first admins
 * (`FIRST_ADMIN_IDS`, Entra object ids), and at start each allowed tenant that has no admin gets
 * them. Once a school has an admin, this does nothing.
 */
import type { Logger } from '../core/ports/logger.js';
import type { SchoolRoles } from '../core/support/school-roles.js';
import type { Config } from './config.js';

export async function appointFirstAdmins(
  schoolRoles: Pick<SchoolRoles, 'ensureFirstAdmins'>,
  auth: Pick<Config['auth'], 'allowedTenants' | 'firstAdmins'>,
  log: Logger,
): Promise<void> {
  if (!auth.firstAdmins.length) return;
  for (const tenantId of auth.allowedTenants) {
    const made = await schoolRoles.ensureFirstAdmins(tenantId, auth.firstAdmins);
    // A count only: object ids identify staff (LogFields allows no ids).
    if (made.length) log.info('roles.firstAdmins', { count: made.length });
  }
}
