/**
 * The Support journey as the people in it notice it (issue 17): a pupil asks, the DSL and deputies
 * are messaged at once, one acknowledges and the pupil is told, nobody acknowledging escalates in
 * school time, and only the DSL and deputies ever see a request. Real stores on the in-memory
 * table store, a directory of one class, a fixed clock moved by hand, and a renderer of plain
 * objects.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../delivery/delivery.js';
import { isBelongError } from '../errors.js';
import type { Directory, TeamRef } from '../ports/directory.js';
import type { LogFields, Logger } from '../ports/logger.js';
import type { EntityKey, EntityValue, TableName } from '../ports/table-store.js';
import type { SchoolRole, TeamRole } from '../roles.js';
import { DeliveryStore } from '../stores/delivery-store.js';
import { SchoolStore } from '../stores/school-store.js';
import { TeamStore } from '../stores/team-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { AuditLog, type AuditAction } from './audit-log.js';
import type { TalkRequest } from './talk.js';
import { TalkService, type StaffAction, type TalkRenderer } from './talk-service.js';
import { TalkStore } from './talk-store.js';

const tenantId = 'school-1';
const otherTenant = 'school-2';
const classId = '19:7b@thread.tacv2';
const otherClassId = '19:8c@thread.tacv2';

const dsl = 'dsl-1';
const deputy = 'deputy-1';
const unreached = 'deputy-2';
const lead = 'lead-1';
const admin = 'admin-1';
const coordinator = 'coordinator-1';
const ambassador = 'ambassador-1';
const teacher = 'teacher-1';
const pupil = 'pupil-1';
const quietPupil = 'pupil-2';
const otherDsl = 'dsl-x';
const otherPupil = 'pupil-x';

const names: Record<string, string> = {
  [dsl]: 'Dawn Lee',
  [deputy]: 'Dev Patel',
  [unreached]: 'Dana Unreached',
  [lead]: 'Lena Wells',
  [admin]: 'Ada Minns',
  [teacher]: 'Tom Teach',
  [pupil]: 'Poppy Smith',
  [quietPupil]: 'Quinn Jones',
};

/** One class in each school; nobody to find (choosing role holders is not tested here). */
const classes = {
  async roleInTeam(tenant: string, team: TeamRef, userId: string): Promise<TeamRole | undefined> {
    if (tenant === tenantId && team.teamId === classId) {
      if (userId === teacher) return 'teacher';
      if (userId === pupil || userId === quietPupil || userId === ambassador) return 'pupil';
    }
    if (tenant === otherTenant && team.teamId === otherClassId && userId === otherPupil)
      return 'pupil';
    return undefined;
  },
  findPeople: async () => [],
};
const directory: Directory = classes;

/** What each card said, as plain objects: enough to see who was told what. */
const render: TalkRenderer = {
  staff: (view, locale) => ({
    card: 'staff',
    pupil: view.pupilName,
    classes: view.classNames,
    status: view.request.status,
    acknowledgedBy: view.acknowledgedByName ?? null,
    unreachable: view.unreachableNames,
    locale,
  }),
  escalated: (waitedMinutes, locale) => ({ card: 'escalated', waitedMinutes, locale }),
  unreachable: (people, locale) => ({ card: 'unreachable', people, locale }),
  seen: (locale) => ({ card: 'seen', locale }),
};

/** The in-memory tables, with an outbox that can be made to fail (storage down). */
class Tables extends MemoryTableStore {
  outboxDown = false;
  #check(table: TableName) {
    if (this.outboxDown && table === 'deliveries') throw new Error('storage unavailable');
  }
  override async upsert<T extends EntityValue>(table: TableName, key: EntityKey, value: T) {
    this.#check(table);
    return super.upsert(table, key, value);
  }
  override async insert<T extends EntityValue>(table: TableName, key: EntityKey, value: T) {
    this.#check(table);
    return super.insert(table, key, value);
  }
}

let tables: Tables;
let clock: { at: Date; now(): Date };
let logged: { event: string; fields?: LogFields }[];
let schools: SchoolStore;
let teams: TeamStore;
let deliveries: DeliveryStore;
let talks: TalkStore;
let audit: AuditLog;
let service: TalkService;
let ids: number;

const at = (iso: string) => {
  clock.at = new Date(iso);
};

const chatOf = (userId: string) => ({
  userId,
  teamsId: `29:${userId}`,
  conversationId: `a:${userId}`,
  serviceUrl: 'https://smba.example/',
  installedAt: '2026-09-01T08:00:00.000Z',
});

beforeEach(async () => {
  tables = new Tables();
  clock = {
    at: new Date('2026-11-24T10:00:00Z'), // a Tuesday, in school hours (GMT)
    now() {
      return this.at;
    },
  };
  logged = [];
  const record =
    (level: string) =>
    (event: string, fields?: LogFields): void => {
      logged.push({ event: `${level} ${event}`, ...(fields ? { fields } : {}) });
    };
  const log: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  schools = new SchoolStore(tables);
  teams = new TeamStore(tables);
  deliveries = new DeliveryStore(tables);
  talks = new TalkStore(tables);
  audit = new AuditLog(tables, clock);
  ids = 0;
  service = new TalkService({
    talks,
    audit,
    schools,
    teams,
    directory,
    deliveries,
    names: { displayName: async (_t, userId) => names[userId] },
    clock,
    log,
    render,
    randomId: () => `r${++ids}`,
  });

  const start = new Date('2026-09-01T08:00:00Z');
  for (const [tenant, team, name] of [
    [tenantId, classId, 'Class 7B'],
    [otherTenant, otherClassId, 'Class 8C'],
  ] as const) {
    await schools.put({ tenantId: tenant, name, timeZone: 'Europe/London', createdAt: '' });
    await teams.recordInstall(
      tenant,
      { teamId: team, name, serviceUrl: 'https://smba.example/', channels: [] },
      start,
    );
  }
  const roles: [string, SchoolRole[]][] = [
    [dsl, ['dsl']],
    [deputy, ['deputy_dsl']],
    [lead, ['wellbeing_lead']],
    [admin, ['admin']],
    [coordinator, ['coordinator']],
    [ambassador, ['ambassador']],
  ];
  for (const [userId, r] of roles) await schools.setRoles(tenantId, userId, r);
  await schools.setRoles(otherTenant, otherDsl, ['dsl']);
  for (const userId of [dsl, deputy, lead, admin, coordinator, ambassador, teacher, pupil])
    await teams.recordPersonalConversation(tenantId, chatOf(userId));
  await teams.recordPersonalConversation(otherTenant, chatOf(otherDsl));
  await teams.recordPersonalConversation(otherTenant, chatOf(otherPupil));
});

const ask = (
  userId = pupil,
  over: { urgency?: 'today' | 'thisWeek'; locale?: 'en-GB' | 'cy' } = {},
) =>
  service.ask(
    tenantId,
    { userId, teamsId: `29:${userId}` },
    {
      source: 'chat',
      locale: over.locale ?? 'en-GB',
      ...(over.urgency ? { urgency: over.urgency } : {}),
    },
  );

/** Asks and returns the request, checking it was sent. */
async function asked(userId = pupil): Promise<TalkRequest> {
  const outcome = await ask(userId);
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${outcome.kind}`);
  return outcome.request;
}

const stored = async (id: string) => (await talks.get(tenantId, id))?.value;
const sentIn = async (occurrenceId: string): Promise<Delivery[]> =>
  (await deliveries.deliveriesOf(tenantId, occurrenceId)).map((d) => d.value);
const occurrenceIds = async (tenant = tenantId) =>
  (await tables.list('deliveries', tenant, 'occurrences')).map((r) => r.key.row);
const actions = async (tenant = tenantId): Promise<AuditAction[]> =>
  (await audit.recent(tenant, 1_000)).reverse().map((e) => e.action);
const targetsOf = (ds: Delivery[]) => ds.map((d) => d.targetKey).sort();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (e) {
    if (isBelongError(e)) return e.code;
    throw e;
  }
}

/** Everything a user could notice: the request, what was queued and what was recorded. */
async function snapshot(id: string) {
  return {
    request: await stored(id),
    occurrences: await occurrenceIds(),
    audit: await actions(),
  };
}

describe('readiness', () => {
  it('is ready when a DSL and a deputy can both be messaged, and offers talk to pupils', async () => {
    const readiness = await service.readiness(tenantId);
    expect(readiness).toEqual({
      ready: true,
      needed: 2,
      recipients: [
        { userId: deputy, role: 'deputy_dsl', name: 'Dev Patel', reachable: true },
        { userId: dsl, role: 'dsl', name: 'Dawn Lee', reachable: true },
      ],
    });
    expect(await service.pupilView(tenantId, pupil)).toEqual({ offered: true, state: 'none' });
  });

  it('is not ready while only one recipient can be messaged, and talk is not offered', async () => {
    await schools.setRoles(tenantId, deputy, []);
    await schools.setRoles(tenantId, unreached, ['deputy_dsl']);
    const readiness = await service.readiness(tenantId);
    expect(readiness.ready).toBe(false);
    expect(readiness.recipients.map((r) => [r.userId, r.reachable])).toEqual([
      [unreached, false],
      [dsl, true],
    ]);
    expect((await service.pupilView(tenantId, pupil)).offered).toBe(false);
  });

  it('counts only DSLs and deputies, never other staff', async () => {
    await schools.setRoles(tenantId, deputy, []);
    const readiness = await service.readiness(tenantId);
    expect(readiness.recipients.map((r) => r.userId)).toEqual([dsl]);
    expect(readiness.ready).toBe(false);
  });
});

describe('a pupil asks', () => {
  it('in school hours: one urgent message to each DSL and deputy, at once, and both steps audited', async () => {
    const outcome = await ask(pupil, { urgency: 'today' });
    expect(outcome).toMatchObject({ kind: 'sent', state: 'sent' });
    if (outcome.kind !== 'sent') return;
    expect(outcome.closedUntil).toBeUndefined();
    const request = outcome.request;
    expect(request).toMatchObject({
      pupilId: pupil,
      pupilTeamsId: `29:${pupil}`,
      classTeamIds: [classId],
      urgency: 'today',
      status: 'new',
      createdAt: '2026-11-24T10:00:00.000Z',
      alertAt: '2026-11-24T10:00:00.000Z',
    });

    const alert = await sentIn(`talk:${request.id}:0`);
    expect(targetsOf(alert)).toEqual([deputy, dsl]);
    for (const d of alert) {
      expect(d.urgent).toBe(true);
      expect(d.status).toBe('pending');
      expect(d.notBefore).toBe('2026-11-24T10:00:00.000Z');
      expect(d.target).toEqual({
        kind: 'conversation',
        conversationId: `a:${d.targetKey}`,
        serviceUrl: 'https://smba.example/',
      });
      expect(d.content).toMatchObject({
        card: 'staff',
        pupil: 'Poppy Smith',
        classes: ['Class 7B'],
        status: 'new',
      });
    }
    // Nobody else hears of it: not the wellbeing lead, the admin or the teacher.
    expect(await occurrenceIds()).toEqual([`talk:${request.id}:0`]);

    const entries = (await audit.recent(tenantId, 10)).reverse();
    expect(entries.map((e) => [e.actor, e.action, e.subject, e.details])).toEqual([
      [pupil, 'talk.requested', request.id, { source: 'chat', urgency: 'today' }],
      ['belong', 'talk.alerted', request.id, { level: '0', sent: '2' }],
    ]);
    expect((await stored(request.id))!.alerts).toEqual([
      { at: '2026-11-24T10:00:00.000Z', level: 0, sentTo: [deputy, dsl], unreachable: [] },
    ]);
    expect(await service.pupilView(tenantId, pupil)).toEqual({ offered: true, state: 'sent' });
  });

  it('a second time while the first is open: finds the first, and nothing new is sent', async () => {
    const first = await asked();
    clock.at = new Date('2026-11-24T10:05:00Z');
    const before = await snapshot(first.id);
    const again = await ask();
    expect(again).toMatchObject({ kind: 'already', state: 'sent' });
    expect(again.kind !== 'notPupil' && again.kind !== 'unavailable' && again.request.id).toBe(
      first.id,
    );
    expect(await snapshot(first.id)).toEqual(before);

    await service.act(tenantId, first.id, dsl, { kind: 'acknowledge' });
    const afterSeen = await snapshot(first.id);
    expect(await ask()).toMatchObject({ kind: 'already', state: 'seen' });
    expect(await snapshot(first.id)).toEqual(afterSeen);
  });

  it('tapping twice at once makes one request', async () => {
    const outcomes = await Promise.all([ask(), ask()]);
    const requestIds = outcomes.map((o) =>
      o.kind === 'sent' || o.kind === 'already' ? o.request.id : o.kind,
    );
    expect(requestIds[0]).toBe(requestIds[1]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already', 'sent']);
    expect((await talks.list(tenantId)).length).toBe(1);
    expect((await actions()).filter((a) => a === 'talk.requested')).toHaveLength(1);
  });

  it('again after the last request was resolved: a new request, alerted afresh', async () => {
    const first = await asked();
    await service.act(tenantId, first.id, dsl, { kind: 'resolve' });
    at('2026-11-24T11:00:00Z');
    const second = await asked();
    expect(second.id).not.toBe(first.id);
    expect(targetsOf(await sentIn(`talk:${second.id}:0`))).toEqual([deputy, dsl]);
    expect((await talks.list(tenantId)).map((r) => r.id)).toEqual([second.id, first.id]);
  });

  it('while fewer than two adults can be messaged: the pupil is told to find an adult, and nothing is sent', async () => {
    await tables.delete('teams', { tenantId, partition: 'personal', row: deputy });
    expect(await ask()).toEqual({ kind: 'unavailable' });
    expect(await talks.list(tenantId)).toEqual([]);
    expect(await occurrenceIds()).toEqual([]);
    expect(await actions()).toEqual([]);
  });

  it('is refused to anyone who is not a pupil of a class, and nothing is stored', async () => {
    for (const userId of [teacher, dsl, 'stranger']) {
      expect(await ask(userId)).toEqual({ kind: 'notPupil' });
    }
    // A pupil of another school, asking as if of this one.
    expect(await ask(otherPupil)).toEqual({ kind: 'notPupil' });
    expect(await talks.list(tenantId)).toEqual([]);
    expect(await occurrenceIds()).toEqual([]);
    expect(await actions()).toEqual([]);
  });

  it('when nobody can be messaged: the pupil is told to find an adult, and nothing is stored', async () => {
    for (const userId of [dsl, deputy])
      await tables.delete('teams', { tenantId, partition: 'personal', row: userId });
    expect(await ask()).toEqual({ kind: 'unavailable' });
    expect(await talks.list(tenantId)).toEqual([]);
    expect(await occurrenceIds()).toEqual([]);
    expect(await actions()).toEqual([]);
  });
});

describe('only the DSL and deputies see requests', () => {
  const forbiddenCalls = (userId: string, tenant: string, id: string) => ({
    staffView: () => service.staffView(tenant, id, userId),
    inbox: () => service.inbox(tenant, userId),
    acknowledge: () => service.act(tenant, id, userId, { kind: 'acknowledge' }),
    note: () => service.act(tenant, id, userId, { kind: 'note', text: 'Spoke to them' }),
    resolve: () => service.act(tenant, id, userId, { kind: 'resolve' }),
    refer: () => service.act(tenant, id, userId, { kind: 'refer', to: 'camhs' }),
    exportOne: () => service.exportOne(tenant, id, userId),
  });

  it.each([
    ['a teacher', teacher],
    ['a wellbeing lead', lead],
    ['the school admin', admin],
    ['the ambassador coordinator', coordinator],
    ['a wellbeing ambassador', ambassador],
    ['the pupil who asked', pupil],
    ['another pupil', quietPupil],
    ['the DSL of another school', otherDsl],
    ['someone unknown', 'stranger'],
  ])('%s is refused everything, and nothing changes', async (_who, userId) => {
    const request = await asked();
    const before = await snapshot(request.id);
    for (const [name, call] of Object.entries(forbiddenCalls(userId, tenantId, request.id))) {
      expect([name, await codeOf(call())]).toEqual([name, 'forbidden']);
    }
    expect(await snapshot(request.id)).toEqual(before);
  });

  it('the DSL of another school, in their own school, finds nothing of this one', async () => {
    const request = await asked();
    const before = await snapshot(request.id);
    expect(await service.inbox(otherTenant, otherDsl)).toEqual([]);
    for (const [name, call] of Object.entries(forbiddenCalls(otherDsl, otherTenant, request.id))) {
      if (name === 'inbox') continue;
      expect([name, await codeOf(call())]).toEqual([name, 'notFound']);
    }
    expect(await snapshot(request.id)).toEqual(before);
    expect(await actions(otherTenant)).toEqual(['talk.listed']);
  });

  it('a DSL or deputy sees a request with the pupil’s name, and every look is audited', async () => {
    const request = await asked();
    const view = await service.staffView(tenantId, request.id, deputy);
    expect(view).toMatchObject({
      pupilName: 'Poppy Smith',
      classNames: ['Class 7B'],
      notes: [],
      unreachableNames: [],
      timeZone: 'Europe/London',
    });
    expect(view.recipientTeamsIds.sort()).toEqual([`29:${deputy}`, `29:${dsl}`]);
    expect(view.request.id).toBe(request.id);
    // Looking is not acknowledging.
    expect((await stored(request.id))!.status).toBe('new');

    await service.exportOne(tenantId, request.id, dsl);
    const entries = (await audit.recent(tenantId, 2)).reverse();
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
      [deputy, 'talk.viewed', request.id],
      [dsl, 'talk.exported', request.id],
    ]);
  });

  it('the inbox lists every request, newest first, and the listing is audited', async () => {
    const first = await asked(pupil);
    at('2026-11-24T10:20:00Z');
    const second = await asked(quietPupil);
    const inbox = await service.inbox(tenantId, dsl);
    expect(inbox.map((v) => [v.request.id, v.pupilName])).toEqual([
      [second.id, 'Quinn Jones'],
      [first.id, 'Poppy Smith'],
    ]);
    expect((await audit.recent(tenantId, 1))[0]).toMatchObject({
      actor: dsl,
      action: 'talk.listed',
      subject: 'inbox',
    });
  });

  it('an unknown request is not found, and nothing is audited', async () => {
    await asked();
    const before = await actions();
    expect(await codeOf(service.staffView(tenantId, 'no-such', dsl))).toBe('notFound');
    expect(await codeOf(service.exportOne(tenantId, 'no-such', dsl))).toBe('notFound');
    expect(await codeOf(service.act(tenantId, 'no-such', dsl, { kind: 'acknowledge' }))).toBe(
      'notFound',
    );
    expect(await actions()).toEqual(before);
  });
});

describe('acting on a request', () => {
  it('acknowledging tells the pupil once, in their language, and their view says an adult has seen it', async () => {
    const outcome = await ask(pupil, { locale: 'cy' });
    const request = outcome.kind === 'sent' ? outcome.request : undefined;
    at('2026-11-24T10:03:00Z');
    const view = await service.act(tenantId, request!.id, dsl, { kind: 'acknowledge' });
    expect(view.acknowledgedByName).toBe('Dawn Lee');
    expect(await stored(request!.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: dsl,
      acknowledgedAt: '2026-11-24T10:03:00.000Z',
    });
    const told = await sentIn(`talk:${request!.id}:seen`);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      targetKey: pupil,
      urgent: true,
      target: { kind: 'conversation', conversationId: `a:${pupil}` },
      content: { card: 'seen', locale: 'cy' },
    });
    expect(await service.pupilView(tenantId, pupil)).toEqual({ offered: true, state: 'seen' });
    expect((await audit.recent(tenantId, 1))[0]).toMatchObject({
      actor: dsl,
      action: 'talk.acknowledged',
      subject: request!.id,
    });
  });

  it('a second acknowledgement (another deputy, or a replayed tap) keeps the first', async () => {
    const request = await asked();
    await service.act(tenantId, request.id, dsl, { kind: 'acknowledge' });
    const before = await snapshot(request.id);
    at('2026-11-24T10:10:00Z');
    const view = await service.act(tenantId, request.id, deputy, { kind: 'acknowledge' });
    expect(view.acknowledgedByName).toBe('Dawn Lee');
    const replay = await service.act(tenantId, request.id, dsl, { kind: 'acknowledge' });
    expect(replay.acknowledgedByName).toBe('Dawn Lee');
    expect(await snapshot(request.id)).toEqual(before);
    expect(await sentIn(`talk:${request.id}:seen`)).toHaveLength(1);
  });

  it('two acknowledgements at once: one stands, audited once, the pupil told once', async () => {
    const request = await asked();
    const views = await Promise.all([
      service.act(tenantId, request.id, dsl, { kind: 'acknowledge' }),
      service.act(tenantId, request.id, deputy, { kind: 'acknowledge' }),
    ]);
    const first = (await stored(request.id))!.acknowledgedBy;
    expect([dsl, deputy]).toContain(first);
    expect(views.map((v) => v.acknowledgedByName)).toEqual([names[first!], names[first!]]);
    expect((await actions()).filter((a) => a === 'talk.acknowledged')).toHaveLength(1);
    expect(await sentIn(`talk:${request.id}:seen`)).toHaveLength(1);
  });

  it('a pupil without a personal chat is not messaged, but their own view says it was seen', async () => {
    const request = await asked(quietPupil);
    await service.act(tenantId, request.id, deputy, { kind: 'acknowledge' });
    expect(await occurrenceIds()).not.toContain(`talk:${request.id}:seen`);
    expect((await service.pupilView(tenantId, quietPupil)).state).toBe('seen');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n '],
    ['too long', 'x'.repeat(1_001)],
    ['too long once trimmed', ` ${'y'.repeat(1_001)} `],
  ])('a note that is %s is refused, and nothing changes', async (_what, text) => {
    const request = await asked();
    const before = await snapshot(request.id);
    let error: unknown;
    await service.act(tenantId, request.id, dsl, { kind: 'note', text }).catch((e: unknown) => {
      error = e;
    });
    expect(isBelongError(error, 'invalidInput')).toBe(true);
    expect((error as { problems: string[] }).problems).toEqual(['noteLength']);
    expect(await snapshot(request.id)).toEqual(before);
  });

  it('a note is kept (trimmed) with who wrote it; it acknowledges a new request; its text is never audited', async () => {
    const request = await asked();
    at('2026-11-24T10:07:00Z');
    const text = 'z'.repeat(999) + '!';
    const view = await service.act(tenantId, request.id, deputy, {
      kind: 'note',
      text: `  ${text}  `,
    });
    expect(view.notes).toEqual([{ byName: 'Dev Patel', at: '2026-11-24T10:07:00.000Z', text }]);
    expect(await stored(request.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: deputy,
      notes: [{ by: deputy, at: '2026-11-24T10:07:00.000Z', text }],
    });
    expect((await actions()).slice(-2)).toEqual(['talk.acknowledged', 'talk.noted']);
    expect(await sentIn(`talk:${request.id}:seen`)).toHaveLength(1);
    expect(JSON.stringify(await audit.recent(tenantId, 100))).not.toContain('zzz');
  });

  it('resolving closes the request; anything more is refused as a conflict and changes nothing', async () => {
    const request = await asked();
    await service.act(tenantId, request.id, dsl, { kind: 'acknowledge' });
    at('2026-11-24T10:30:00Z');
    const view = await service.act(tenantId, request.id, deputy, { kind: 'resolve' });
    expect(view.closedByName).toBe('Dev Patel');
    expect(await stored(request.id)).toMatchObject({
      status: 'resolved',
      acknowledgedBy: dsl,
      closedBy: deputy,
      closedAt: '2026-11-24T10:30:00.000Z',
    });
    const before = await snapshot(request.id);
    const attempts: StaffAction[] = [
      { kind: 'acknowledge' },
      { kind: 'note', text: 'Later note' },
      { kind: 'resolve' },
      { kind: 'refer', to: 'police' },
    ];
    for (const action of attempts) {
      let error: unknown;
      await service.act(tenantId, request.id, dsl, action).catch((e: unknown) => {
        error = e;
      });
      expect([action.kind, isBelongError(error, 'conflict')]).toEqual([action.kind, true]);
      expect((error as { problems: string[] }).problems).toEqual(['closed']);
    }
    expect(await snapshot(request.id)).toEqual(before);
  });

  it('referring on records where to; a request nobody acknowledged is acknowledged too', async () => {
    const request = await asked();
    const view = await service.act(tenantId, request.id, dsl, { kind: 'refer', to: 'camhs' });
    expect(view.request).toMatchObject({
      status: 'referred',
      referredTo: 'camhs',
      acknowledgedBy: dsl,
      closedBy: dsl,
    });
    const last = (await audit.recent(tenantId, 2)).reverse();
    expect(last.map((e) => [e.action, e.details])).toEqual([
      ['talk.acknowledged', undefined],
      ['talk.referred', { to: 'camhs' }],
    ]);
    expect(await sentIn(`talk:${request.id}:seen`)).toHaveLength(1);
    expect(await codeOf(service.act(tenantId, request.id, deputy, { kind: 'resolve' }))).toBe(
      'conflict',
    );
  });

  it('the other recipients’ cards are updated to show who acknowledged', async () => {
    const request = await asked();
    // The deputy's copy has been posted (the DSL's is still waiting).
    const [deputyCopy] = (await deliveries.deliveriesOf(tenantId, `talk:${request.id}:0`)).filter(
      (d) => d.value.targetKey === deputy,
    );
    const claimed = await deliveries.claim(
      tenantId,
      deputyCopy!,
      'test',
      new Date('2026-11-24T10:01:00Z'),
      clock.now(),
    );
    await deliveries.settle(claimed!, { status: 'sent', activityId: 'activity-1' }, clock.now());

    await service.act(tenantId, request.id, dsl, { kind: 'acknowledge' });
    const updates = await sentIn(`talk:${request.id}:0:upd:0acknowledged`);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      targetKey: deputy,
      urgent: true,
      target: { kind: 'update', conversationId: `a:${deputy}`, activityId: 'activity-1' },
      content: { card: 'staff', status: 'acknowledged', acknowledgedBy: 'Dawn Lee' },
    });
  });
});

describe('escalation', () => {
  it('after 15 minutes of nobody acknowledging (not before), to the recipients and the wellbeing lead, without the pupil’s identity for the lead', async () => {
    const request = await asked();
    at('2026-11-24T10:14:59Z');
    await service.tick(tenantId);
    expect(await occurrenceIds()).toEqual([`talk:${request.id}:0`]);

    at('2026-11-24T10:15:00Z');
    await service.tick(tenantId);
    const escalated = await sentIn(`talk:${request.id}:1`);
    expect(targetsOf(escalated)).toEqual([deputy, dsl, lead]);
    for (const d of escalated) expect(d.urgent).toBe(true);
    const toLead = escalated.find((d) => d.targetKey === lead)!;
    expect(toLead.content).toEqual({ card: 'escalated', waitedMinutes: 15, locale: 'en-GB' });
    for (const identifying of [pupil, 'Poppy', 'Smith', 'Class 7B', request.id])
      expect(JSON.stringify(toLead.content)).not.toContain(identifying);
    expect(escalated.find((d) => d.targetKey === dsl)!.content).toMatchObject({
      card: 'staff',
      pupil: 'Poppy Smith',
    });
    expect((await audit.recent(tenantId, 1))[0]).toMatchObject({
      actor: 'belong',
      action: 'talk.escalated',
      subject: request.id,
      details: { level: '1', sent: '3' },
    });
    // Neither the admin nor the teacher is told.
    expect(escalated.map((d) => d.targetKey)).not.toContain(admin);
  });

  it('again every 15 minutes until someone acknowledges, then stops', async () => {
    const request = await asked();
    for (const [time, levels] of [
      ['2026-11-24T10:15:00Z', 2],
      ['2026-11-24T10:16:00Z', 2],
      ['2026-11-24T10:29:59Z', 2],
      ['2026-11-24T10:30:00Z', 3],
      ['2026-11-24T10:45:00Z', 4],
    ] as const) {
      at(time);
      await service.tick(tenantId);
      expect([time, (await stored(request.id))!.alerts.length]).toEqual([time, levels]);
    }
    expect(targetsOf(await sentIn(`talk:${request.id}:3`))).toEqual([deputy, dsl, lead]);
    expect(
      (await sentIn(`talk:${request.id}:3`)).find((d) => d.targetKey === lead)!.content,
    ).toMatchObject({ waitedMinutes: 45 });

    at('2026-11-24T10:50:00Z');
    await service.act(tenantId, request.id, deputy, { kind: 'acknowledge' });
    const before = await snapshot(request.id);
    for (const time of ['2026-11-24T11:00:00Z', '2026-11-24T11:05:00Z', '2026-11-25T09:00:00Z']) {
      at(time);
      await service.tick(tenantId);
    }
    expect(await snapshot(request.id)).toEqual(before);
    expect(await talks.waiting(tenantId)).toEqual([]);
  });

  it('sends a wellbeing lead who is also a deputy the full card, once', async () => {
    await schools.setRoles(tenantId, lead, ['deputy_dsl', 'wellbeing_lead']);
    const request = await asked();
    at('2026-11-24T10:15:00Z');
    await service.tick(tenantId);
    const escalated = await sentIn(`talk:${request.id}:1`);
    expect(targetsOf(escalated)).toEqual([deputy, dsl, lead]);
    expect(escalated.find((d) => d.targetKey === lead)!.content).toMatchObject({ card: 'staff' });
  });

  it('a tick run twice at the same moment escalates once', async () => {
    const request = await asked();
    at('2026-11-24T10:15:00Z');
    await Promise.all([service.tick(tenantId), service.tick(tenantId)]);
    await service.tick(tenantId);
    expect((await stored(request.id))!.alerts.map((a) => a.level)).toEqual([0, 1]);
    expect((await actions()).filter((a) => a === 'talk.escalated')).toHaveLength(1);
  });
});

describe('out of school hours', () => {
  it('the pupil’s view says when adults will see a request, before they ask', async () => {
    at('2026-11-27T16:30:00Z'); // Friday after school
    expect(await service.pupilView(tenantId, pupil)).toEqual({
      offered: true,
      state: 'none',
      closedUntil: { at: new Date('2026-11-30T08:30:00Z'), timeZone: 'Europe/London' },
    });
  });

  /** Asks at `asking`, checks nothing is sent until `opens`, and that it alerts then. */
  async function waitsUntil(asking: string, opens: string, quietTimes: string[]) {
    at(asking);
    const outcome = await ask();
    const closedUntil = { at: new Date(opens), timeZone: 'Europe/London' };
    expect(outcome).toMatchObject({ kind: 'sent', state: 'sent', closedUntil });
    const request = outcome.kind === 'sent' ? outcome.request : undefined;
    expect(request!.alertAt).toBe(new Date(opens).toISOString());
    expect(await service.pupilView(tenantId, pupil)).toEqual({
      offered: true,
      state: 'sent',
      closedUntil,
    });
    for (const time of quietTimes) {
      at(time);
      await service.tick(tenantId);
      expect([time, await occurrenceIds()]).toEqual([time, []]);
    }
    expect(await actions()).toEqual(['talk.requested']);
    at(opens);
    await service.tick(tenantId);
    expect(targetsOf(await sentIn(`talk:${request!.id}:0`))).toEqual([deputy, dsl]);
    expect(await actions()).toEqual(['talk.requested', 'talk.alerted']);
    expect((await service.pupilView(tenantId, pupil)).closedUntil).toBeUndefined();
    return request!;
  }

  it('in the evening: nothing until school starts next morning, then the alert', async () => {
    await waitsUntil('2026-11-24T18:00:00Z', '2026-11-25T08:30:00Z', [
      '2026-11-24T18:01:00Z',
      '2026-11-24T23:59:00Z',
      '2026-11-25T08:29:59Z',
    ]);
  });

  it('before school: nothing until the day starts', async () => {
    await waitsUntil('2026-11-24T07:10:00Z', '2026-11-24T08:30:00Z', ['2026-11-24T08:00:00Z']);
  });

  it('at the weekend: nothing until Monday morning', async () => {
    await waitsUntil('2026-11-28T11:00:00Z', '2026-11-30T08:30:00Z', [
      '2026-11-28T15:00:00Z',
      '2026-11-29T10:00:00Z',
      '2026-11-30T08:00:00Z',
    ]);
  });

  it('before a closure day in the calendar: nothing until the day after it', async () => {
    await schools.setCalendar(tenantId, {
      terms: [],
      closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-25', end: '2026-11-25' }],
    });
    await waitsUntil('2026-11-24T17:00:00Z', '2026-11-26T08:30:00Z', [
      '2026-11-25T08:30:00Z',
      '2026-11-25T12:00:00Z',
    ]);
  });

  it('then escalates 15 minutes into the session', async () => {
    const request = await waitsUntil('2026-11-24T18:00:00Z', '2026-11-25T08:30:00Z', []);
    at('2026-11-25T08:44:00Z');
    await service.tick(tenantId);
    expect((await stored(request.id))!.alerts).toHaveLength(1);
    at('2026-11-25T08:45:00Z');
    await service.tick(tenantId);
    expect(targetsOf(await sentIn(`talk:${request.id}:1`))).toEqual([deputy, dsl, lead]);
  });

  it('the escalation clock pauses outside school hours and goes on next session', async () => {
    at('2026-11-24T15:50:00Z');
    const request = await asked();
    for (const time of [
      '2026-11-24T16:00:00Z',
      '2026-11-24T16:05:00Z',
      '2026-11-24T20:00:00Z',
      '2026-11-25T08:30:00Z',
      '2026-11-25T08:34:59Z',
    ]) {
      at(time);
      await service.tick(tenantId);
      expect([time, (await stored(request.id))!.alerts.length]).toEqual([time, 1]);
    }
    at('2026-11-25T08:35:00Z');
    await service.tick(tenantId);
    expect((await stored(request.id))!.alerts.map((a) => [a.level, a.at])).toEqual([
      [0, '2026-11-24T15:50:00.000Z'],
      [1, '2026-11-25T08:35:00.000Z'],
    ]);
  });

  it('an alert that failed in the pupil’s turn is sent by the worker, and escalates after 15 minutes of school time', async () => {
    at('2026-11-24T15:55:00Z');
    tables.outboxDown = true;
    const request = await asked();
    expect((await stored(request.id))!.alerts).toEqual([]);
    expect(logged.map((l) => l.event)).toContain('error talk.alertFailed');
    tables.outboxDown = false;
    // The worker was down overnight too, and catches up before school.
    at('2026-11-25T07:00:00Z');
    await service.tick(tenantId);
    expect(targetsOf(await sentIn(`talk:${request.id}:0`))).toEqual([deputy, dsl]);
    for (const time of ['2026-11-25T08:30:00Z', '2026-11-25T08:44:59Z']) {
      at(time);
      await service.tick(tenantId);
      expect([time, (await stored(request.id))!.alerts.length]).toEqual([time, 1]);
    }
    at('2026-11-25T08:45:00Z');
    await service.tick(tenantId);
    expect((await stored(request.id))!.alerts.map((a) => [a.level, a.at])).toEqual([
      [0, '2026-11-25T07:00:00.000Z'],
      [1, '2026-11-25T08:45:00.000Z'],
    ]);
  });
});

describe('a recipient who cannot be messaged', () => {
  beforeEach(async () => {
    await schools.setRoles(tenantId, unreached, ['deputy_dsl']);
  });

  it('is reported to the admin, shown to the others, and the rest are still alerted', async () => {
    const request = await asked();
    expect(targetsOf(await sentIn(`talk:${request.id}:0`))).toEqual([deputy, dsl]);
    expect((await stored(request.id))!.alerts[0]).toMatchObject({
      sentTo: [deputy, dsl],
      unreachable: [unreached],
    });
    const report = await sentIn(`talk:${request.id}:unreachable`);
    expect(report.map((d) => [d.targetKey, d.content, d.urgent])).toEqual([
      [admin, { card: 'unreachable', people: ['Dana Unreached'], locale: 'en-GB' }, true],
    ]);
    // The report says who cannot be reached, never who asked.
    expect(JSON.stringify(report[0]!.content)).not.toContain('Poppy');
    expect((await sentIn(`talk:${request.id}:0`))[0]!.content).toMatchObject({
      unreachable: ['Dana Unreached'],
    });
    expect((await service.staffView(tenantId, request.id, dsl)).unreachableNames).toEqual([
      'Dana Unreached',
    ]);
    expect(await actions()).toEqual([
      'talk.requested',
      'talk.unreachable',
      'talk.alerted',
      'talk.viewed',
    ]);
  });

  it('is reported once per request, not at each escalation', async () => {
    const request = await asked();
    at('2026-11-24T10:15:00Z');
    await service.tick(tenantId);
    expect((await stored(request.id))!.alerts[1]!.unreachable).toEqual([unreached]);
    expect((await actions()).filter((a) => a === 'talk.unreachable')).toHaveLength(1);
  });
});

describe('logs', () => {
  it('never name the pupil, their ids or a note, through a whole journey', async () => {
    const request = await asked();
    at('2026-11-24T10:15:00Z');
    await service.tick(tenantId);
    await service.staffView(tenantId, request.id, dsl);
    await service.act(tenantId, request.id, dsl, { kind: 'note', text: 'Talked at break' });
    await service.act(tenantId, request.id, dsl, { kind: 'refer', to: 'early_help' });
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    for (const secret of [pupil, `29:${pupil}`, 'Poppy', 'Talked at break', request.id, dsl])
      expect(text).not.toContain(secret);
  });
});
