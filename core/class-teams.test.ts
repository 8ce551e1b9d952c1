import { beforeEach, describe, expect, it } from 'vitest';
import type { Access } from './access.js';
import { ClassTeams } from './class-teams.js';
import { isBelongError } from './errors.js';
import type { SchoolRole, TeamRole } from './roles.js';
import type { ClassTeam } from './school.js';
import { DeliveryStore } from './stores/delivery-store.js';
import { TeamStore } from './stores/team-store.js';
import { MemoryTableStore } from './testing/memory-table-store.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const installedAt = new Date('2026-09-01T08:00:00Z');
const t0 = new Date('2026-11-24T08:50:00Z');

let teams: TeamStore;
let deliveries: DeliveryStore;
let classTeams: ClassTeams;
let sevenB: ClassTeam;
let eightN: ClassTeam;

const person = (
  userId: string,
  schoolRoles: SchoolRole[],
  inTeams: [ClassTeam, TeamRole][] = [],
): Access => ({
  tenantId,
  userId,
  schoolRoles,
  teams: inTeams.map(([team, role]) => ({ team, role })),
  roles: [...schoolRoles, ...inTeams.map(([, role]) => role)],
});

/** The error a call is refused with, by kind. */
const refusal = async (call: Promise<unknown>) => {
  const e: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (isBelongError(e, 'notFound')) return 'notFound';
  if (isBelongError(e, 'forbidden')) return 'forbidden';
  return e === undefined ? 'allowed' : e;
};

beforeEach(async () => {
  const tables = new MemoryTableStore();
  teams = new TeamStore(tables);
  deliveries = new DeliveryStore(tables);
  classTeams = new ClassTeams({ teams, deliveries });
  const install = (teamId: string, name: string) =>
    teams.recordInstall(
      tenantId,
      { teamId, name, serviceUrl: 'https://smba.example/', channels: [] },
      installedAt,
    );
  sevenB = await install('19:7b@thread.tacv2', 'Class 7B');
  eightN = await install('19:8n@thread.tacv2', 'Class 8N');
  await install('19:gone@thread.tacv2', 'Old class');
  await teams.recordUninstall(tenantId, '19:gone@thread.tacv2', installedAt);
});

describe('ClassTeams', () => {
  it('lists a teacher’s own classes, and every installed class to whole-school staff', async () => {
    const teacher = person('teacher', [], [[sevenB, 'teacher']]);
    expect((await classTeams.visible(teacher)).map((t) => t.name)).toEqual(['Class 7B']);
    const lead = person('lead', ['wellbeing_lead']);
    expect((await classTeams.visible(lead)).map((t) => t.name).sort()).toEqual([
      'Class 7B',
      'Class 8N',
    ]);
  });

  it('gives one class to its members; someone else’s is 403, an unknown or removed one 404', async () => {
    const pupil = person('pupil', [], [[sevenB, 'pupil']]);
    expect((await classTeams.one(pupil, sevenB.teamId)).name).toBe('Class 7B');
    expect(await refusal(classTeams.one(pupil, eightN.teamId))).toBe('forbidden');
    expect(await refusal(classTeams.one(pupil, '19:nope@thread.tacv2'))).toBe('notFound');
    expect(await refusal(classTeams.one(pupil, '19:gone@thread.tacv2'))).toBe('notFound');
  });

  it('shows a post’s progress to the class’s teachers, the lead and the admin only', async () => {
    await deliveries.enqueue(
      tenantId,
      { id: 'occ-7b', label: 'Prompt', teamId: sevenB.teamId },
      [
        {
          targetKey: 'general',
          target: {
            kind: 'channel',
            teamId: sevenB.teamId,
            channelId: sevenB.teamId,
            serviceUrl: 'https://smba.example/',
          },
          content: { text: 'Good morning' },
        },
      ],
      t0,
    );
    const progress = (who: Access) => refusal(classTeams.postProgress(who, 'occ-7b'));
    expect(await progress(person('t7', [], [[sevenB, 'teacher']]))).toBe('allowed');
    expect(await progress(person('lead', ['wellbeing_lead']))).toBe('allowed');
    expect(await progress(person('admin', ['admin']))).toBe('allowed');
    expect(await progress(person('t8', [], [[eightN, 'teacher']]))).toBe('forbidden');
    expect(await progress(person('pupil', [], [[sevenB, 'pupil']]))).toBe('forbidden');
    expect(await progress(person('dsl', ['dsl']))).toBe('forbidden');
    const lead = person('lead', ['wellbeing_lead']);
    expect(await refusal(classTeams.postProgress(lead, 'occ-none'))).toBe('notFound');
    expect((await classTeams.postProgress(lead, 'occ-7b')).teamId).toBe(sevenB.teamId);
  });

  it('finds a pupil’s Teams id in their chat with Belong, else in a class roster, else none', async () => {
    const pupil = person('pupil-1', [], [[sevenB, 'pupil']]);
    expect(await classTeams.pupilTeamsId(pupil)).toBeUndefined();
    await teams.addMember(tenantId, sevenB.teamId, {
      userId: 'pupil-1',
      teamsId: '29:from-roster',
      addedAt: installedAt.toISOString(),
    });
    expect(await classTeams.pupilTeamsId(pupil)).toBe('29:from-roster');
    await teams.recordPersonalConversation(tenantId, {
      userId: 'pupil-1',
      teamsId: '29:from-chat',
      conversationId: 'a:chat',
      serviceUrl: 'https://smba.example/',
      installedAt: installedAt.toISOString(),
    });
    expect(await classTeams.pupilTeamsId(pupil)).toBe('29:from-chat');
  });
});
