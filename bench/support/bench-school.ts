/**
 * The benchmark's school: many class teams of 30 pupils (and year groups of 1,000), named so that a directory can answer
 * from the id alone (the Microsoft Graph look-up it stands in for is outside what is measured).
 * Shared by the bench server process and the bench itself, which seeds and loads it.
 */
import type { Directory } from '../../core/ports/directory.js';

export const benchTenantId = '00000000-0000-4000-8000-0000000b3c4e';
export const classSize = 30;
/**
 * Classes from this number on are a whole year group in one team (an assembly check-in, a
 * termly questionnaire to everyone), for the several-instance run (issue 21).
 */
export const bigClassFrom = 0x800000;
export const bigClassSize = 1_000;
export const classSizeOf = (k: number) => (k >= bigClassFrom ? bigClassSize : classSize);

export const classTeamId = (k: number) => `19:bench-class-${k}@thread.tacv2`;
export const classChannelId = classTeamId;
// People's ids are Entra object ids (GUIDs), as Teams sends them: the bot refuses others
// (decision 023). Class k and pupil i are written in hex in the last group.
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
export const teacherId = (k: number) => `c0000000-0000-4000-8000-${hex(k, 12)}`;
export const pupilId = (k: number, i: number) => `b0000000-0000-4000-8000-${hex(k, 6)}${hex(i, 6)}`;

const pupilPattern = /^b0000000-0000-4000-8000-([0-9a-f]{6})([0-9a-f]{6})$/;
const teacherPattern = /^c0000000-0000-4000-8000-([0-9a-f]{12})$/;
const teamPattern = /^19:bench-class-(\d+)@thread\.tacv2$/;

/** Pupil `pupilId(k, i)` (i < class k's size) belongs to class k; `teacherId(k)` owns it. */
export const benchDirectory: Directory = {
  async roleInTeam(tenantId, team, userId) {
    const k = teamPattern.exec(team.teamId)?.[1];
    if (tenantId !== benchTenantId || k === undefined) return undefined;
    const pupil = pupilPattern.exec(userId);
    if (
      pupil &&
      parseInt(pupil[1]!, 16) === Number(k) &&
      parseInt(pupil[2]!, 16) < classSizeOf(Number(k))
    )
      return 'pupil';
    const teacher = teacherPattern.exec(userId);
    if (teacher && parseInt(teacher[1]!, 16) === Number(k)) return 'teacher';
    return undefined;
  },
  findPeople: async () => [],
};
