import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/ports/directory.js';
import { demoSchool } from '../demo/demo-school.js';
import { seedDemoSchool } from '../demo/seed.js';
import { callApi, demoPerson, devToken } from '../../tests/support/api-client.js';
import { startApp, type AppHarness } from '../../tests/support/app-harness.js';

let app: AppHarness;
const tokens: Record<string, string> = {};
// Tuesday 24 November 2026, in the autumn term: the seed fills the rota from tomorrow.
const clock: Clock = { now: () => new Date('2026-11-24T12:00:00Z') };
const tenantId = demoSchool.tenantId;
const bethan = demoPerson('ambassador').id;
/** Two more ambassadors of the demo rota (ids only: not in the Playground), both free on Thursdays. */
const cerys = demoSchool.rota.ambassadors[1]!.id;
const dafydd = demoSchool.rota.ambassadors[3]!.id;
const eirys = demoSchool.rota.ambassadors[5]!.id;
const call = (who: string, method: string, path: string, body?: unknown) =>
  callApi(app.url, method, path, tokens[who], body);

beforeAll(async () => {
  app = await startApp({}, { clock });
  await seedDemoSchool(app.services, demoSchool, clock.now(), 'http://127.0.0.1:9/_connector');
  for (const kind of [
    'teacher',
    'pupil',
    'ambassador',
    'coordinator',
    'admin',
    'wellbeing_lead',
    'dsl',
  ])
    tokens[kind] = await devToken(app.url, demoPerson(kind).id);
  for (const [name, userId] of [
    ['cerys', cerys],
    ['dafydd', dafydd],
    ['eirys', eirys],
  ] as const) {
    await app.services.schools.setRoles(tenantId, userId, ['ambassador']);
    tokens[name] = (
      await app.services.devIssuer!.issue({ tenantId, userId, displayName: name })
    ).token;
  }
});
afterAll(() => app.stop());

/** Everything the coordinator can see of the term (minus the date of asking). */
async function snapshot(): Promise<unknown> {
  const res = await call('coordinator', 'GET', '/api/rota?from=2026-11-23&to=2026-12-18');
  expect(res.status).toBe(200);
  return res.body;
}

describe('the seeded demo rota', () => {
  it('the coordinator sees the week grid: slots, ambassadors, duties filled from tomorrow', async () => {
    const res = await call('coordinator', 'GET', '/api/rota?from=2026-11-23&to=2026-11-27');
    expect(res.status).toBe(200);
    const { body } = res;
    expect(body.today).toBe('2026-11-24');
    expect(body.settings).toMatchObject({
      startDate: '2026-09-01',
      endDate: '2026-12-18',
      approvalRequired: true,
    });
    expect(body.slots).toHaveLength(7);
    expect(body.ambassadors.map((a: { id: string }) => a.id)).toContain(bethan);
    expect(body.dates).toHaveLength(5);
    const dates = new Set(body.assignments.map((a: { date: string }) => a.date));
    expect([...dates].every((d) => (d as string) > '2026-11-24')).toBe(true);
    expect(body.assignments.length).toBeGreaterThan(5);
    for (const u of body.unfilled) expect(u.date >= '2026-11-24').toBe(true);
  });

  it('the admin may coordinate too', async () => {
    expect((await call('admin', 'GET', '/api/rota')).status).toBe(200);
  });

  it('Bethan sees her duties with place, period, supervising adult and who is with her', async () => {
    const res = await call('ambassador', 'GET', '/api/rota/me');
    expect(res.status).toBe(200);
    expect(res.body.onRota).toBe(true);
    expect(res.body.duties.length).toBeGreaterThan(0);
    for (const d of res.body.duties) {
      expect(d.date > '2026-11-24').toBe(true);
      expect(d.supervisingAdult).toMatch(/^M/);
      expect(d.placeId).toMatch(/Buddy bench|Library/);
      expect(d.with).not.toContain(bethan);
      expect(d.ambassadorIds).toContain(bethan);
    }
  });

  it('exports the duties as CSV with names from the directory', async () => {
    const res = await fetch(`${app.url}/api/rota/export.csv?from=2026-11-25&to=2026-11-27`, {
      headers: { authorization: `Bearer ${tokens.coordinator}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('rota-2026-11-25-2026-11-27.csv');
    // The bytes, not res.text(): a UTF-8 decoder drops the byte order mark Excel needs.
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,weekday,week,period,place,supervisingAdult,ambassadorId,ambassador,yearGroup,locked',
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => /^2026-11-2[567],[345],,/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes(`${bethan},Bethan Morgan,`)).length).toBeGreaterThan(0);
  });

  it('gives the coordinator and ambassadors the names of people on the rota, and pupils nothing', async () => {
    const names = await call('coordinator', 'GET', '/api/rota/names');
    expect(names.status).toBe(200);
    expect(names.body.names[bethan]).toBe('Bethan Morgan');
    expect((await call('ambassador', 'GET', '/api/rota/names')).body.names[bethan]).toBe(
      'Bethan Morgan',
    );
    for (const kind of ['pupil', 'teacher', 'dsl', 'wellbeing_lead']) {
      expect((await call(kind, 'GET', '/api/rota/names')).status, kind).toBe(403);
    }
  });
});

describe('who may do what', () => {
  const coordinatorRoutes: [string, string, unknown?][] = [
    ['GET', '/api/rota'],
    ['GET', '/api/rota/export.csv'],
    [
      'PUT',
      '/api/rota/settings',
      { startDate: '2026-11-23', endDate: '2026-12-18', weekAB: false, maxPerWeek: 9 },
    ],
    ['PUT', '/api/rota/slots', { slots: [] }],
    [
      'PUT',
      `/api/rota/ambassadors/${bethan}`,
      { yearGroup: 7, trainedOn: '2026-09-15', active: false, availability: [] },
    ],
    ['POST', '/api/rota/fill', {}],
    [
      'POST',
      '/api/rota/assignments',
      { action: 'clearRange', from: '2026-11-23', to: '2026-12-18' },
    ],
    ['POST', `/api/rota/requests/${crypto.randomUUID()}/approve`, {}],
    ['POST', `/api/rota/requests/${crypto.randomUUID()}/decline`, {}],
  ];
  const ambassadorRoutes: [string, string, unknown?][] = [
    ['GET', '/api/rota/me'],
    ['PUT', '/api/rota/me/availability', { availability: [] }],
    [
      'POST',
      '/api/rota/me/requests',
      { kind: 'cover', date: '2026-11-26', slotId: 'lunch-bench-4' },
    ],
    ['DELETE', `/api/rota/me/requests/${crypto.randomUUID()}`],
    ['POST', `/api/rota/requests/${crypto.randomUUID()}/accept`, {}],
    ['GET', '/api/rota/open-requests'],
  ];

  it.each(['ambassador', 'pupil', 'teacher', 'wellbeing_lead', 'dsl'])(
    'a %s gets 403 on every coordinator route, and nothing changes',
    async (who) => {
      const before = await snapshot();
      for (const [method, path, body] of coordinatorRoutes) {
        const res = await call(who, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(['pupil', 'teacher', 'coordinator', 'dsl'])(
    'a %s gets 403 on every ambassador route',
    async (who) => {
      for (const [method, path, body] of ambassadorRoutes) {
        const res = await call(who, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    },
  );

  it('an ambassador reaches nothing but rota data', async () => {
    await app.services.deliveries.enqueue(
      tenantId,
      { id: 'occ-rota-test', label: 'Prompt', teamId: demoSchool.team.id },
      [
        {
          targetKey: demoSchool.team.generalChannelId,
          target: {
            kind: 'channel',
            teamId: demoSchool.team.id,
            channelId: demoSchool.team.generalChannelId,
            serviceUrl: 'http://127.0.0.1:9/_connector',
          },
          content: { text: 'Good morning' },
        },
      ],
      clock.now(),
    );
    expect((await call('teacher', 'GET', '/api/occurrences/occ-rota-test')).status).toBe(200);
    const calendar = { terms: [], closures: [] };
    for (const [method, path, body] of [
      ['GET', '/api/occurrences/occ-rota-test'],
      ['GET', '/api/school/calendar'],
      ['PUT', '/api/school/calendar', calendar],
      ['GET', '/api/school/roles'],
      ['POST', '/api/school/cmhw-plan', { year: 2026, classes: [] }],
      [
        'POST',
        `/api/teams/${encodeURIComponent(demoSchool.team.id)}/schedules`,
        {
          channelId: demoSchool.team.generalChannelId,
          time: '08:50',
          content: { kind: 'prompt', promptId: 'x' },
          repeat: { kind: 'once', date: '2026-11-30' },
        },
      ],
      ['GET', `/api/teams/${encodeURIComponent(demoSchool.team.id)}/schedules`],
    ] as [string, string, unknown?][]) {
      const res = await call('ambassador', method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(
      (await call('wellbeing_lead', 'GET', '/api/school/calendar')).body.calendar.terms,
    ).toHaveLength(3);
  });

  it('without a token: 401', async () => {
    expect((await callApi(app.url, 'GET', '/api/rota')).status).toBe(401);
    expect((await callApi(app.url, 'GET', '/api/rota/me')).status).toBe(401);
  });
});

describe('malformed bodies', () => {
  const valid = {
    settings: { startDate: '2026-09-01', endDate: '2026-12-18', weekAB: false, maxPerWeek: 2 },
  };

  it.each<[string, string, string, unknown]>([
    [
      'settings with an extra field',
      'PUT',
      '/api/rota/settings',
      { ...valid.settings, pupilName: 'x' },
    ],
    [
      'settings with a word for a number',
      'PUT',
      '/api/rota/settings',
      { ...valid.settings, maxPerWeek: 'two' },
    ],
    [
      'settings with a maximum of 0',
      'PUT',
      '/api/rota/settings',
      { ...valid.settings, maxPerWeek: 0 },
    ],
    [
      'settings ending before they start',
      'PUT',
      '/api/rota/settings',
      { ...valid.settings, endDate: '2026-08-01' },
    ],
    [
      'settings with an impossible date',
      'PUT',
      '/api/rota/settings',
      { ...valid.settings, endDate: '2026-02-30' },
    ],
    ['slots that are not a list', 'PUT', '/api/rota/slots', { slots: 'lunch' }],
    [
      'a slot on a Saturday',
      'PUT',
      '/api/rota/slots',
      {
        slots: [
          {
            weekday: 6,
            periodId: 'Lunch',
            placeId: 'Field',
            needed: 1,
            supervisingAdult: 'Ms Evans',
          },
        ],
      },
    ],
    [
      'a slot needing 9 ambassadors',
      'PUT',
      '/api/rota/slots',
      {
        slots: [
          {
            weekday: 1,
            periodId: 'Lunch',
            placeId: 'Field',
            needed: 9,
            supervisingAdult: 'Ms Evans',
          },
        ],
      },
    ],
    [
      'an ambassador in Year 2',
      'PUT',
      `/api/rota/ambassadors/${cerys}`,
      { yearGroup: 2, trainedOn: '2026-09-15', active: true, availability: [] },
    ],
    [
      'an ambassador without an id',
      'PUT',
      '/api/rota/ambassadors/not-an-id',
      { yearGroup: 8, trainedOn: '2026-09-15', active: true, availability: [] },
    ],
    ['a fill with options', 'POST', '/api/rota/fill', { force: true }],
    ['an unknown action', 'POST', '/api/rota/assignments', { action: 'shuffle' }],
    [
      'an assignment without a duty',
      'POST',
      '/api/rota/assignments',
      { action: 'assign', ambassadorId: cerys },
    ],
    [
      'approval with a name',
      'POST',
      `/api/rota/requests/${crypto.randomUUID()}/approve`,
      { name: 'Cerys' },
    ],
    ['not JSON', 'PUT', '/api/rota/settings', '{"startDate":'],
    ['an array', 'PUT', '/api/rota/settings', [valid.settings]],
  ])('coordinator: refuses %s with 400 and changes nothing', async (_name, method, path, body) => {
    const before = await snapshot();
    const res = await call('coordinator', method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\w{4,}/);
    expect(await snapshot()).toEqual(before);
  });

  it.each<[string, string, string, unknown]>([
    [
      'availability on a Sunday',
      'PUT',
      '/api/rota/me/availability',
      { availability: [{ weekday: 7, periodId: 'Lunch' }] },
    ],
    ['availability as text', 'PUT', '/api/rota/me/availability', { availability: 'Mondays' }],
    [
      'a request for a holiday',
      'POST',
      '/api/rota/me/requests',
      { kind: 'holiday', date: '2026-11-26', slotId: 'lunch-bench-4' },
    ],
    [
      'a request with a note',
      'POST',
      '/api/rota/me/requests',
      { kind: 'cover', date: '2026-11-26', slotId: 'lunch-bench-4', note: 'ill' },
    ],
    [
      'an acceptance giving back text',
      'POST',
      `/api/rota/requests/${crypto.randomUUID()}/accept`,
      { inReturn: 'Tuesday' },
    ],
    ['no body at all', 'POST', '/api/rota/me/requests', undefined],
  ])('ambassador: refuses %s with 400 and changes nothing', async (_name, method, path, body) => {
    const before = await call('ambassador', 'GET', '/api/rota/me');
    const res = await call('ambassador', method, path, body);
    expect(res.status).toBe(400);
    expect((await call('ambassador', 'GET', '/api/rota/me')).body).toEqual(before.body);
  });
});

describe('swaps and cover through the API', () => {
  const week = { from: '2026-12-07', to: '2026-12-11' };
  const duty = { date: '2026-12-10', slotId: 'lunch-bench-4' }; // Thursday lunch

  beforeAll(async () => {
    // A quiet week: nobody on duty, then Bethan on Thursday lunch.
    const cleared = await call('coordinator', 'POST', '/api/rota/assignments', {
      action: 'clearRange',
      ...week,
    });
    expect(cleared.status).toBe(200);
    const assigned = await call('coordinator', 'POST', '/api/rota/assignments', {
      action: 'assign',
      ...duty,
      ambassadorId: bethan,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.duty.assignments).toMatchObject([{ ambassadorId: bethan, locked: true }]);
  });

  it('a hand assignment that breaks a rule is refused with its code', async () => {
    const res = await call('coordinator', 'POST', '/api/rota/assignments', {
      action: 'assign',
      date: '2026-12-09',
      slotId: 'lunch-bench-3',
      ambassadorId: bethan, // not available on Wednesdays
    });
    expect(res.status).toBe(409);
    expect(res.body.error.problems).toEqual(['notAvailable']);
    const past = await call('coordinator', 'POST', '/api/rota/assignments', {
      action: 'assign',
      date: '2026-11-23',
      slotId: 'lunch-bench-1',
      ambassadorId: bethan,
    });
    expect(past.body.error.problems).toEqual(['dutyPast']);
  });

  it('three ambassadors accept the same cover at once: exactly one wins, the others hear 409', async () => {
    const asked = await call('ambassador', 'POST', '/api/rota/me/requests', {
      kind: 'cover',
      ...duty,
    });
    expect(asked.status).toBe(201);
    const id = asked.body.request.id as string;
    const acceptors = ['cerys', 'dafydd', 'eirys'];
    for (const who of acceptors) {
      const open = await call(who, 'GET', '/api/rota/open-requests');
      expect(open.body.requests.map((r: { request: { id: string } }) => r.request.id)).toContain(
        id,
      );
    }
    const answers = await Promise.all(
      acceptors.map((who) => call(who, 'POST', `/api/rota/requests/${id}/accept`, {})),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const lost of answers.filter((r) => r.status === 409))
      expect(lost.body.error.problems).toEqual(['requestNotOpen']);
    const winner = answers.find((r) => r.status === 200)!.body.request;
    expect(winner.status).toBe('accepted');
    expect(winner.history.filter((h: { action: string }) => h.action === 'accepted')).toHaveLength(
      1,
    );

    const grid = await call('coordinator', 'GET', `/api/rota?from=${week.from}&to=${week.to}`);
    expect(grid.body.requests.map((r: { id: string }) => r.id)).toEqual([id]);
    const approved = await call('coordinator', 'POST', `/api/rota/requests/${id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.request.history.map((h: { action: string }) => h.action)).toEqual([
      'asked',
      'accepted',
      'approved',
    ]);
    const after = await call('coordinator', 'GET', `/api/rota?from=${week.from}&to=${week.to}`);
    expect(
      after.body.assignments
        .filter(
          (x: { date: string; slotId: string }) => x.date === duty.date && x.slotId === duty.slotId,
        )
        .map((x: { ambassadorId: string }) => x.ambassadorId),
    ).toEqual([winner.acceptorId]);
    expect(after.body.requests).toEqual([]);
    const mine = await call('ambassador', 'GET', `/api/rota/me?from=${week.from}&to=${week.to}`);
    expect(mine.body.duties).toEqual([]);
    expect(mine.body.requests.map((r: { status: string }) => r.status)).toEqual(['approved']);
  });

  it('a swap with approval off applies at once; stale and repeated actions are refused', async () => {
    const settings = await call('coordinator', 'PUT', '/api/rota/settings', {
      startDate: '2026-09-01',
      endDate: '2026-12-18',
      weekAB: false,
      maxPerWeek: 2,
      approvalRequired: false,
    });
    expect(settings.status).toBe(200);
    await call('coordinator', 'POST', '/api/rota/assignments', {
      action: 'assign',
      date: '2026-12-07',
      slotId: 'lunch-bench-1',
      ambassadorId: bethan,
    });
    await call('coordinator', 'POST', '/api/rota/assignments', {
      action: 'assign',
      date: '2026-12-08',
      slotId: 'lunch-bench-2',
      ambassadorId: cerys,
    });
    const asked = await call('ambassador', 'POST', '/api/rota/me/requests', {
      kind: 'swap',
      date: '2026-12-07',
      slotId: 'lunch-bench-1',
    });
    const id = asked.body.request.id as string;
    const again = await call('ambassador', 'POST', '/api/rota/me/requests', {
      kind: 'cover',
      date: '2026-12-07',
      slotId: 'lunch-bench-1',
    });
    expect(again.body.error.problems).toEqual(['requestExists']);
    const noReturn = await call('cerys', 'POST', `/api/rota/requests/${id}/accept`, {});
    expect([noReturn.status, noReturn.body.error.problems]).toEqual([400, ['inReturnMissing']]);
    const own = await call('ambassador', 'POST', `/api/rota/requests/${id}/accept`, {
      inReturn: { date: '2026-12-08', slotId: 'lunch-bench-2' },
    });
    expect([own.status, own.body.error.problems]).toEqual([409, ['ownRequest']]);

    const done = await call('cerys', 'POST', `/api/rota/requests/${id}/accept`, {
      inReturn: { date: '2026-12-08', slotId: 'lunch-bench-2' },
    });
    expect(done.status).toBe(200);
    expect(done.body.request.status).toBe('approved');
    const mine = await call('ambassador', 'GET', `/api/rota/me?from=${week.from}&to=${week.to}`);
    expect(
      mine.body.duties.map((d: { date: string; slotId: string }) => [d.date, d.slotId]),
    ).toEqual([['2026-12-08', 'lunch-bench-2']]);
    const cancel = await call('ambassador', 'DELETE', `/api/rota/me/requests/${id}`);
    expect([cancel.status, cancel.body.error.problems]).toEqual([409, ['requestNotOpen']]);
    const decline = await call('coordinator', 'POST', `/api/rota/requests/${id}/decline`, {});
    expect([decline.status, decline.body.error.problems]).toEqual([409, ['requestNotOpen']]);
  });

  it('an ambassador edits their availability and cancels their own request', async () => {
    const set = await call('ambassador', 'PUT', '/api/rota/me/availability', {
      availability: [
        { weekday: 2, periodId: 'Lunch' },
        { weekday: 2, periodId: 'Lunch' },
        { weekday: 4, periodId: 'Morning break' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.ambassador.availability).toEqual([
      { weekday: 2, periodId: 'Lunch' },
      { weekday: 4, periodId: 'Morning break' },
    ]);
    const asked = await call('ambassador', 'POST', '/api/rota/me/requests', {
      kind: 'cover',
      date: '2026-12-08',
      slotId: 'lunch-bench-2',
    });
    expect(asked.status).toBe(201);
    const id = asked.body.request.id as string;
    expect((await call('cerys', 'DELETE', `/api/rota/me/requests/${id}`)).status).toBe(404);
    const cancelled = await call('ambassador', 'DELETE', `/api/rota/me/requests/${id}`);
    expect(cancelled.body.request).toMatchObject({ status: 'cancelled', decidedBy: bethan });
    expect((await call('ambassador', 'DELETE', '/api/rota/me/requests/nope')).status).toBe(404);
    expect(
      (await call('cerys', 'POST', `/api/rota/requests/${crypto.randomUUID()}/accept`, {})).status,
    ).toBe(404);
  });

  it('the coordinator re-fills, keeping locked duties, and says what could not be filled', async () => {
    const res = await call('coordinator', 'POST', '/api/rota/fill', {});
    expect(res.status).toBe(200);
    expect(res.body.from).toBe('2026-11-25'); // from tomorrow: today's duties are kept as they are
    const onCerysDuty = res.body.assignments.filter(
      (a: { date: string; slotId: string }) =>
        a.date === '2026-12-08' && a.slotId === 'lunch-bench-2',
    );
    expect(onCerysDuty.map((a: { ambassadorId: string }) => a.ambassadorId)).toContain(bethan);
    for (const u of res.body.unfilled)
      expect(['nobody_available', 'everyone_at_maximum', 'everyone_busy']).toContain(u.reason);
  });
});
