/**
 * The demo school used by `npm start`, the local fixture directory and the tests. The Agents
 * Playground configuration (.m365agentsplayground.yml) mirrors these people and ids; a test keeps
 * the two in step. Its calendar is not here: the seed builds it around the day it runs
 * (demo-calendar.ts), so the demo school is in term, or about to be, whatever the date.
 */
import type { PersonaKind } from '../../core/api.js';
import type { SchoolRole } from '../../core/roles.js';
import type { Availability, RotaSlot } from '../../core/rota/rota.js';
import {
  demoClasses,
  demoPupilsWithoutClass,
  type DemoClass,
  type DemoMember,
} from './demo-classes.js';

export interface DemoPerson {
  /** Entra object id (aadObjectId in activities, `oid` in tokens). */
  id: string;
  /** Teams user id as the Playground sends it in `from.id`. */
  teamsId: string;
  displayName: string;
  kind: PersonaKind;
  schoolRoles: SchoolRole[];
  /** Role in Class 7B, if a member. */
  classRole?: 'owner' | 'member';
}

export interface DemoSchool {
  tenantId: string;
  schoolName: string;
  team: {
    id: string;
    name: string;
    generalChannelId: string;
    channels: { id: string; name: string }[];
  };
  people: DemoPerson[];
  /**
   * Every class team of the richer demo, Class 7B first, with the pupils and teachers only the
   * directory knows (demo-classes.ts). Seeded with check-in history; the Playground shows 7B.
   */
  classes: DemoClass[];
  /** Pupils in no demo class team (ambassadors of other years): named, but in no team. */
  pupilsWithoutClass: DemoMember[];
  /** The wellbeing-ambassador rota, filled for the term that is on (or next) when seeded. */
  rota: DemoRota;
}

export interface DemoRota {
  slots: RotaSlot[];
  /** Bethan Morgan, and five more ambassadors the directory knows (not in the Playground). */
  ambassadors: { id: string; yearGroup: number; trainedOn: string; availability: Availability[] }[];
  maxPerWeek: number;
}

const person = (
  n: number,
  displayName: string,
  kind: PersonaKind,
  schoolRoles: SchoolRole[],
  classRole?: 'owner' | 'member',
): DemoPerson => {
  const suffix = String(n).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${suffix}`,
    teamsId: `29:demo-user-${n}`,
    displayName,
    kind,
    schoolRoles,
    ...(classRole ? { classRole } : {}),
  };
};

const lunch = (...days: (1 | 2 | 3 | 4 | 5)[]): Availability[] =>
  days.map((weekday) => ({ weekday, periodId: 'Lunch' }));
const morningBreak = (...days: (1 | 2 | 3 | 4 | 5)[]): Availability[] =>
  days.map((weekday) => ({ weekday, periodId: 'Morning break' }));
const ambassadorId = (n: number) =>
  `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;

const demoRota: DemoRota = {
  slots: [
    ...([1, 2, 3, 4, 5] as const).map((weekday) => ({
      id: `lunch-bench-${weekday}`,
      weekday,
      periodId: 'Lunch',
      placeId: 'Buddy bench',
      needed: 2,
      supervisingAdult: 'Mr Gareth Price',
    })),
    ...([2, 4] as const).map((weekday) => ({
      id: `break-library-${weekday}`,
      weekday,
      periodId: 'Morning break',
      placeId: 'Library',
      needed: 1,
      supervisingAdult: 'Mrs Helen Jones',
    })),
  ],
  ambassadors: [
    {
      id: '00000000-0000-4000-8000-000000000003', // Bethan Morgan
      yearGroup: 7,
      trainedOn: '2026-09-15',
      availability: [...lunch(1, 2, 4), ...morningBreak(2)],
    },
    {
      id: ambassadorId(1),
      yearGroup: 8,
      trainedOn: '2025-09-16',
      availability: lunch(1, 2, 3, 4, 5),
    },
    {
      id: ambassadorId(2),
      yearGroup: 9,
      trainedOn: '2025-09-16',
      availability: [...lunch(2, 3, 5), ...morningBreak(2, 4)],
    },
    {
      id: ambassadorId(3),
      yearGroup: 10,
      trainedOn: '2024-09-17',
      availability: lunch(1, 3, 4, 5),
    },
    {
      id: ambassadorId(4),
      yearGroup: 7,
      trainedOn: '2026-09-15',
      availability: [...lunch(1, 2, 3), ...morningBreak(4)],
    },
    { id: ambassadorId(5), yearGroup: 11, trainedOn: '2024-09-17', availability: lunch(3, 4, 5) },
  ],
  maxPerWeek: 2,
};

export const demoSchool: DemoSchool = {
  tenantId: '00000000-0000-0000-0000-000000000001',
  schoolName: 'Ysgol Demo School',
  rota: demoRota,
  classes: demoClasses,
  pupilsWithoutClass: demoPupilsWithoutClass,
  team: {
    id: '19:class-7b-general@thread.tacv2',
    name: 'Class 7B',
    generalChannelId: '19:class-7b-general@thread.tacv2',
    channels: [
      { id: '19:class-7b-general@thread.tacv2', name: 'General' },
      { id: '19:class-7b-wellbeing@thread.tacv2', name: 'Wellbeing' },
    ],
  },
  people: [
    person(1, 'Ms Ada Khan', 'teacher', [], 'owner'),
    person(2, 'Amir Hassan', 'pupil', [], 'member'),
    person(3, 'Bethan Morgan', 'ambassador', ['ambassador'], 'member'),
    person(4, 'Cai Williams', 'pupil', [], 'member'),
    person(5, 'Dara Okafor', 'pupil', [], 'member'),
    person(6, 'Elin Roberts', 'pupil', [], 'member'),
    person(7, 'Femi Adeyemi', 'pupil', [], 'member'),
    person(8, 'Mr Gareth Price', 'coordinator', ['coordinator']),
    person(9, 'Mrs Helen Jones', 'wellbeing_lead', ['wellbeing_lead']),
    person(10, 'Ms Ruth Evans', 'dsl', ['dsl']),
    person(11, 'Mr Ian Reid', 'admin', ['admin']),
    person(12, 'Mr Owen Davies', 'deputy_dsl', ['deputy_dsl']),
  ],
};

/** Everyone the demo directory knows: the personas, then every other pupil and teacher. */
export function demoDirectory(school: DemoSchool): { id: string; displayName: string }[] {
  return [
    ...school.people,
    ...school.classes.flatMap((c) => [...c.teachers, ...c.pupils]),
    ...school.pupilsWithoutClass,
  ];
}

/** A person's role in one of the demo's class teams, as the directory would say it. */
export function demoClassRole(
  school: DemoSchool,
  teamId: string,
  userId: string,
): 'owner' | 'member' | undefined {
  if (teamId === school.team.id) {
    const persona = school.people.find((p) => p.id === userId);
    if (persona) return persona.classRole;
  }
  const team = school.classes.find((c) => c.teamId === teamId);
  if (team?.teachers.some((p) => p.id === userId)) return 'owner';
  if (team?.pupils.some((p) => p.id === userId)) return 'member';
  return undefined;
}
