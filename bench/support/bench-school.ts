/**
 * The benchmark's school: many class teams of 30 pupils, named so that a directory can answer
 * from the id alone (the Microsoft Graph look-up it stands in for is outside what is measured).
 * Shared by the bench server process and the bench itself, which seeds and loads it.
 */
import type { Directory } from '../../core/ports/directory.js';

export const benchTenantId = '00000000-0000-4000-8000-0000000b3c4e';
export const classSize = 30;

export const classTeamId = (k: number) => `19:bench-class-${k}@thread.tacv2`;
export const classChannelId = classTeamId;
export const teacherId = (k: number) => `bench-teacher-${k}`;
export const pupilId = (k: number, i: number) => `bench-pupil-${k}-${i}`;

const pupilPattern = /^bench-pupil-(\d+)-(\d+)$/;
const teacherPattern = /^bench-teacher-(\d+)$/;
const teamPattern = /^19:bench-class-(\d+)@thread\.tacv2$/;

/** Pupil `bench-pupil-k-i` (i < 30) belongs to class k; `bench-teacher-k` owns it. */
export const benchDirectory: Directory = {
  async roleInTeam(tenantId, team, userId) {
    const k = teamPattern.exec(team.teamId)?.[1];
    if (tenantId !== benchTenantId || k === undefined) return undefined;
    const pupil = pupilPattern.exec(userId);
    if (pupil && pupil[1] === k && Number(pupil[2]) < classSize) return 'pupil';
    if (teacherPattern.exec(userId)?.[1] === k) return 'teacher';
    return undefined;
  },
  findPeople: async () => [],
};
