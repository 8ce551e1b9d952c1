import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Access } from '../access.js';
import { isBelongError } from '../errors.js';
import type { Directory } from '../ports/directory.js';
import type { EntityKey, EntityValue, TableName } from '../ports/table-store.js';
import type { Pseudonymiser } from '../ports/pseudonymiser.js';
import type { TeamRole } from '../roles.js';
import { DeliveryStore } from '../stores/delivery-store.js';
import { SchoolStore } from '../stores/school-store.js';
import { TeamStore } from '../stores/team-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { applyAnswer, checkAnswer, emptyAggregate, type Answer, type Checkin } from './checkin.js';
import { CheckinStore } from './checkin-store.js';
import {
  checkinCloseOccurrenceId,
  checkinOccurrenceId,
  CheckinService,
  type CheckinView,
} from './checkin-service.js';
import { checkinTemplate, type ScalePoint } from './templates.js';

const tenantId = 'tenant-1';
const teamId = '19:7b@thread.tacv2';
const otherTeamId = '19:8c@thread.tacv2';
const pupils = Array.from({ length: 40 }, (_, i) => `pupil-${i}`);
const teacher = 'teacher-1';

/** The in-memory store, noting each single-row read (to see what the answer path reads). */
class CountingTables extends MemoryTableStore {
  reads: string[] = [];
  override get<T extends EntityValue>(table: TableName, key: EntityKey) {
    this.reads.push(`${table} ${key.partition} ${key.row}`);
    return super.get<T>(table, key);
  }
}

let now: Date;
let tables: CountingTables;
let service: CheckinService;
let store: CheckinStore;
let deliveries: DeliveryStore;
let posted: { checkin: Checkin; refresh: string[] }[];
/** Whether the school can take talk requests (two safeguarding adults Belong can message). */
let safeguardingReady: boolean;

const directory: Directory = {
  async roleInTeam(_t, team, userId): Promise<TeamRole | undefined> {
    if (team.teamId === teamId) {
      if (userId === teacher) return 'teacher';
      if (pupils.includes(userId)) return 'pupil';
    }
    if (team.teamId === otherTeamId && userId === 'pupil-other') return 'pupil';
    return undefined;
  },
  findPeople: async () => [],
};
const pseudonyms: Pseudonymiser = {
  pseudonymOf: (t, u) => createHash('sha256').update(`secret|${t}|${u}`).digest('base64url'),
};
const teacherAccess: Access = {
  tenantId,
  userId: teacher,
  schoolRoles: [],
  teams: [],
  roles: ['teacher'],
};

function makeService(over: { tables?: MemoryTableStore; directory?: Directory } = {}) {
  const t = over.tables ?? tables;
  const checkins = new CheckinStore(t);
  const svc = new CheckinService({
    schools: new SchoolStore(t),
    teams: new TeamStore(t),
    directory: over.directory ?? directory,
    deliveries: new DeliveryStore(t),
    clock: { now: () => now },
    pseudonyms,
    checkins,
    render: {
      posted: (checkin, refresh) => {
        posted.push({ checkin, refresh });
        return { text: `posted ${checkin.id}` };
      },
      closed: (checkin) => ({ text: `closed ${checkin.id}` }),
    },
    safeguarding: { ready: async (t) => t === tenantId && safeguardingReady },
  });
  return { svc, checkins };
}

beforeEach(async () => {
  now = new Date('2026-11-24T09:00:00Z');
  tables = new CountingTables();
  posted = [];
  safeguardingReady = true;
  ({ svc: service, checkins: store } = makeService());
  deliveries = new DeliveryStore(tables);
  const teams = new TeamStore(tables);
  for (const id of [teamId, otherTeamId]) {
    await teams.recordInstall(
      tenantId,
      {
        teamId: id,
        name: id === teamId ? 'Class 7B' : 'Class 8C',
        serviceUrl: 'https://smba.example/',
        channels: [{ id, name: 'General' }],
      },
      now,
    );
  }
  for (const [i, userId] of [teacher, ...pupils].entries()) {
    await teams.addMember(tenantId, teamId, {
      userId,
      teamsId: `29:${i}`,
      addedAt: now.toISOString(),
    });
  }
  teacherAccess.teams = [{ team: (await teams.get(tenantId, teamId))!, role: 'teacher' }];
});

const post = (templateId: Checkin['templateId'] = 'daily-mood') =>
  service.post(teacherAccess, {
    teamId,
    channelId: teamId,
    templateId,
    phase: 'primary',
    locale: 'en-GB',
  });
/** A mood answer as core takes it (bot/checkin-answer.ts reads it from the card). */
const mood = (_checkinId: string, point: number): Answer => ({
  points: { mood: point as ScalePoint },
  skipped: false,
});

describe('posting a check-in', () => {
  it('counts the class from the directory’s class list when it has one: pupils in the team before Belong came count too', async () => {
    // Belong recorded 40 pupils as Teams announced them; the directory lists 12 more.
    const listed = [...pupils, ...Array.from({ length: 12 }, (_, i) => `pupil-early-${i}`)];
    const withList: Directory = { ...directory, pupilsOf: async () => listed };
    const { svc } = makeService({ directory: withList });
    const checkin = await svc.post(teacherAccess, {
      teamId,
      channelId: teamId,
      templateId: 'daily-mood',
      phase: 'primary',
      locale: 'en-GB',
    });
    expect(checkin.classSize).toBe(52);
    // The card still refreshes only for pupils Belong can address (their Teams ids).
    expect(posted.at(-1)!.refresh).toHaveLength(40);
    // A directory that cannot say (no consent, team gone) leaves the recorded count.
    const { svc: blind } = makeService({
      directory: { ...directory, pupilsOf: async () => undefined },
    });
    now = new Date('2026-11-25T09:00:00Z');
    const next = await blind.post(teacherAccess, {
      teamId,
      channelId: teamId,
      templateId: 'daily-mood',
      phase: 'primary',
      locale: 'en-GB',
    });
    expect(next.classSize).toBe(40);
  });

  it('puts one card in the outbox for the class channel, refreshing for the pupils only', async () => {
    const checkin = await post();
    expect(checkin).toMatchObject({ teamId, classSize: 40, date: '2026-11-24' });
    expect(checkin.closesAt).toBe('2026-11-24T17:00:00.000Z');
    const [delivery] = await deliveries.deliveriesOf(tenantId, checkinOccurrenceId(checkin.id));
    expect(delivery?.value.target).toMatchObject({ kind: 'channel', channelId: teamId });
    expect(delivery?.value.content).toEqual({ text: `posted ${checkin.id}` });
    // The teacher (29:0) is not among those refreshed; at most 60 are.
    expect(posted[0]!.refresh).toHaveLength(40);
    expect(posted[0]!.refresh).not.toContain('29:0');
  });

  it('closes tomorrow when posted after today’s closing time, and a termly one after a week', async () => {
    now = new Date('2026-11-24T18:30:00Z');
    expect((await post()).closesAt).toBe('2026-11-25T17:00:00.000Z');
    now = new Date('2026-11-24T09:00:00Z');
    expect((await post('termly-belonging')).closesAt).toBe('2026-11-30T17:00:00.000Z');
  });

  it('refuses a teacher of another class and an unknown channel, and posts nothing', async () => {
    const other: Access = { ...teacherAccess, teams: [], roles: [] };
    const refused = await service
      .post(other, {
        teamId,
        channelId: teamId,
        templateId: 'daily-mood',
        phase: 'primary',
        locale: 'en-GB',
      })
      .catch((e: unknown) => e);
    expect(isBelongError(refused, 'forbidden')).toBe(true);
    const badChannel = await service
      .post(teacherAccess, {
        teamId,
        channelId: '19:nope',
        templateId: 'daily-mood',
        phase: 'primary',
        locale: 'en-GB',
      })
      .catch((e: unknown) => e);
    expect(isBelongError(badChannel, 'invalidInput')).toBe(true);
    expect(await store.listOpen(tenantId)).toEqual([]);
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });
});

describe('before the school can take talk requests', () => {
  const input = {
    channelId: teamId,
    templateId: 'daily-mood',
    phase: 'primary',
    locale: 'en-GB',
  } as const;
  /** A refusal as the edges see it: a conflict, with the problem code they put in words. */
  const refusal = (e: unknown) => (isBelongError(e, 'conflict') ? e.problems : e);

  it('refuses to post a check-in, and stores and queues nothing', async () => {
    safeguardingReady = false;
    expect(await service.ready(tenantId)).toBe(false);
    const refused = await post().catch((e: unknown) => e);
    expect(refusal(refused)).toEqual(['safeguardingNotReady']);
    expect(posted).toEqual([]);
    expect(await store.listOpen(tenantId)).toEqual([]);
    expect(await store.listForClass(tenantId, teamId)).toEqual([]);
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });

  it('refuses a scheduled check-in too, and stores and queues nothing', async () => {
    safeguardingReady = false;
    const team = (await new TeamStore(tables).get(tenantId, teamId))!;
    const refused = await service
      .postScheduled(tenantId, team, input, 'sched-1@2026-11-24')
      .catch((e: unknown) => e);
    expect(refusal(refused)).toEqual(['safeguardingNotReady']);
    expect(await store.get(tenantId, 's-sched-1@2026-11-24')).toBeUndefined();
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([]);
  });

  it('still says who may not post first: another class’s teacher is refused as before', async () => {
    safeguardingReady = false;
    const other: Access = { ...teacherAccess, teams: [], roles: [] };
    const refused = await service.post(other, { ...input, teamId }).catch((e: unknown) => e);
    expect(isBelongError(refused, 'forbidden')).toBe(true);
  });

  it('posts once the school is ready', async () => {
    safeguardingReady = false;
    await post().catch(() => undefined);
    safeguardingReady = true;
    expect(await service.ready(tenantId)).toBe(true);
    const checkin = await post();
    expect(await store.listOpen(tenantId)).toEqual([
      expect.objectContaining({ checkinId: checkin.id }),
    ]);
    expect(await deliveries.activeOccurrenceIds(tenantId)).toEqual([
      checkinOccurrenceId(checkin.id),
    ]);
  });
});

describe('a scheduled check-in', () => {
  it('is created and posted once however many scheduler instances post it', async () => {
    const team = (await new TeamStore(tables).get(tenantId, teamId))!;
    const input = {
      channelId: teamId,
      templateId: 'daily-mood',
      phase: 'secondary',
      locale: 'cy',
    } as const;
    const { svc: second } = makeService();
    const [a, b] = await Promise.all([
      service.postScheduled(tenantId, team, input, 'sched-1@2026-11-24'),
      second.postScheduled(tenantId, team, input, 'sched-1@2026-11-24'),
    ]);
    expect(a.id).toBe('s-sched-1@2026-11-24');
    expect(b.id).toBe(a.id);
    expect(await store.listOpen(tenantId)).toHaveLength(1);
    expect(await deliveries.deliveriesOf(tenantId, checkinOccurrenceId(a.id))).toHaveLength(1);
    expect(a).toMatchObject({ locale: 'cy', phase: 'secondary', classSize: 40 });
  });
});

describe('answering', () => {
  it('shows each pupil their own answer; a new answer replaces the old and counts once', async () => {
    const checkin = await post();
    const first = await service.answer(tenantId, checkin.id, 'pupil-1', mood(checkin.id, 4));
    expect(first).toMatchObject({ kind: 'answered', first: true, answer: { points: { mood: 4 } } });
    const again = await service.answer(tenantId, checkin.id, 'pupil-1', mood(checkin.id, 2));
    expect(again).toMatchObject({
      kind: 'answered',
      first: false,
      answer: { points: { mood: 2 } },
    });
    await service.answer(tenantId, checkin.id, 'pupil-2', { points: {}, skipped: true });
    expect(await store.aggregate(tenantId, checkin.id)).toEqual({
      respondents: 1,
      skipped: 1,
      counts: { mood: [0, 1, 0, 0, 0] },
    });
    expect(await service.view(tenantId, checkin.id, 'pupil-1')).toMatchObject({
      kind: 'answered',
      answer: { points: { mood: 2 } },
    });
    expect((await service.view(tenantId, checkin.id, 'pupil-3')).kind).toBe('form');
    expect(await service.change(tenantId, checkin.id, 'pupil-1')).toMatchObject({
      kind: 'form',
      answer: { points: { mood: 2 } },
    });
  });

  it('stores answers against a pseudonym only: no user id anywhere in the check-in', async () => {
    const checkin = await post();
    await service.answer(tenantId, checkin.id, 'pupil-7', mood(checkin.id, 5));
    const rows = await tables.list('checkins', tenantId, `c:${checkin.id}`);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('pupil-7');
    expect(rows.map((r) => r.key.row)).toContain(
      `a:${pseudonyms.pseudonymOf(tenantId, 'pupil-7')}`,
    );
  });

  it('gives a teacher, a pupil of another class and an unknown person the "for pupils" view, and stores nothing', async () => {
    const checkin = await post();
    for (const who of [teacher, 'pupil-other', 'stranger', undefined]) {
      expect((await service.answer(tenantId, checkin.id, who, mood(checkin.id, 3))).kind).toBe(
        'notPupil',
      );
      expect((await service.view(tenantId, checkin.id, who)).kind).toBe('notPupil');
    }
    expect((await store.aggregate(tenantId, checkin.id))?.respondents).toBe(0);
  });

  it('refuses malformed answers before storing anything', async () => {
    const checkin = await post('belonging-pulse');
    // The card's shape (points 1-5, skip, no other fields) is checked at the edge
    // (bot/checkin-answer.test.ts); what only core knows is checked here.
    const bad: Answer[] = [
      { points: { mood: 3 }, skipped: false }, // not a question of this template
      { points: { safe: 3 }, skipped: true },
    ];
    for (const data of bad) {
      const error = await service
        .answer(tenantId, checkin.id, 'pupil-1', data)
        .catch((e: unknown) => e);
      expect(isBelongError(error, 'invalidInput'), JSON.stringify(data)).toBe(true);
    }
    expect(
      await service.answer(tenantId, checkin.id, 'pupil-1', { points: {}, skipped: false }),
    ).toMatchObject({
      kind: 'form',
      problem: 'noAnswer',
    });
    expect(await store.aggregate(tenantId, checkin.id)).toEqual(
      emptyAggregate(checkinTemplate('belonging-pulse')),
    );
  });

  it('keeps unanswered questions out of a partly answered pulse', async () => {
    const checkin = await post('belonging-pulse');
    await service.answer(tenantId, checkin.id, 'pupil-1', { points: { safe: 5 }, skipped: false });
    expect(await store.aggregate(tenantId, checkin.id)).toMatchObject({
      respondents: 1,
      counts: { safe: [0, 0, 0, 0, 1], connected: [0, 0, 0, 0, 0] },
    });
  });

  it('refuses answers to a closed or unknown check-in and changes nothing', async () => {
    const checkin = await post();
    await service.answer(tenantId, checkin.id, 'pupil-1', mood(checkin.id, 4));
    now = new Date('2026-11-24T17:00:00Z');
    expect((await service.answer(tenantId, checkin.id, 'pupil-1', mood(checkin.id, 1))).kind).toBe(
      'closed',
    );
    expect(
      (await service.answer(tenantId, 'no-such-id', 'pupil-1', mood('no-such-id', 1))).kind,
    ).toBe('unknown');
    expect((await store.aggregate(tenantId, checkin.id))?.counts.mood).toEqual([0, 0, 0, 1, 0]);
  });

  it('counts 40 pupils answering at once, and one pupil answering five times at once, once each', async () => {
    const checkin = await post();
    const views: Promise<CheckinView>[] = pupils.map((p, i) =>
      service.answer(tenantId, checkin.id, p, mood(checkin.id, (i % 5) + 1)),
    );
    for (let i = 1; i <= 5; i++)
      views.push(service.answer(tenantId, checkin.id, 'pupil-0', mood(checkin.id, i)));
    const done = await Promise.all(views);
    expect(done.every((v) => v.kind === 'answered')).toBe(true);
    const aggregate = await store.aggregate(tenantId, checkin.id);
    expect(aggregate?.respondents).toBe(40);
    expect(aggregate?.counts.mood!.reduce((a, b) => a + b, 0)).toBe(40);
    // pupil-0's last answer (5) wins.
    expect(await service.view(tenantId, checkin.id, 'pupil-0')).toMatchObject({
      answer: { points: { mood: 5 } },
    });
  });

  it('keeps the aggregate equal to the answers when two server instances answer the same check-in', async () => {
    const checkin = await post();
    const { svc: second } = makeService();
    await Promise.all(
      pupils.flatMap((p, i) => [
        service.answer(tenantId, checkin.id, p, mood(checkin.id, (i % 5) + 1)),
        second.answer(tenantId, checkin.id, p, mood(checkin.id, ((i + 2) % 5) + 1)),
      ]),
    );
    const rows = await tables.list<{ points: { mood: 1 | 2 | 3 | 4 | 5 }; skipped: boolean }>(
      'checkins',
      tenantId,
      `c:${checkin.id}`,
    );
    const recount = rows
      .filter((r) => r.key.row.startsWith('a:'))
      .reduce(
        (agg, r) => applyAnswer(agg, r.value, 1),
        emptyAggregate(checkinTemplate('daily-mood')),
      );
    expect(recount.respondents).toBe(40);
    expect(await store.aggregate(tenantId, checkin.id)).toEqual(recount);
  });

  it('reads the class team and the check-in once for a class answering at once, the team again after a minute', async () => {
    const checkin = await post();
    // Another instance, which has read nothing yet.
    const { svc: fresh } = makeService();
    tables.reads = [];
    const views = await Promise.all(
      pupils.map((p, i) => fresh.answer(tenantId, checkin.id, p, mood(checkin.id, (i % 5) + 1))),
    );
    expect(views.every((v) => v.kind === 'answered')).toBe(true);
    expect(tables.reads.filter((r) => r.startsWith('teams '))).toHaveLength(1);
    expect(tables.reads.filter((r) => r.endsWith(' meta'))).toHaveLength(1);

    tables.reads = [];
    now = new Date(now.getTime() + 61_000);
    expect((await fresh.answer(tenantId, checkin.id, 'pupil-0', mood(checkin.id, 2))).kind).toBe(
      'answered',
    );
    expect(tables.reads.filter((r) => r.startsWith('teams '))).toHaveLength(1);
    expect(tables.reads.filter((r) => r.endsWith(' meta'))).toHaveLength(0);
  });

  it('does not remember a check-in or a class team it could not find', async () => {
    const { svc: fresh, checkins: freshStore } = makeService();
    const later = { ...(await post()), id: 'later', teamId: otherTeamId, channelId: otherTeamId };
    const teamKey = { tenantId, partition: 'teams', row: otherTeamId };
    const team = (await tables.get<Record<string, unknown>>('teams', teamKey))!.value;
    await tables.delete('teams', teamKey);
    const answer = () => fresh.answer(tenantId, 'later', 'pupil-other', mood('later', 3));
    expect((await answer()).kind).toBe('unknown');
    await freshStore.create(tenantId, later);
    expect((await answer()).kind).toBe('notPupil');
    await tables.upsert('teams', teamKey, team);
    expect((await answer()).kind).toBe('answered');
  });
});

describe('closing and retention', () => {
  it('updates the posted card to "closed" once it was sent, and keeps the final counts for trends', async () => {
    const checkin = await post();
    await service.answer(tenantId, checkin.id, 'pupil-1', mood(checkin.id, 3));
    now = new Date('2026-11-24T17:05:00Z');
    // Not sent yet: it waits.
    expect(await service.closeDue(tenantId)).toBe(0);
    const [delivery] = await deliveries.deliveriesOf(tenantId, checkinOccurrenceId(checkin.id));
    await tables.replace(
      'deliveries',
      delivery!.key,
      {
        ...delivery!.value,
        status: 'sent',
        conversationId: `${teamId};messageid=9`,
        activityId: '9',
      },
      delivery!.etag,
    );
    expect(await service.closeDue(tenantId)).toBe(1);
    const [update] = await deliveries.deliveriesOf(tenantId, checkinCloseOccurrenceId(checkin.id));
    expect(update?.value.target).toMatchObject({ kind: 'update', activityId: '9' });
    expect(update?.value.content).toEqual({ text: `closed ${checkin.id}` });
    expect(await store.listOpen(tenantId)).toEqual([]);
    const [entry] = await store.listForClass(tenantId, teamId);
    expect(entry?.final).toMatchObject({ respondents: 1, counts: { mood: [0, 0, 1, 0, 0] } });
    expect(await service.closeDue(tenantId)).toBe(0);
  });

  it('purges raw answers after the retention period and keeps the aggregate', async () => {
    const checkin = await post();
    await service.answer(tenantId, checkin.id, 'pupil-1', mood(checkin.id, 3));
    await service.answer(tenantId, checkin.id, 'pupil-2', mood(checkin.id, 4));
    now = new Date('2026-11-24T18:00:00Z');
    await tables.upsert(
      'deliveries',
      (await deliveries.deliveriesOf(tenantId, checkinOccurrenceId(checkin.id)))[0]!.key,
      {
        ...(await deliveries.deliveriesOf(tenantId, checkinOccurrenceId(checkin.id)))[0]!.value,
        status: 'failed',
      },
    );
    await service.closeDue(tenantId);
    now = new Date('2026-12-01T18:00:00Z');
    expect(await service.purge(tenantId, 7)).toBe(0); // 7 days: the 24th is not older yet
    now = new Date('2026-12-02T09:00:00Z');
    expect(await service.purge(tenantId, 7)).toBe(2);
    expect(
      await store.answerOf(tenantId, checkin.id, pseudonyms.pseudonymOf(tenantId, 'pupil-1')),
    ).toBeUndefined();
    expect((await store.aggregate(tenantId, checkin.id))?.respondents).toBe(2);
    const error = await service.purge(tenantId, 6).catch((e: unknown) => e);
    expect(isBelongError(error, 'invalidInput')).toBe(true);
  });
});

describe('checkAnswer', () => {
  it('takes points and skips, and names an empty answer as noAnswer', () => {
    expect(checkAnswer('daily-mood', { points: { mood: 1 }, skipped: false })).toEqual({
      points: { mood: 1 },
      skipped: false,
    });
    expect(checkAnswer('daily-mood', { points: {}, skipped: true })).toEqual({
      points: {},
      skipped: true,
    });
    const empty = (() => {
      try {
        checkAnswer('daily-mood', { points: {}, skipped: false });
      } catch (e) {
        return e;
      }
    })();
    expect(isBelongError(empty, 'invalidInput') && empty.problems).toEqual(['noAnswer']);
  });
});
