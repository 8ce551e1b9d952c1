/**
 * The rest of the demo school: pupils and teachers the local directory knows but the Agents
 * Playground cannot show (it has a handful of users). Class 7B gets 22 more pupils beside its six
 * Playground personas; four more class teams fill two more year groups, one of them a small
 * nurture group (7 pupils, below k), so that trends show and suppression is visible. The wellbeing
 * ambassadors who are not personas are pupils here too, with names.
 *
 * Names and ids are made once from a seeded generator (prng.ts), so every run and every test has
 * the same school. Ids use the 8001 (pupils) and 8002 (staff) groups, apart from the personas'.
 */
import { seededRandom } from '../../core/prng.js';

export interface DemoMember {
  /** Entra object id. */
  id: string;
  /** Teams user id, as a roster would give it. */
  teamsId: string;
  displayName: string;
}

export interface DemoClass {
  teamId: string;
  name: string;
  /** The year group the wellbeing lead would set for it ("7", "8" …). */
  yearGroup: string;
  generalChannelId: string;
  channels: { id: string; name: string }[];
  /** Owners known only to the directory (Class 7B's teacher is the persona Ms Ada Khan). */
  teachers: DemoMember[];
  /** Pupils known only to the directory (Class 7B's personas are in `people`). */
  pupils: DemoMember[];
  /**
   * How this class tends to feel, for the seeded check-ins: a mood around which its pupils'
   * answers fall (1–5), and how many of them usually answer.
   */
  feel: { mood: number; answering: number };
}

// prettier-ignore
const firstNames = [
  'Alys', 'Ben', 'Caitlin', 'Dylan', 'Efa', 'Finley', 'Gwen', 'Harri', 'Isla', 'Jac', 'Keira',
  'Leo', 'Mali', 'Noah', 'Osian', 'Poppy', 'Rhys', 'Seren', 'Tomos', 'Ula', 'Violet', 'Wil',
  'Yusuf', 'Zara', 'Aisha', 'Bilal', 'Chloe', 'Daniel', 'Ella', 'Freya', 'George', 'Hana', 'Ifan',
  'Jasmine', 'Kian', 'Lowri', 'Maya', 'Nia', 'Oliver', 'Priya', 'Ruby', 'Sami', 'Tegan', 'Ali',
  'Anwen', 'Callum', 'Deio', 'Erin', 'Fatima', 'Gruff', 'Ioan', 'Jamal', 'Lily', 'Macsen',
  'Nathan', 'Olivia', 'Sophie', 'Taran', 'Wiktoria', 'Zac', 'Amara', 'Cerys', 'Evan', 'Hywel',
  'Layla', 'Mia', 'Owain', 'Rosa', 'Siôn', 'Theo', 'Aled', 'Beca', 'Carys', 'Elis', 'Ffion',
  'Grace', 'Hassan', 'Ivy', 'Joseph', 'Kai', 'Luca', 'Megan', 'Nel', 'Pedr', 'Rania', 'Sara',
  'Tyler', 'Yasmin', 'Adam', 'Bea', 'Charlie', 'Dewi', 'Elsie', 'Femi', 'Gethin', 'Holly',
  'Ibrahim', 'Jess', 'Kacper', 'Liam', 'Martha', 'Nico', 'Oscar', 'Rhian', 'Sam', 'Tia', 'Wren',
  'Xavier', 'Yara', 'Zain', 'Abi', 'Cadi', 'Dominik', 'Emma', 'Harvey', 'Jake', 'Leah', 'Mo',
  'Niamh', 'Ryan', 'Sophia', 'Tom',
];

// prettier-ignore
const surnames = [
  'Jones', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Hughes', 'Lewis', 'Morgan', 'Griffiths',
  'Price', 'Edwards', 'Lloyd', 'Pritchard', 'Rees', 'Owen', 'Jenkins', 'Powell', 'Parry', 'Ali',
  'Khan', 'Ahmed', 'Begum', 'Patel', 'Nowak', 'Kowalski', 'Mensah', 'Okoro', 'Nguyen', 'Chen',
  'Smith', 'Taylor', 'Walker', 'Wright', 'Green', 'Hall', 'Harris', 'Clarke', 'Phillips', 'Bevan',
  'Howells', 'Vaughan', 'Watkins', 'Rowlands', 'Ellis', 'Mahmood', 'Silva', 'Costa', 'Ibrahim',
  'Osei', 'Murphy', 'Kelly', 'Byrne', 'Santos', 'Novak', 'Fraser', 'Reid', 'Young',
];

/** Every pupil name in the school, drawn once in a fixed order so none repeats. */
const pupilNames = (() => {
  const random = seededRandom('demo-pupil-names');
  const taken = new Set(['Amir Hassan', 'Bethan Morgan', 'Cai Williams', 'Dara Okafor']);
  taken.add('Elin Roberts').add('Femi Adeyemi');
  const names: string[] = [];
  while (names.length < 160) {
    const first = firstNames[Math.floor(random() * firstNames.length)]!;
    const surname = surnames[Math.floor(random() * surnames.length)]!;
    const name = `${first} ${surname}`;
    if (taken.has(name) || first === surname) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
})();
let nextName = 0;

const pupilId = (n: number) => `00000000-0000-4000-8001-${String(n).padStart(12, '0')}`;
const staffId = (n: number) => `00000000-0000-4000-8002-${String(n).padStart(12, '0')}`;

/** `count` pupils numbered from `first` (their ids), named from the school's list. */
function pupils(first: number, count: number): DemoMember[] {
  return Array.from({ length: count }, (_, i) => ({
    id: pupilId(first + i),
    teamsId: `29:demo-pupil-${first + i}`,
    displayName: pupilNames[nextName++]!,
  }));
}

const teacher = (n: number, displayName: string): DemoMember => ({
  id: staffId(n),
  teamsId: `29:demo-staff-${n}`,
  displayName,
});

/** The wellbeing ambassadors who are not Playground personas (ids as the rota has them). */
const ambassadorId = (n: number) =>
  `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const ambassador = (n: number, displayName: string): DemoMember => ({
  id: ambassadorId(n),
  teamsId: `29:demo-ambassador-${n}`,
  displayName,
});

export const demoAmbassadors = {
  year8: ambassador(1, 'Lena Kowalska'),
  year9: ambassador(2, 'Kwame Asante'),
  year10: ambassador(3, 'Ffion Bowen'),
  year7: ambassador(4, 'Ravi Sharma'),
  year11: ambassador(5, 'Megan Tudor'),
};

const team = (
  slug: string,
  name: string,
  yearGroup: string,
  teachers: DemoMember[],
  members: DemoMember[],
  feel: DemoClass['feel'],
): DemoClass => ({
  teamId: `19:class-${slug}-general@thread.tacv2`,
  name,
  yearGroup,
  generalChannelId: `19:class-${slug}-general@thread.tacv2`,
  channels: [{ id: `19:class-${slug}-general@thread.tacv2`, name: 'General' }],
  teachers,
  pupils: members,
  feel,
});

/**
 * Class 7B (the Playground's class; its team, channels and teacher are in demo-school.ts) and
 * four more: 28, 27, 27, 7 and 29 pupils.
 */
export const demoClasses: DemoClass[] = [
  {
    ...team('7b', 'Class 7B', '7', [], pupils(1, 22), { mood: 4, answering: 0.88 }),
    teamId: '19:class-7b-general@thread.tacv2',
    channels: [
      { id: '19:class-7b-general@thread.tacv2', name: 'General' },
      { id: '19:class-7b-wellbeing@thread.tacv2', name: 'Wellbeing' },
    ],
  },
  team(
    '7c',
    'Class 7C',
    '7',
    [teacher(1, 'Mr Tomos Lloyd')],
    [demoAmbassadors.year7, ...pupils(101, 26)],
    { mood: 3.8, answering: 0.85 },
  ),
  team(
    '8a',
    'Class 8A',
    '8',
    [teacher(2, 'Mrs Sarah Ahmed')],
    [demoAmbassadors.year8, ...pupils(201, 26)],
    { mood: 3.6, answering: 0.8 },
  ),
  team('8n', 'Class 8N (nurture group)', '8', [teacher(3, 'Miss Nia Rees')], pupils(301, 7), {
    mood: 3.4,
    answering: 0.9,
  }),
  team(
    '9r',
    'Class 9R',
    '9',
    [teacher(4, 'Mr David Chen')],
    [demoAmbassadors.year9, ...pupils(401, 28)],
    { mood: 3.5, answering: 0.78 },
  ),
];

/** Ambassadors in year groups the demo has no class team for: in the directory only. */
export const demoPupilsWithoutClass: DemoMember[] = [
  demoAmbassadors.year10,
  demoAmbassadors.year11,
];
