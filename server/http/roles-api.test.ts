/**
 * School roles, readiness and the audit log over HTTP (issue 17), on Azurite: a role matrix over
 * every route, malformed input (400, never 500, nothing changes), the last admin, and every
 * change on the audit log with an intact chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, ReadinessResponse } from '../../core/api/roles.js';
import type { Clock } from '../../core/ports/directory.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';

// Tuesday 24 November 2026, in the autumn term.
const clock: Clock = { now: () => new Date('2026-11-24T12:00:00Z') };
const tenantId = demoSchool.tenantId;
const otherTenant = '22222222-2222-4222-8222-222222222222';
/** A deputy DSL the demo directory has no name for. */
const unnamedId = '00000000-0000-4000-8000-00000000d001';
const otherAdminId = '00000000-0000-4000-8000-00000000e001';
const admin = demoPerson('admin');
const dsl = demoPerson('dsl');
const lead = demoPerson('wellbeing_lead');
const coordinator = demoPerson('coordinator');
const deputy = demoPerson('deputy_dsl');

let app: AppHarness;
const tokens: Record<string, string> = {};
const call = (who: string, method: string, path: string, body?: unknown) =>
  callApi(app.url, method, path, tokens[who], body);
const roles = (userId: string) => app.services.schools.rolesOf(tenantId, userId);
const auditOf = async (tenant = tenantId) => app.services.audit.recent(tenant, 1_000);

/** Every route, with a body that would be accepted from the admin. */
const routes: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/school/roles'],
  ['GET', '/api/school/people?q=Ruth'],
  ['PUT', `/api/school/roles/${lead.id}`, { roles: ['wellbeing_lead'] }],
  ['GET', '/api/support/readiness'],
  ['GET', '/api/school/audit'],
];
const matrix: Record<string, number[]> = {
  pupil: [403, 403, 403, 403, 403],
  teacher: [403, 403, 403, 403, 403],
  ambassador: [403, 403, 403, 403, 403],
  coordinator: [403, 403, 403, 403, 403],
  wellbeing_lead: [403, 403, 403, 200, 403],
  dsl: [403, 403, 403, 200, 200],
  deputy: [403, 403, 403, 200, 200],
  admin: [200, 200, 200, 200, 200],
  otherTenant: [403, 403, 403, 403, 403],
};

beforeAll(async () => {
  app = await startApp({ ALLOWED_TENANT_IDS: otherTenant }, { clock });
  await seedDemoSchool(app.services, demoSchool, clock.now(), 'http://127.0.0.1:9/_connector');
  for (const kind of ['teacher', 'pupil', 'ambassador', 'coordinator', 'admin', 'wellbeing_lead'])
    tokens[kind] = await devToken(app.url, demoPerson(kind).id);
  tokens.dsl = await devToken(app.url, dsl.id);
  tokens.deputy = await devToken(app.url, deputy.id);
  const issue = async (tenant: string, userId: string) =>
    (await app.services.devIssuer!.issue({ tenantId: tenant, userId, displayName: 'Someone' }))
      .token;
  // Another school: a person with no role there, and that school's own admin.
  tokens.otherTenant = await issue(otherTenant, admin.id);
  await app.services.schools.setRoles(otherTenant, otherAdminId, ['admin']);
  tokens.otherAdmin = await issue(otherTenant, otherAdminId);
});
afterAll(() => app.stop());

describe('who may use each route', () => {
  for (const [who, expected] of Object.entries(matrix)) {
    it(`${who}: ${expected.join(' ')}`, async () => {
      const before = await auditOf();
      const got: number[] = [];
      for (const [method, path, body] of routes)
        got.push((await call(who, method, path, body)).status);
      expect(got).toEqual(expected);
      // A refused caller leaves no trace; the admin's unchanged PUT writes nothing either.
      const written = (await auditOf()).length - before.length;
      expect(written).toBe(expected[4] === 200 ? 1 : 0);
      expect(await roles(lead.id)).toEqual(['wellbeing_lead']);
    });
  }

  it('without a token every route is 401', async () => {
    for (const [method, path, body] of routes)
      expect((await callApi(app.url, method, path, undefined, body)).status, path).toBe(401);
  });

  it('refuses the wrong person before reading the id or the body', async () => {
    for (const who of ['teacher', 'dsl', 'otherTenant']) {
      expect((await call(who, 'PUT', `/api/school/roles/${'x'.repeat(401)}`, '{')).status).toBe(
        403,
      );
      expect((await call(who, 'GET', '/api/school/people?q=%00')).status).toBe(403);
    }
  });

  it('another school’s admin sees and changes only their own school', async () => {
    const list = await call('otherAdmin', 'GET', '/api/school/roles');
    expect(list.status).toBe(200);
    expect(list.body.holders.map((h: { userId: string }) => h.userId)).toEqual([otherAdminId]);
    const readiness = await call('otherAdmin', 'GET', '/api/support/readiness');
    expect(readiness.body.recipients).toEqual([]);
    const before = await auditOf();
    const put = await call('otherAdmin', 'PUT', `/api/school/roles/${dsl.id}`, { roles: [] });
    expect(put.status).toBe(200);
    expect(put.body.changed).toBe(false);
    expect(await roles(dsl.id)).toEqual(['dsl']);
    expect(await auditOf()).toEqual(before);
    const audit = await call('otherAdmin', 'GET', '/api/school/audit');
    expect(audit.body.entries.map((e: AuditEntryView) => e.action)).toEqual(['audit.viewed']);
  });
});

describe('school roles', () => {
  it('the admin sees every holder by name, with their roles; people without a name last', async () => {
    await app.services.schools.setRoles(tenantId, unnamedId, ['coordinator']);
    try {
      const res = await call('admin', 'GET', '/api/school/roles');
      expect(res.status).toBe(200);
      expect(res.body.holders).toEqual(
        expect.arrayContaining([
          { userId: dsl.id, name: 'Ms Ruth Evans', roles: ['dsl'] },
          { userId: deputy.id, name: 'Mr Owen Davies', roles: ['deputy_dsl'] },
          { userId: admin.id, name: 'Mr Ian Reid', roles: ['admin'] },
          { userId: coordinator.id, name: 'Mr Gareth Price', roles: ['coordinator'] },
        ]),
      );
      const names = res.body.holders.map((h: { name?: string }) => h.name);
      expect(names.slice(0, -1)).toEqual(names.slice(0, -1).sort());
      expect(res.body.holders.at(-1)).toEqual({ userId: unnamedId, roles: ['coordinator'] });
    } finally {
      await app.services.schools.setRoles(tenantId, unnamedId, []);
    }
  });

  it('searches the directory by name, with the roles people hold now', async () => {
    const res = await call('admin', 'GET', '/api/school/people?q=ruth%20ev');
    expect(res.status).toBe(200);
    expect(res.body.people).toEqual([
      { userId: dsl.id, displayName: 'Ms Ruth Evans', roles: ['dsl'] },
    ]);
    // Words match from their start, as Graph's $search does: "Mr" finds "Mrs" too. The demo
    // directory also knows the richer demo's teachers (decision 025).
    const mr = await call('admin', 'GET', '/api/school/people?q=Mr');
    expect(mr.body.people.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Mr David Chen',
      'Mr Gareth Price',
      'Mr Ian Reid',
      'Mr Owen Davies',
      'Mr Tomos Lloyd',
      'Mrs Helen Jones',
      'Mrs Sarah Ahmed',
    ]);
    expect((await call('admin', 'GET', '/api/school/people?q=zz')).body.people).toEqual([]);
  });

  it.each([
    ['no query', ''],
    ['one letter', '?q=R'],
    ['61 letters', `?q=${'a'.repeat(61)}`],
    ['only spaces', '?q=%20%20%20'],
    ['a control character', '?q=Ru%00th'],
    ['a quote', '?q=Ruth%22'],
    ['a lone surrogate', '?q=Ru%ED%A0%80th'],
    ['two queries', '?q=Ruth&q=Evans'],
  ])('refuses a search with %s: 400', async (_name, query) => {
    const res = await call('admin', 'GET', `/api/school/people${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalidInput');
  });

  it('gives and takes roles, and each change is on the audit log with codes only', async () => {
    const before = (await auditOf()).length;
    const give = await call('admin', 'PUT', `/api/school/roles/${lead.id}`, {
      roles: ['deputy_dsl', 'wellbeing_lead', 'deputy_dsl'],
    });
    expect(give.status).toBe(200);
    expect(give.body).toEqual({
      holder: { userId: lead.id, name: 'Mrs Helen Jones', roles: ['deputy_dsl', 'wellbeing_lead'] },
      changed: true,
    });
    expect(await roles(lead.id)).toEqual(['deputy_dsl', 'wellbeing_lead']);
    const take = await call('admin', 'PUT', `/api/school/roles/${lead.id}`, {
      roles: ['wellbeing_lead'],
    });
    expect(take.body.changed).toBe(true);
    const after = await auditOf();
    const entries = after.slice(0, after.length - before).reverse();
    expect(
      entries.map(({ actor, action, subject, details }) => ({ actor, action, subject, details })),
    ).toEqual([
      {
        actor: admin.id,
        action: 'roles.changed',
        subject: lead.id,
        details: { roles: 'deputy_dsl,wellbeing_lead', before: 'wellbeing_lead' },
      },
      {
        actor: admin.id,
        action: 'roles.changed',
        subject: lead.id,
        details: { roles: 'wellbeing_lead', before: 'deputy_dsl,wellbeing_lead' },
      },
    ]);
    expect(await app.services.audit.verify(tenantId)).toMatchObject({ ok: true });
  });

  it('adds someone who held no role, and removes them from the list with no roles', async () => {
    const person = demoPerson('teacher');
    const add = await call('admin', 'PUT', `/api/school/roles/${person.id.toUpperCase()}`, {
      roles: ['coordinator'],
    });
    expect(add.status).toBe(200);
    expect(await roles(person.id)).toEqual(['coordinator']);
    const remove = await call('admin', 'PUT', `/api/school/roles/${person.id}`, { roles: [] });
    expect(remove.body).toEqual({
      holder: { userId: person.id, name: 'Ms Ada Khan', roles: [] },
      changed: true,
    });
    const holders = (await call('admin', 'GET', '/api/school/roles')).body.holders;
    expect(holders.some((h: { userId: string }) => h.userId === person.id)).toBe(false);
    expect((await auditOf())[0]).toMatchObject({ subject: person.id, details: { roles: '' } });
  });

  it.each([
    ['an unknown role', { roles: ['headteacher'] }, 'unknownRole'],
    ['a team role', { roles: ['teacher'] }, 'unknownRole'],
    [
      'the ambassador role with a staff role',
      { roles: ['ambassador', 'dsl'] },
      'ambassadorWithStaffRole',
    ],
  ])('refuses %s with a problem code, and nothing changes', async (_name, body, problem) => {
    const before = await auditOf();
    const res = await call('admin', 'PUT', `/api/school/roles/${lead.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([problem]);
    expect(await roles(lead.id)).toEqual(['wellbeing_lead']);
    expect(await auditOf()).toEqual(before);
  });

  it.each([
    ['not JSON', 'roles=dsl'],
    ['malformed JSON', '{"roles": ['],
    ['an array', []],
    ['no roles', {}],
    ['roles not a list', { roles: 'dsl' }],
    ['a role that is not text', { roles: [7] }],
    ['an extra field', { roles: ['dsl'], userId: dsl.id }],
    ['too many roles', { roles: Array(7).fill('dsl') }],
  ])('refuses a body that is %s: 4xx, and nothing changes', async (_name, body) => {
    const before = await auditOf();
    const res = await call('admin', 'PUT', `/api/school/roles/${lead.id}`, body);
    expect([400, 415]).toContain(res.status);
    expect(await roles(lead.id)).toEqual(['wellbeing_lead']);
    expect(await auditOf()).toEqual(before);
  });

  it.each([
    ['401 characters', 'a'.repeat(401)],
    ['not a GUID', 'ruth'],
    ['a GUID and more', `${dsl.id}0`],
    ['a GUID with a slash', `${dsl.id}%2Fx`],
    ['a GUID with a control character', `${dsl.id}%00`],
  ])('refuses a person id that is %s: 400, never 500', async (_name, id) => {
    const res = await call('admin', 'PUT', `/api/school/roles/${id}`, { roles: ['dsl'] });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual(['userId']);
  });

  it('refuses lone surrogates in the id (undecodable) and in the roles: 400, never 500', async () => {
    for (const id of ['%ED%A0%80', `${dsl.id}%ED%B0%80`]) {
      const res = await call('admin', 'PUT', `/api/school/roles/${id}`, { roles: ['dsl'] });
      expect(res.status, id).toBe(400);
    }
    const res = await call('admin', 'PUT', `/api/school/roles/${lead.id}`, '{"roles":["\\ud800"]}');
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual(['unknownRole']);
    expect(await roles(lead.id)).toEqual(['wellbeing_lead']);
  });

  it('an ambassador is given the role alone (the coordinator puts them on the rota)', async () => {
    const pupil = demoPerson('pupil');
    const res = await call('admin', 'PUT', `/api/school/roles/${pupil.id}`, {
      roles: ['ambassador'],
    });
    expect(res.status).toBe(200);
    expect(await roles(pupil.id)).toEqual(['ambassador']);
    await call('admin', 'PUT', `/api/school/roles/${pupil.id}`, { roles: [] });
  });
});

describe('the last admin', () => {
  it('cannot give up the role: 409 lastAdmin, nothing changes', async () => {
    const before = await auditOf();
    const res = await call('admin', 'PUT', `/api/school/roles/${admin.id}`, { roles: ['dsl'] });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', problems: ['lastAdmin'] });
    expect(await roles(admin.id)).toEqual(['admin']);
    expect(await auditOf()).toEqual(before);
  });

  it('can once there is another admin; of two taking it from each other at once, one wins', async () => {
    const second = demoPerson('coordinator');
    await call('admin', 'PUT', `/api/school/roles/${second.id}`, {
      roles: ['admin', 'coordinator'],
    });
    tokens.second = await devToken(app.url, second.id);
    const [a, b] = await Promise.all([
      call('admin', 'PUT', `/api/school/roles/${second.id}`, { roles: ['coordinator'] }),
      call('second', 'PUT', `/api/school/roles/${admin.id}`, { roles: [] }),
    ]);
    // The other is refused as the last admin (409), or, if it came second, as no longer one (403).
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = (await app.services.schools.listRoleHolders(tenantId)).filter((h) =>
      h.roles.includes('admin'),
    );
    expect(admins).toHaveLength(1);
    // Put the demo school back: Mr Reid the admin, Mr Price the coordinator.
    await app.services.schools.setRoles(tenantId, admin.id, ['admin']);
    await app.services.schools.setRoles(tenantId, second.id, ['coordinator']);
    expect(await app.services.audit.verify(tenantId)).toMatchObject({ ok: true });
  });
});

describe('safeguarding readiness', () => {
  it('lists the DSL and deputies, who can be messaged, and what to do', async () => {
    const res = await call('wellbeing_lead', 'GET', '/api/support/readiness');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ready: false,
      needed: 2,
      reachable: 0,
      recipients: [
        { userId: dsl.id, role: 'dsl', name: 'Ms Ruth Evans', reachable: false },
        { userId: deputy.id, role: 'deputy_dsl', name: 'Mr Owen Davies', reachable: false },
      ],
      steps: [
        { kind: 'open', userId: dsl.id, name: 'Ms Ruth Evans' },
        { kind: 'open', userId: deputy.id, name: 'Mr Owen Davies' },
      ],
    } satisfies ReadinessResponse);
  });

  it('asks for more safeguarding adults when there are too few', async () => {
    await app.services.schools.setRoles(tenantId, deputy.id, []);
    try {
      const res = await call('dsl', 'GET', '/api/support/readiness');
      expect(res.body).toMatchObject({
        ready: false,
        reachable: 0,
        steps: [
          { kind: 'open', userId: dsl.id },
          { kind: 'assign', count: 1 },
        ],
      });
    } finally {
      await app.services.schools.setRoles(tenantId, deputy.id, ['deputy_dsl']);
    }
  });

  it('is ready once two of them have opened Belong in Teams; a third who has not is still a step', async () => {
    for (const userId of [dsl.id, deputy.id])
      await app.services.teams.recordPersonalConversation(tenantId, {
        userId,
        teamsId: `29:${userId}`,
        conversationId: `a:${userId}`,
        serviceUrl: 'http://127.0.0.1:9/_connector',
        installedAt: clock.now().toISOString(),
      });
    expect((await call('admin', 'GET', '/api/support/readiness')).body).toMatchObject({
      ready: true,
      reachable: 2,
      steps: [],
    });
    await app.services.schools.setRoles(tenantId, unnamedId, ['deputy_dsl']);
    try {
      const res = await call('deputy', 'GET', '/api/support/readiness');
      expect(res.body).toMatchObject({ ready: true, reachable: 2 });
      // Not in the demo directory: no name, rather than an id for one; listed after the named.
      expect(res.body.recipients.at(-1)).toEqual({
        userId: unnamedId,
        role: 'deputy_dsl',
        reachable: false,
      });
      expect(res.body.steps).toEqual([{ kind: 'open', userId: unnamedId }]);
    } finally {
      await app.services.schools.setRoles(tenantId, unnamedId, []);
    }
  });
});

describe('the audit log', () => {
  it('shows the newest entries first with names, records the viewing, and checks the chain', async () => {
    await call('admin', 'PUT', `/api/school/roles/${lead.id}`, {
      roles: ['wellbeing_lead', 'coordinator'],
    });
    const res = await call('dsl', 'GET', '/api/school/audit?limit=3');
    expect(res.status).toBe(200);
    expect(res.body.check).toEqual({ ok: true, entries: (await auditOf()).length });
    expect(res.body.timeZone).toBe('Europe/London');
    const entries = res.body.entries as AuditEntryView[];
    expect(entries.slice(0, 2)).toEqual([
      {
        seq: expect.any(Number),
        at: clock.now().toISOString(),
        actor: { kind: 'person', userId: dsl.id, name: 'Ms Ruth Evans' },
        action: 'audit.viewed',
        subject: { kind: 'audit' },
        details: {},
      },
      {
        seq: expect.any(Number),
        at: clock.now().toISOString(),
        actor: { kind: 'person', userId: admin.id, name: 'Mr Ian Reid' },
        action: 'roles.changed',
        subject: { kind: 'person', userId: lead.id, name: 'Mrs Helen Jones' },
        details: { roles: 'coordinator,wellbeing_lead', before: 'wellbeing_lead' },
      },
    ]);
    expect(entries).toHaveLength(3);
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    await call('admin', 'PUT', `/api/school/roles/${lead.id}`, { roles: ['wellbeing_lead'] });
  });

  it('never names the pupil who asked to talk', async () => {
    const pupil = demoPerson('pupil');
    await app.services.audit.append(tenantId, {
      actor: pupil.id,
      action: 'talk.requested',
      subject: 'req-1',
      details: { source: 'tab' },
    });
    const res = await call('admin', 'GET', '/api/school/audit?limit=2');
    expect(res.body.entries[1]).toEqual({
      seq: expect.any(Number),
      at: clock.now().toISOString(),
      actor: { kind: 'pupil' },
      action: 'talk.requested',
      subject: { kind: 'request', id: 'req-1' },
      details: { source: 'tab' },
    });
    expect(JSON.stringify(res.body)).not.toContain(pupil.id);
    expect(JSON.stringify(res.body)).not.toContain(pupil.displayName);
  });

  it.each(['0', '201', '-1', '1.5', 'ten', '9999'])('refuses limit=%s: 400', async (limit) => {
    expect((await call('admin', 'GET', `/api/school/audit?limit=${limit}`)).status).toBe(400);
  });

  it('says where the chain breaks when an entry was altered in storage', async () => {
    for (let i = 0; i < 3; i++) await call('admin', 'GET', '/api/school/audit');
    const key = { tenantId, partition: 'log', row: String(2).padStart(12, '0') };
    const stored = await app.services.store.get<Record<string, unknown>>('audit', key);
    await app.services.store.upsert('audit', key, { ...stored!.value, subject: 'tampered' });
    try {
      const res = await call('admin', 'GET', '/api/school/audit');
      expect(res.body.check).toEqual({ ok: false, brokenAt: 2 });
    } finally {
      await app.services.store.upsert('audit', key, stored!.value);
    }
    expect((await call('admin', 'GET', '/api/school/audit')).body.check.ok).toBe(true);
  });
});
