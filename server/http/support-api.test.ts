/**
 * The support API against the real server on Azurite: a pupil asks to talk from the tab; only the
 * DSL and deputies see, act on and export requests; every refusal is clear and changes nothing;
 * nothing about a request reaches another route or the logs. The tests run in order: the school
 * is not ready at first, then it has a DSL and a deputy Belong can message.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Clock } from '../../core/ports/directory.js';
import type { Logger, LogFields } from '../../core/ports/logger.js';
import { parseConfig } from '../config.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { createServices, type Services } from '../services.js';
import { createApp } from './app.js';
import { callApi, demoPerson } from '../../tests/support/api-client.js';
import { uniquePrefix } from '../../tests/support/tables.js';

const tenantId = demoSchool.tenantId;
const otherTenant = '00000000-0000-0000-0000-0000000000ff';
const connector = 'http://127.0.0.1:9/_connector';
/** Tuesday 24 November 2026, 10:00 in London: a school day, in school hours. */
let now = new Date('2026-11-24T10:00:00Z');
const clock: Clock = { now: () => now };
const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

const amir = demoPerson('pupil');
const cai = demoSchool.people.find((p) => p.displayName === 'Cai Williams')!;
const ruth = demoPerson('dsl');
/** The demo school's deputy DSL, Mr Owen Davies. */
const owen = demoPerson('deputy_dsl');
const deputyId = owen.id;

/** Every log line the server writes, to show none of them says anything about a request. */
const logged: { event: string; fields: LogFields }[] = [];
const recorder: Logger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [
    level,
    (event: string, fields: LogFields = {}) => logged.push({ event, fields }),
  ]),
) as unknown as Logger;

let services: Services;
let url: string;
let server: Server;
const tokens: Record<string, string> = {};
const call = (who: string, method: string, path: string, body?: unknown) =>
  callApi(url, method, path, tokens[who], body);

/** Staff kinds of the role matrix, then the pupil kinds. */
const everyone = [
  'pupil',
  'teacher',
  'ambassador',
  'coordinator',
  'wellbeing_lead',
  'dsl',
  'deputy',
  'admin',
  'otherTenant',
];

beforeAll(async () => {
  const { connectionString } = inject('azurite');
  const config = parseConfig({
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: uniquePrefix(),
    PORT: '0',
    LOG_LEVEL: 'silent',
    ALLOWED_TENANT_IDS: otherTenant,
  });
  services = await createServices(config, recorder, { clock });
  const app = createApp(services);
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await seedDemoSchool(services, demoSchool, clock.now(), connector);
  const issue = async (tenant: string, userId: string, displayName: string) =>
    (await services.devIssuer!.issue({ tenantId: tenant, userId, displayName })).token;
  for (const kind of ['pupil', 'teacher', 'ambassador', 'coordinator', 'wellbeing_lead', 'admin'])
    tokens[kind] = await issue(tenantId, demoPerson(kind).id, demoPerson(kind).displayName);
  tokens.dsl = await issue(tenantId, ruth.id, ruth.displayName);
  tokens.cai = await issue(tenantId, cai.id, cai.displayName);
  tokens.deputy = await issue(tenantId, deputyId, owen.displayName);
  // Ruth's own id in another school, where she is the DSL too: she sees nothing of this one.
  await services.schools.setRoles(otherTenant, ruth.id, ['dsl']);
  tokens.otherTenant = await issue(otherTenant, ruth.id, ruth.displayName);
  // Not ready yet: nobody to receive requests (whatever the demo seed sets up).
  for (const holder of await services.schools.listRoleHolders(tenantId))
    if (holder.roles.includes('dsl') || holder.roles.includes('deputy_dsl'))
      await services.schools.setRoles(
        tenantId,
        holder.userId,
        holder.roles.filter((r) => r !== 'dsl' && r !== 'deputy_dsl'),
      );
}, 60_000);

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

/** The school gets its DSL and a deputy, each with a chat with Belong. */
async function makeReady() {
  await services.schools.setRoles(tenantId, ruth.id, ['dsl']);
  await services.schools.setRoles(tenantId, deputyId, ['deputy_dsl']);
  for (const person of [ruth, owen])
    await services.teams.recordPersonalConversation(tenantId, {
      userId: person.id,
      teamsId: person.teamsId,
      conversationId: `a:personal-${person.teamsId}`,
      serviceUrl: connector,
      installedAt: now.toISOString(),
    });
}

const inbox = async (who = 'dsl') => {
  const res = await call(who, 'GET', '/api/support/requests');
  expect(res.status).toBe(200);
  return res.body.requests as { id: string; pupilName: string; status: string }[];
};
const one = async (id: string) => {
  const res = await call('dsl', 'GET', `/api/support/requests/${id}`);
  expect(res.status).toBe(200);
  return res.body.request;
};
const act = (who: string, id: string, body: unknown) =>
  call(who, 'POST', `/api/support/requests/${id}/actions`, body);

let amirsRequest: string;

describe('before the school is ready', () => {
  it('the pupil is not offered the talk action, and asking is refused: nothing is sent', async () => {
    const mine = await call('pupil', 'GET', '/api/support/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ offered: false, state: 'none' });
    const ask = await call('pupil', 'POST', '/api/support/talk', { urgency: 'today' });
    expect(ask.status).toBe(409);
    expect(ask.body.error.problems).toEqual(['notReady']);
    await makeReady();
    expect(await inbox()).toEqual([]);
  });
});

describe('a pupil asks to talk', () => {
  it('is offered, sends once, and a second tap finds the first request', async () => {
    expect((await call('pupil', 'GET', '/api/support/mine')).body).toEqual({
      offered: true,
      state: 'none',
    });
    const first = await call('pupil', 'POST', '/api/support/talk', { urgency: 'today' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ offered: true, state: 'sent', already: false });
    const again = await call('pupil', 'POST', '/api/support/talk', {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ state: 'sent', already: true });
    expect((await call('pupil', 'GET', '/api/support/mine')).body.state).toBe('sent');
  });

  it('the DSL sees it with the pupil’s name and class, newest first, and no one’s ids', async () => {
    minutes(3);
    const res = await call('dsl', 'GET', '/api/support/requests');
    expect(res.status).toBe(200);
    expect(res.body.requests).toHaveLength(1);
    const request = res.body.requests[0];
    amirsRequest = request.id;
    expect(request).toMatchObject({
      pupilName: 'Amir Hassan',
      classNames: ['Class 7B'],
      status: 'new',
      urgency: 'today',
      source: 'tab',
      waitedMinutes: 3,
      notes: [],
      unreachableNames: [],
      timeZone: 'Europe/London',
    });
    expect(request.timeline.map((e: { kind: string }) => e.kind)).toEqual(['requested', 'alerted']);
    expect(request.alerts).toEqual([{ at: request.createdAt, level: 0 }]);
    const text = JSON.stringify(res.body);
    for (const id of [amir.id, amir.teamsId, ruth.id, ruth.teamsId, owen.id, owen.teamsId])
      expect(text).not.toContain(id);
  });

  it('validates the body: a stray field, a wrong "how soon", or no JSON', async () => {
    for (const body of [{ urgency: 'now' }, { urgency: 'today', note: 'hi' }, [], 'null']) {
      const res = await call('cai', 'POST', '/api/support/talk', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('cai', 'GET', '/api/support/mine')).body.state).toBe('none');
    expect(await inbox()).toHaveLength(1);
  });
});

describe('who may do what', () => {
  /** Every staff route, with a body where it takes one. */
  const staffRoutes = (id: string): [string, string, unknown?][] => [
    ['GET', '/api/support/requests'],
    ['GET', `/api/support/requests/${id}`],
    ['GET', `/api/support/requests/${id}/export?format=json`],
    ['GET', `/api/support/requests/${id}/export?format=csv`],
    ['POST', `/api/support/requests/${id}/actions`, { kind: 'note', text: 'Matrix note' }],
  ];

  it('only the DSL and deputies reach the inbox; another school’s DSL finds nothing of it', async () => {
    const before = await one(amirsRequest);
    for (const [method, path, body] of staffRoutes(amirsRequest)) {
      const statuses: Record<string, number> = {};
      for (const who of everyone) {
        if (who === 'dsl' || who === 'deputy') continue;
        statuses[who] = (await call(who, method, path, body)).status;
      }
      const otherSchool = path === '/api/support/requests' ? 200 : 404;
      expect(statuses, `${method} ${path}`).toEqual({
        pupil: 403,
        teacher: 403,
        ambassador: 403,
        coordinator: 403,
        wellbeing_lead: 403,
        admin: 403,
        otherTenant: otherSchool,
      });
    }
    expect((await call('otherTenant', 'GET', '/api/support/requests')).body.requests).toEqual([]);
    expect(await one(amirsRequest)).toEqual(before);
    for (const who of ['dsl', 'deputy'])
      for (const [, path] of staffRoutes(amirsRequest).filter(([m]) => m === 'GET')) {
        const res = await fetch(`${url}${path}`, {
          headers: { authorization: `Bearer ${tokens[who]}` },
        });
        expect(res.status, `${who} ${path}`).toBe(200);
      }
  });

  it('without a token, every route is 401', async () => {
    for (const [method, path, body] of [
      ...staffRoutes(amirsRequest),
      ['GET', '/api/support/mine'],
      ['POST', '/api/support/talk', {}],
    ] as [string, string, unknown?][])
      expect((await callApi(url, method, path, undefined, body)).status, path).toBe(401);
  });

  it('only pupils ask; staff are told the inbox is theirs', async () => {
    for (const who of ['teacher', 'coordinator', 'wellbeing_lead', 'dsl', 'deputy', 'admin']) {
      const mine = await call(who, 'GET', '/api/support/mine');
      expect(mine.status, who).toBe(403);
      expect(mine.body.error.message).toMatch(/Only pupils/);
      expect((await call(who, 'POST', '/api/support/talk', {})).status, who).toBe(403);
    }
    // Bethan is an ambassador and a pupil of 7B: she may ask for herself, like any pupil.
    expect((await call('ambassador', 'GET', '/api/support/mine')).status).toBe(200);
    expect((await call('otherTenant', 'GET', '/api/support/mine')).status).toBe(403);
    expect(await inbox()).toHaveLength(1);
  });

  it('another pupil cannot read or act on Amir’s request, and sees only their own state', async () => {
    const before = await one(amirsRequest);
    expect((await call('cai', 'GET', `/api/support/requests/${amirsRequest}`)).status).toBe(403);
    expect((await act('cai', amirsRequest, { kind: 'acknowledge' })).status).toBe(403);
    expect((await act('cai', amirsRequest, { kind: 'resolve' })).status).toBe(403);
    expect((await call('cai', 'GET', '/api/support/mine')).body.state).toBe('none');
    expect(await one(amirsRequest)).toEqual(before);
  });
});

describe('refusals change nothing', () => {
  it('forged and unknown action kinds, stray fields and bad referrals are 400', async () => {
    const before = await one(amirsRequest);
    const cases: [unknown, RegExp][] = [
      [{ kind: 'delete' }, /acknowledge/],
      [{ kind: 'talk.request' }, /acknowledge/],
      [{ kind: ['acknowledge'] }, /acknowledge/],
      [{}, /acknowledge/],
      [{ kind: 'acknowledge', by: ruth.id }, /not a valid acknowledge/],
      [{ kind: 'acknowledge', acknowledgedBy: deputyId }, /not a valid/],
      [{ kind: 'refer', to: 'mars' }, /not a valid refer/],
      [{ kind: 'refer' }, /not a valid refer/],
      [{ kind: 'resolve', status: 'new' }, /not a valid resolve/],
      [{ kind: 'note' }, /not a valid note/],
      [{ kind: 'note', text: 42 }, /not a valid note/],
      [{ kind: 'note', text: 'bell\u0007' }, /not a valid note/],
      [{ kind: 'note', text: 'half \ud83d a face' }, /not a valid note/],
    ];
    for (const [body, message] of cases) {
      const res = await act('dsl', amirsRequest, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await act('dsl', amirsRequest, '[]')).status).toBe(400);
    expect((await act('dsl', amirsRequest, '{"kind":')).status).toBe(400);
    const text = await fetch(`${url}/api/support/requests/${amirsRequest}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.dsl}`, 'content-type': 'text/plain' },
      body: 'acknowledge',
    });
    expect(text.status).toBe(415);
    expect(await one(amirsRequest)).toEqual(before);
  });

  it('a note over 1,000 characters, or only spaces, is 400 with its problem code', async () => {
    const before = await one(amirsRequest);
    for (const text of ['x'.repeat(1_001), '   ', '']) {
      const res = await act('deputy', amirsRequest, { kind: 'note', text });
      expect(res.status).toBe(400);
      expect(res.body.error.problems).toEqual(['noteLength']);
    }
    expect(await one(amirsRequest)).toEqual(before);
  });

  it('ids: unknown, too long, odd characters or a lone surrogate are 404 or 400, never 500', async () => {
    const before = await one(amirsRequest);
    const ids = [
      '9999999999999-nothere',
      'x'.repeat(401),
      encodeURIComponent('a b'),
      encodeURIComponent("1'--"),
      encodeURIComponent('..'),
      '%ED%A0%80',
      '%F0%9F',
      encodeURIComponent('\u{1F600}'),
      '%00',
    ];
    for (const id of ids) {
      for (const [method, path, body] of [
        ['GET', `/api/support/requests/${id}`],
        ['GET', `/api/support/requests/${id}/export?format=csv`],
        ['POST', `/api/support/requests/${id}/actions`, { kind: 'acknowledge' }],
      ] as [string, string, unknown?][]) {
        const res = await call('dsl', method, path, body);
        expect([400, 404], `${method} ${path}`).toContain(res.status);
      }
    }
    expect(
      (await call('dsl', 'GET', `/api/support/requests/${amirsRequest}/export?format=xml`)).status,
    ).toBe(400);
    expect(await one(amirsRequest)).toEqual(before);
  });
});

describe('acting on a request', () => {
  it('the DSL acknowledges; a replay or the deputy’s later tap keeps the first acknowledgement', async () => {
    minutes(2);
    const res = await act('dsl', amirsRequest, { kind: 'acknowledge' });
    expect(res.status).toBe(200);
    const { request } = res.body;
    expect(request).toMatchObject({
      status: 'acknowledged',
      acknowledged: { byName: 'Ms Ruth Evans', at: now.toISOString() },
      waitedMinutes: 5,
    });
    minutes(1);
    const replay = await act('dsl', amirsRequest, { kind: 'acknowledge' });
    expect(replay.status).toBe(200);
    expect(replay.body.request.acknowledged).toEqual(request.acknowledged);
    const deputy = await act('deputy', amirsRequest, { kind: 'acknowledge' });
    expect(deputy.body.request.acknowledged).toEqual(request.acknowledged);
    expect(deputy.body.request.waitedMinutes).toBe(5);
    expect(
      deputy.body.request.timeline.filter((e: { kind: string }) => e.kind === 'acknowledged'),
    ).toHaveLength(1);
  });

  it('the pupil now sees that an adult has seen it', async () => {
    expect((await call('pupil', 'GET', '/api/support/mine')).body).toEqual({
      offered: true,
      state: 'seen',
    });
  });

  it('notes are kept with who wrote them and when, on the timeline', async () => {
    minutes(1);
    const res = await act('deputy', amirsRequest, {
      kind: 'note',
      text: '  Spoke with Amir at break.  ',
    });
    expect(res.status).toBe(200);
    const { request } = res.body;
    expect(request.notes).toEqual([
      { byName: 'Mr Owen Davies', at: now.toISOString(), text: 'Spoke with Amir at break.' },
    ]);
    expect(request.timeline.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Spoke with Amir at break.',
    });
    // 1,000 characters exactly is allowed.
    expect((await act('dsl', amirsRequest, { kind: 'note', text: 'y'.repeat(1_000) })).status).toBe(
      200,
    );
  });

  it('exports one request as JSON and as CSV (UTF-8 with BOM, a row per timeline event)', async () => {
    const request = await one(amirsRequest);
    const json = await fetch(`${url}/api/support/requests/${amirsRequest}/export?format=json`, {
      headers: { authorization: `Bearer ${tokens.dsl}` },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(
      `attachment; filename=talk-request-${amirsRequest}.json`,
    );
    expect(json.headers.get('cache-control')).toBe('no-store');
    const exported = (await json.json()) as { format: string; request: unknown };
    expect(exported.format).toBe('belong-talk-request/1');
    expect(exported.request).toEqual(request);

    const csv = await fetch(`${url}/api/support/requests/${amirsRequest}/export?format=csv`, {
      headers: { authorization: `Bearer ${tokens.dsl}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toContain(`talk-request-${amirsRequest}.csv`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'requestId,pupil,classes,requestedAt,urgency,source,status,at,localTime,event,by,detail',
    );
    expect(lines).toHaveLength(request.timeline.length + 1);
    expect(lines.map((l) => l.split(',')[9])).toEqual([
      'event',
      'requested',
      'alerted',
      'acknowledged',
      'note',
      'note',
    ]);
    expect(lines[1]).toContain(`${amirsRequest},Amir Hassan,Class 7B,`);
    expect(lines[3]).toContain(',2026-11-24 10:05,acknowledged,Ms Ruth Evans,');
  });

  it('resolving closes it; acting on a closed request is 409 and changes nothing', async () => {
    minutes(5);
    const res = await act('dsl', amirsRequest, { kind: 'resolve' });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({
      status: 'resolved',
      closed: { byName: 'Ms Ruth Evans', at: now.toISOString() },
    });
    const before = await one(amirsRequest);
    for (const body of [
      { kind: 'acknowledge' },
      { kind: 'resolve' },
      { kind: 'note', text: 'Too late' },
      { kind: 'refer', to: 'camhs' },
    ]) {
      const again = await act('deputy', amirsRequest, body);
      expect(again.status, body.kind).toBe(409);
      expect(again.body.error.problems).toEqual(['closed']);
    }
    expect(await one(amirsRequest)).toEqual(before);
    expect((await call('pupil', 'GET', '/api/support/mine')).body.state).toBe('seen');
  });

  it('a request referred on without an acknowledgement is acknowledged by the same tap', async () => {
    minutes(10);
    expect((await call('cai', 'POST', '/api/support/talk', { urgency: 'thisWeek' })).status).toBe(
      201,
    );
    minutes(1);
    const [newest, older] = await inbox('deputy');
    expect(newest!.pupilName).toBe('Cai Williams');
    expect(older!.id).toBe(amirsRequest);
    const res = await act('deputy', newest!.id, { kind: 'refer', to: 'early_help' });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({ status: 'referred', referredTo: 'early_help' });
    expect(res.body.request.acknowledged).toEqual({
      byName: 'Mr Owen Davies',
      at: now.toISOString(),
    });
    expect(res.body.request.closed).toEqual(res.body.request.acknowledged);
    expect(res.body.request.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'requested',
      'alerted',
      'acknowledged',
      'referred',
    ]);
  });
});

describe('out of school hours', () => {
  it('the pupil is told when adults will see it, before and after asking', async () => {
    const dara = demoSchool.people.find((p) => p.displayName === 'Dara Okafor')!;
    tokens.dara = (
      await services.devIssuer!.issue({ tenantId, userId: dara.id, displayName: dara.displayName })
    ).token;
    // Tuesday 18:30 in London: school opens again on Wednesday at 08:30.
    now = new Date('2026-11-24T18:30:00Z');
    const closedUntil = { at: '2026-11-25T08:30:00.000Z', timeZone: 'Europe/London' };
    expect((await call('dara', 'GET', '/api/support/mine')).body).toEqual({
      offered: true,
      state: 'none',
      closedUntil,
    });
    const ask = await call('dara', 'POST', '/api/support/talk', {});
    expect(ask.status).toBe(201);
    expect(ask.body).toEqual({ offered: true, state: 'sent', closedUntil, already: false });
    const [waiting] = await inbox();
    expect(waiting).toMatchObject({ pupilName: 'Dara Okafor', status: 'new', alerts: [] });
  });
});

describe('what is written down, and what is not', () => {
  it('every view, action and export is on the audit log, and the chain holds', async () => {
    const entries = await services.audit.recent(tenantId, 1_000, amirsRequest);
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'talk.requested',
      'talk.alerted',
      'talk.viewed',
      'talk.acknowledged',
      'talk.noted',
      'talk.exported',
      'talk.resolved',
    ])
      expect(actions, a).toContain(a);
    expect((await services.audit.verify(tenantId)).ok).toBe(true);
  });

  it('requests appear in no other route', async () => {
    const routes: [string, string][] = [
      ['pupil', '/api/me'],
      ['pupil', '/api/me/checkins'],
      ['pupil', '/api/teams'],
      ['dsl', '/api/me'],
      ['dsl', '/api/teams'],
      ['admin', '/api/school/roles'],
      ['wellbeing_lead', '/api/school/checkins/trends'],
      ['teacher', `/api/teams/${encodeURIComponent(demoSchool.team.id)}/checkins/trends`],
      ['coordinator', '/api/rota'],
      ['ambassador', '/api/rota/me'],
    ];
    for (const [who, path] of routes) {
      const res = await call(who, 'GET', path);
      expect(res.status, path).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text, path).not.toContain(amirsRequest);
      expect(text, path).not.toMatch(/Spoke with Amir|talk\.|early_help/);
    }
  });

  it('the logs say what happened, never who, which request or what a note said', async () => {
    expect(logged.some((l) => l.event.startsWith('talk.'))).toBe(true);
    const text = JSON.stringify(logged);
    for (const secret of [
      amirsRequest,
      amir.id,
      amir.teamsId,
      cai.id,
      ruth.id,
      deputyId,
      'Amir',
      'Cai',
      'Ruth',
      'Owen',
      'Spoke with',
      'yyyyyyyy',
    ])
      expect(text, secret).not.toContain(secret);
  });
});
