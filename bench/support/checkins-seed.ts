/**
 * The bench school seeded straight into the tables the real servers will use: a school that can
 * take talk requests, and class teams with a daily-mood check-in posted in each. Shared by both
 * runs of `npm run bench:checkins`.
 */
import { checkinRenderer } from '../../bot/checkin-actions.js';
import type { Access } from '../../core/access.js';
import { CheckinService } from '../../core/checkin/checkin-service.js';
import { CheckinStore } from '../../core/checkin/checkin-store.js';
import type { TableStore } from '../../core/ports/table-store.js';
import { DeliveryStore } from '../../core/stores/delivery-store.js';
import { SchoolStore } from '../../core/stores/school-store.js';
import { TeamStore } from '../../core/stores/team-store.js';
import { HmacPseudonymiser } from '../../server/checkin/hmac-pseudonymiser.js';
import {
  benchDirectory,
  benchTenantId,
  classChannelId,
  classSizeOf,
  classTeamId,
  pupilId,
  teacherId,
} from './bench-school.js';

/** Seeds a school that can take talk requests; returns a way to post a check-in into class k. */
export async function seedSchool(store: TableStore, secret: string, postedAt: Date) {
  const teams = new TeamStore(store);
  const schools = new SchoolStore(store);
  // A school that can take talk requests, as every school with check-ins is (issue 17): a DSL and
  // a deputy with chats with Belong. Each pupil's card reads this readiness (is talk offered?).
  for (const [userId, role] of [
    ['bench-dsl', 'dsl'],
    ['bench-deputy', 'deputy_dsl'],
  ] as const) {
    await schools.setRoles(benchTenantId, userId, [role]);
    await teams.recordPersonalConversation(benchTenantId, {
      userId,
      teamsId: `29:${userId}`,
      conversationId: `a:personal-${userId}`,
      serviceUrl: 'http://127.0.0.1:9/',
      installedAt: postedAt.toISOString(),
    });
  }
  const service = new CheckinService({
    schools,
    teams,
    directory: benchDirectory,
    deliveries: new DeliveryStore(store),
    clock: { now: () => postedAt },
    pseudonyms: new HmacPseudonymiser(secret),
    checkins: new CheckinStore(store),
    render: checkinRenderer,
    // Made ready just above; the bench measures answers, not this check.
    safeguarding: { ready: async () => true },
  });

  /** Installs class team k and posts a daily-mood check-in to all its pupils; returns its id. */
  return async function postCheckin(k: number): Promise<string> {
    const team = await teams.recordInstall(
      benchTenantId,
      {
        teamId: classTeamId(k),
        name: `Class ${k}`,
        serviceUrl: 'http://127.0.0.1:9/',
        channels: [{ id: classChannelId(k), name: 'General' }],
      },
      postedAt,
    );
    const teacher: Access = {
      tenantId: benchTenantId,
      userId: teacherId(k),
      schoolRoles: [],
      teams: [{ team, role: 'teacher' }],
      roles: ['teacher'],
    };
    const roster = Array.from({ length: classSizeOf(k) }, (_, i) => ({
      userId: pupilId(k, i),
      teamsId: `29:${pupilId(k, i)}`,
      addedAt: postedAt.toISOString(),
    }));
    const checkin = await service.post(teacher, {
      teamId: team.teamId,
      channelId: classChannelId(k),
      templateId: 'daily-mood',
      phase: 'secondary',
      locale: 'en-GB',
      roster,
    });
    return checkin.id;
  };
}
