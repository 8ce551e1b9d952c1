/**
 * Answers under contention (issue #21 item 4, decision 031), on the run's Azurite: the check-in
 * store's contract suite, then two and three server instances — each its own `CheckinService`,
 * `CheckinStore` and storage client over the same tables — taking one check-in's answers at
 * once. Every answer is stored, none is refused, and the counts equal a recount of the rows.
 */
import { describe, expect, it } from 'vitest';
import type { Access } from '../../core/access.js';
import {
  applyAnswer,
  emptyAggregate,
  type Answer,
  type StoredAnswer,
} from '../../core/checkin/checkin.js';
import { CheckinService, type CheckinView } from '../../core/checkin/checkin-service.js';
import { CheckinStore } from '../../core/checkin/checkin-store.js';
import { checkinTemplate, type ScalePoint } from '../../core/checkin/templates.js';
import type { Directory } from '../../core/ports/directory.js';
import { DeliveryStore } from '../../core/stores/delivery-store.js';
import { SchoolStore } from '../../core/stores/school-store.js';
import { TeamStore } from '../../core/stores/team-store.js';
import { checkinStoreContract } from '../../core/testing/checkin-store-contract.js';
import { HmacPseudonymiser } from '../../server/checkin/hmac-pseudonymiser.js';
import { openTestStore, uniquePrefix } from '../support/tables.js';

checkinStoreContract('Azure Tables on Azurite', () => openTestStore());

const tenantId = '44444444-4444-4444-8444-444444444444';
const teamId = '19:year7@thread.tacv2';
const teacher = 'c0000000-0000-4000-8000-000000000001';
const pupilId = (n: number) => `e0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const pupils = 300;
const now = new Date('2026-11-24T09:00:00Z');
const pseudonyms = new HmacPseudonymiser('contention-test-secret-of-32-chars-at-least');
const directory: Directory = {
  roleInTeam: async (_t, _team, userId) =>
    userId === teacher ? 'teacher' : userId.startsWith('e0000000-') ? 'pupil' : undefined,
  findPeople: async () => [],
};

/** One server instance: its own storage client, stores and caches over the shared tables. */
async function instance(prefix: string) {
  const tables = await openTestStore(prefix);
  const checkins = new CheckinStore(tables);
  const service = new CheckinService({
    schools: new SchoolStore(tables),
    teams: new TeamStore(tables),
    directory,
    deliveries: new DeliveryStore(tables),
    clock: { now: () => now },
    pseudonyms,
    checkins,
    render: {
      posted: (c) => ({ text: `posted ${c.id}` }),
      closed: (c) => ({ text: `closed ${c.id}` }),
    },
    safeguarding: { ready: async () => true },
  });
  return { tables, checkins, service };
}

/** A mood answer as core takes it (bot/checkin-answer.ts reads it from the card). */
const mood = (_checkinId: string, point: number): Answer => ({
  points: { mood: point as ScalePoint },
  skipped: false,
});

describe('several instances taking one check-in', () => {
  for (const count of [2, 3]) {
    it(`${count} instances: ${pupils} pupils, some changing their answer on another instance, all stored, counted once, none refused`, async () => {
      const prefix = uniquePrefix();
      const instances = await Promise.all(Array.from({ length: count }, () => instance(prefix)));
      const first = instances[0]!;
      const team = await new TeamStore(first.tables).recordInstall(
        tenantId,
        {
          teamId,
          name: 'Year 7',
          serviceUrl: 'https://smba.example/',
          channels: [{ id: teamId, name: 'General' }],
        },
        now,
      );
      const access: Access = {
        tenantId,
        userId: teacher,
        schoolRoles: [],
        teams: [{ team, role: 'teacher' }],
        roles: ['teacher'],
      };
      const roster = Array.from({ length: pupils }, (_, n) => ({
        userId: pupilId(n),
        teamsId: `29:${pupilId(n)}`,
        addedAt: now.toISOString(),
      }));
      const checkin = await first.service.post(access, {
        teamId,
        channelId: teamId,
        templateId: 'daily-mood',
        phase: 'secondary',
        locale: 'en-GB',
        roster,
      });

      // Round 1: every pupil answers once, on the instance a load balancer would pick. Round 2,
      // at the same time as the end of round 1: the first 100 change their answer on the next
      // instance (one in ten skips instead), and pupils 100–119 tap on two instances at once.
      const expected = new Map<number, number | 'skip' | number[]>();
      const sends: { n: number; on: number; data: Answer }[] = [];
      for (let n = 0; n < pupils; n++) {
        sends.push({ n, on: n % count, data: mood(checkin.id, (n % 5) + 1) });
        expected.set(n, (n % 5) + 1);
      }
      const changes: typeof sends = [];
      for (let n = 0; n < 100; n++) {
        const change =
          n % 10 === 0 ? { points: {}, skipped: true } : mood(checkin.id, ((n + 2) % 5) + 1);
        changes.push({ n, on: (n + 1) % count, data: change });
        expected.set(n, n % 10 === 0 ? 'skip' : ((n + 2) % 5) + 1);
      }
      for (let n = 100; n < 120; n++) {
        changes.push(
          { n, on: 0, data: mood(checkin.id, 1) },
          { n, on: 1, data: mood(checkin.id, 5) },
        );
        expected.set(n, [1, 5]);
      }
      const answer = (s: (typeof sends)[number]) =>
        instances[s.on]!.service.answer(tenantId, checkin.id, pupilId(s.n), s.data);
      const firstViews = await Promise.all(sends.slice(0, 200).map(answer));
      const laterViews = await Promise.all([...sends.slice(200), ...changes].map(answer));
      const views: CheckinView[] = [...firstViews, ...laterViews];

      expect(views.filter((v) => v.kind !== 'answered')).toEqual([]);
      const firstTime = views.map((v) => v.kind === 'answered' && v.first);
      expect(firstTime.filter(Boolean)).toHaveLength(pupils);
      expect(firstTime.slice(pupils).some(Boolean)).toBe(false);

      const rows = await first.tables.list<StoredAnswer>('checkins', tenantId, `c:${checkin.id}`);
      const answers = new Map(
        rows.filter((r) => r.key.row.startsWith('a:')).map((r) => [r.key.row.slice(2), r.value]),
      );
      expect(answers.size).toBe(pupils);
      for (const [n, want] of expected) {
        const got = answers.get(pseudonyms.pseudonymOf(tenantId, pupilId(n)));
        if (want === 'skip') expect(got?.skipped, `pupil ${n}`).toBe(true);
        else if (Array.isArray(want)) expect(want, `pupil ${n}`).toContain(got?.points.mood);
        else expect(got?.points.mood, `pupil ${n}`).toBe(want);
      }
      const recount = [...answers.values()].reduce(
        (a, stored) => applyAnswer(a, stored, 1),
        emptyAggregate(checkinTemplate('daily-mood')),
      );
      for (const { checkins } of instances) {
        expect(await checkins.aggregate(tenantId, checkin.id)).toEqual(recount);
      }
      expect(recount.respondents + recount.skipped).toBe(pupils);
      expect(recount.skipped).toBe(10);
      // Each instance kept its own counts row; none wrote another's.
      expect(
        rows
          .filter((r) => r.key.row.startsWith('agg:'))
          .map((r) => r.key.row)
          .sort(),
      ).toEqual(instances.map((i) => i.checkins.shardRow).sort());
    });
  }
});
