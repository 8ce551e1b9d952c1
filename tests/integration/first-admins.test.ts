/**
 * A new school's first admins (decision 035): the deployment names them in FIRST_ADMIN_IDS, and
 * at start a tenant with no admin gets them, on real storage; once it has an admin, nothing
 * changes. The first admin can then give roles through the API's service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/ports/logger.js';
import { parseConfig } from '../../server/config.js';
import { appointFirstAdmins } from '../../server/first-admins.js';
import { startApp, type AppHarness } from '../support/app-harness.js';

const tenantA = '3f0c2b1a-6d4e-4f7a-9b8c-1d2e3f4a5b6c';
const tenantB = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const itAdmin = '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a';
const head = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const env = {
  DEMO_SEED: 'false',
  ALLOWED_TENANT_IDS: `${tenantA},${tenantB}`,
  FIRST_ADMIN_IDS: `${itAdmin}, ${head}`,
};
let app: AppHarness;

beforeAll(async () => {
  app = await startApp(env);
});
afterAll(async () => {
  await app?.stop();
});

describe('first admins from the deployment', () => {
  it('gives every allowed tenant without an admin the named admins, once', async () => {
    const { auth } = parseConfig(env);
    expect(auth.firstAdmins).toEqual([itAdmin, head]);
    const { schools, schoolRoles } = app.services;
    // School B already has an admin of its own: it is left alone.
    await schools.setRoles(tenantB, head, ['dsl']);
    await schoolRoles.ensureFirstAdmins(tenantB, [head]);
    const bAdmin = (await schools.listRoleHolders(tenantB)).find((h) => h.roles.includes('admin'));
    expect(bAdmin?.userId).toBe(head);
    await schools.setRoles(tenantB, itAdmin, ['wellbeing_lead']);

    await appointFirstAdmins(schoolRoles, auth, silentLogger);
    expect(await schools.rolesOf(tenantA, itAdmin)).toEqual(['admin']);
    expect(await schools.rolesOf(tenantA, head)).toEqual(['admin']);
    expect(await schools.rolesOf(tenantB, itAdmin)).toEqual(['wellbeing_lead']);

    // The IT admin makes the head teacher DSL and steps back; a restart does not undo that.
    await schoolRoles.setRoles(tenantA, itAdmin, head, ['admin', 'dsl']);
    await schoolRoles.setRoles(tenantA, itAdmin, itAdmin, []);
    await appointFirstAdmins(schoolRoles, auth, silentLogger);
    expect(await schools.rolesOf(tenantA, itAdmin)).toEqual([]);
    expect(await schools.rolesOf(tenantA, head)).toEqual(['admin', 'dsl']);
  });

  it('refuses a first admin that is not an Entra object id in production', () => {
    expect(() =>
      parseConfig({
        BELONG_MODE: 'production',
        ALLOWED_TENANT_IDS: tenantA,
        FIRST_ADMIN_IDS: 'ian@school.org',
      }),
    ).toThrow(/FIRST_ADMIN_IDS: ian@school.org is not an Entra object id/);
  });
});
