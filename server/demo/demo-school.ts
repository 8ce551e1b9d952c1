/**
 * The demo school used by `npm start`, the local fixture directory and the tests. The Agents
 * Playground configuration (.m365agentsplayground.yml) mirrors these people and ids; a test keeps
 * the two in step.
 */
import type { PersonaKind } from '../../core/api.js';
import type { SchoolRole } from '../../core/roles.js';

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

export const demoSchool: DemoSchool = {
  tenantId: '00000000-0000-0000-0000-000000000001',
  schoolName: 'Ysgol Demo School',
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
  ],
};
