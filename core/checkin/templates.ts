/**
 * Check-in templates: what a check-in card asks. Written by us, in English and Welsh, worded for
 * younger (KS1–2) or older (KS3–4) pupils. Answer labels (faces, scales) live in the i18n
 * catalogue (`checkin.scale.*`); question wording lives here, beside the question it belongs to.
 *
 * Every question is a single item on a five-point scale. Answers are shown to staff as
 * distributions and trends, never summed into a "score" about a child (decision 016).
 */
import type { Locale } from '../i18n/index.js';
import type { Phase } from '../content/index.js';

/** What a question is about: mood, the four aspects of belonging, and relationships. */
export const checkinAspects = [
  'mood',
  'connected',
  'safe',
  'respected',
  'purpose',
  'peers',
  'adults',
] as const;
export type CheckinAspect = (typeof checkinAspects)[number];

/** Faces for mood; how often (younger) or how much they agree (older) for statements. */
export type CheckinScale = 'faces' | 'statement';

/** Every scale has five points, 1 (lowest) to 5. */
export const scalePoints = [1, 2, 3, 4, 5] as const;
export type ScalePoint = (typeof scalePoints)[number];

export interface CheckinQuestion {
  /** Stable id, unique in its template; answers and aggregates are keyed by it. */
  readonly id: string;
  readonly aspect: CheckinAspect;
  readonly scale: CheckinScale;
  readonly text: Readonly<Record<Phase, Readonly<Record<Locale, string>>>>;
}

export const checkinTemplateIds = ['daily-mood', 'belonging-pulse', 'termly-belonging'] as const;
export type CheckinTemplateId = (typeof checkinTemplateIds)[number];

export interface CheckinTemplate {
  readonly id: CheckinTemplateId;
  readonly questions: readonly CheckinQuestion[];
  /** How many school-local days it stays open after the day it is posted (0 = closes that day). */
  readonly openDays: number;
}

const both = (en: string, cy: string): Readonly<Record<Locale, string>> => ({ 'en-GB': en, cy });

const moodQuestion: CheckinQuestion = {
  id: 'mood',
  aspect: 'mood',
  scale: 'faces',
  text: {
    primary: both('How do you feel today?', 'Sut wyt ti’n teimlo heddiw?'),
    secondary: both('How are you feeling today?', 'Sut wyt ti’n teimlo heddiw?'),
  },
};

const statement = (
  id: string,
  aspect: CheckinAspect,
  primary: [string, string],
  secondary: [string, string],
): CheckinQuestion => ({
  id,
  aspect,
  scale: 'statement',
  text: { primary: both(...primary), secondary: both(...secondary) },
});

/** The four aspects of belonging, one item each. */
const pulseQuestions: readonly CheckinQuestion[] = [
  statement(
    'connected',
    'connected',
    ['I feel part of my class.', 'Rwy’n teimlo’n rhan o fy nosbarth.'],
    [
      'I feel connected to people at school and included by them.',
      'Rwy’n teimlo’n agos at bobl yn yr ysgol ac maen nhw’n fy nghynnwys i.',
    ],
  ),
  statement(
    'safe',
    'safe',
    ['I feel safe at school.', 'Rwy’n teimlo’n ddiogel yn yr ysgol.'],
    ['I feel safe at school.', 'Rwy’n teimlo’n ddiogel yn yr ysgol.'],
  ),
  statement(
    'respected',
    'respected',
    [
      'People at school are kind to me and listen to me.',
      'Mae pobl yn yr ysgol yn garedig wrtha i ac yn gwrando arna i.',
    ],
    [
      'I feel respected and valued at school.',
      'Rwy’n teimlo fy mod i’n cael parch a gwerth yn yr ysgol.',
    ],
  ),
  statement(
    'purpose',
    'purpose',
    ['What I do at school matters.', 'Mae’r hyn rwy’n ei wneud yn yr ysgol yn bwysig.'],
    [
      'What I do at school feels worthwhile.',
      'Mae’r hyn rwy’n ei wneud yn yr ysgol yn teimlo’n werth chweil.',
    ],
  ),
];

/** Ten items: two for each aspect of belonging, one about peers, one about adults. */
const termlyQuestions: readonly CheckinQuestion[] = [
  pulseQuestions[0]!,
  statement(
    'included',
    'connected',
    ['I join in with things at school.', 'Rwy’n ymuno â phethau yn yr ysgol.'],
    [
      'I feel included in things that happen at school.',
      'Rwy’n teimlo fy mod i’n cael fy nghynnwys yn yr hyn sy’n digwydd yn yr ysgol.',
    ],
  ),
  pulseQuestions[1]!,
  statement(
    'worries',
    'safe',
    ['I know what to do if I am worried.', 'Rwy’n gwybod beth i’w wneud os ydw i’n poeni.'],
    [
      'I know who to go to if I am worried about something.',
      'Rwy’n gwybod at bwy i fynd os ydw i’n poeni am rywbeth.',
    ],
  ),
  pulseQuestions[2]!,
  statement(
    'fair',
    'respected',
    ['I am treated fairly at school.', 'Rwy’n cael fy nhrin yn deg yn yr ysgol.'],
    ['My views are listened to at school.', 'Mae pobl yn gwrando ar fy marn i yn yr ysgol.'],
  ),
  pulseQuestions[3]!,
  statement(
    'learning',
    'purpose',
    ['I enjoy learning at school.', 'Rwy’n mwynhau dysgu yn yr ysgol.'],
    [
      'I have goals I am working towards at school.',
      'Mae gen i nodau rwy’n gweithio tuag atyn nhw yn yr ysgol.',
    ],
  ),
  statement(
    'friends',
    'peers',
    ['I have friends at school.', 'Mae gen i ffrindiau yn yr ysgol.'],
    ['I get on well with other pupils.', 'Rwy’n dod ymlaen yn dda â disgyblion eraill.'],
  ),
  statement(
    'trusted-adult',
    'adults',
    [
      'There is a grown-up at school I can talk to.',
      'Mae oedolyn yn yr ysgol y galla i siarad ag ef neu hi.',
    ],
    [
      'There is an adult in school I trust and can talk to.',
      'Mae oedolyn yn yr ysgol rwy’n ymddiried ynddo ac y galla i siarad ag ef neu hi.',
    ],
  ),
];

const templates: Readonly<Record<CheckinTemplateId, CheckinTemplate>> = {
  'daily-mood': { id: 'daily-mood', questions: [moodQuestion], openDays: 0 },
  'belonging-pulse': { id: 'belonging-pulse', questions: pulseQuestions, openDays: 0 },
  'termly-belonging': { id: 'termly-belonging', questions: termlyQuestions, openDays: 6 },
};

export function isCheckinTemplateId(id: unknown): id is CheckinTemplateId {
  return typeof id === 'string' && (checkinTemplateIds as readonly string[]).includes(id);
}

export function checkinTemplate(id: CheckinTemplateId): CheckinTemplate {
  return templates[id];
}

export function questionText(question: CheckinQuestion, phase: Phase, locale: Locale): string {
  return question.text[phase][locale];
}

/** The emoji for each face, lowest first. Each face also has a text label in the catalogue. */
export const faceEmoji: Readonly<Record<ScalePoint, string>> = {
  1: '😞',
  2: '🙁',
  3: '😐',
  4: '🙂',
  5: '😄',
};
