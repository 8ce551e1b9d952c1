/**
 * Connect's content: the library of connection prompts and Children's Mental Health Week (CMHW)
 * year by year. The content itself is data (`./data/*.json`, each with a JSON Schema beside it);
 * this module gives it types and the few look-ups schedules, cards and the tab need. Adding a
 * prompt or a CMHW year is a data change only (decision 008).
 */
import promptData from './data/prompts.json' with { type: 'json' };
import cmhwData from './data/cmhw.json' with { type: 'json' };
import { BelongError } from '../errors.js';
import type { Locale } from '../i18n/index.js';

export const promptThemes = [
  'connection',
  'kindness',
  'trust',
  'pupil_voice',
  'belonging',
  'peer_support',
] as const;
export type PromptTheme = (typeof promptThemes)[number];

export const keyStages = ['KS1', 'KS2', 'KS3', 'KS4'] as const;
export type KeyStage = (typeof keyStages)[number];

export const phases = ['primary', 'secondary'] as const;
export type Phase = (typeof phases)[number];

export const promptFormats = ['discussion', 'activity', 'reflection'] as const;
export type PromptFormat = (typeof promptFormats)[number];

export interface Prompt {
  /** Stable kebab-case id; schedules store it. */
  readonly id: string;
  readonly theme: PromptTheme;
  readonly keyStages: readonly KeyStage[];
  readonly format: PromptFormat;
  /** Roughly how long the class needs, 2–30. */
  readonly minutes: number;
  /** What pupils read in the channel post and reply to in its thread. */
  readonly text: Readonly<Record<Locale, string>>;
}

export interface CmhwWeek {
  readonly year: number;
  readonly theme: Readonly<Record<Locale, string>>;
  /** The Monday, as a school-local ISO date. */
  readonly startDate: string;
  /** The Sunday six days later. */
  readonly endDate: string;
  /** Prompt ids for Monday to Friday, per phase. */
  readonly programmes: Readonly<Record<Phase, readonly string[]>>;
  /**
   * Not published by Place2Be yet: Belong's likely dates, theme "to be announced" and days drawn
   * from the library (cmhw-plan.ts).
   */
  readonly provisional?: boolean;
  /** A plan's week with the school's own dates or theme (cmhw-plan.ts). */
  readonly schoolChoices?: boolean;
}

const phaseKeyStages: Readonly<Record<Phase, readonly KeyStage[]>> = {
  primary: ['KS1', 'KS2'],
  secondary: ['KS3', 'KS4'],
};

export function phaseOf(keyStage: KeyStage): Phase {
  return phaseKeyStages.primary.includes(keyStage) ? 'primary' : 'secondary';
}

/** The key stages a phase spans: primary is KS1–KS2, secondary KS3–KS4. */
export function keyStagesOf(phase: Phase): readonly KeyStage[] {
  return phaseKeyStages[phase];
}

// The JSON's inferred types are plain strings. Narrowing the enums here (instead of casting)
// means a typo in the data fails at start-up, not as an odd card; the schema test checks the rest.
function oneOf<T extends string>(allowed: readonly T[], value: string, where: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BelongError('internal', `Content data: "${value}" is not allowed in ${where}.`);
}

const library: readonly Prompt[] = Object.freeze(
  promptData.map((raw) =>
    Object.freeze({
      id: raw.id,
      theme: oneOf(promptThemes, raw.theme, `prompt ${raw.id}`),
      keyStages: Object.freeze(raw.keyStages.map((k) => oneOf(keyStages, k, `prompt ${raw.id}`))),
      format: oneOf(promptFormats, raw.format, `prompt ${raw.id}`),
      minutes: raw.minutes,
      text: Object.freeze({ 'en-GB': raw.text['en-GB'], cy: raw.text.cy }),
    }),
  ),
);
const byId = new Map(library.map((p) => [p.id, p]));

const weeks: readonly CmhwWeek[] = Object.freeze(
  [...cmhwData]
    .sort((a, b) => a.year - b.year)
    .map((raw) =>
      Object.freeze({
        year: raw.year,
        theme: Object.freeze({ 'en-GB': raw.theme['en-GB'], cy: raw.theme.cy }),
        startDate: raw.startDate,
        endDate: raw.endDate,
        programmes: Object.freeze({
          primary: Object.freeze([...raw.programmes.primary]),
          secondary: Object.freeze([...raw.programmes.secondary]),
        }),
      }),
    ),
);

// Resolved once, so a programme naming a prompt that is not in the library fails at start-up.
function resolve(week: CmhwWeek, phase: Phase): readonly Prompt[] {
  return week.programmes[phase].map((id) => {
    const prompt = byId.get(id);
    if (!prompt)
      throw new BelongError('internal', `Content data: CMHW ${week.year} names "${id}".`);
    return prompt;
  });
}
const programmes = new Map(
  weeks.map((week) => [
    week.year,
    { primary: resolve(week, 'primary'), secondary: resolve(week, 'secondary') },
  ]),
);

/** Every prompt, in library order. */
export function promptLibrary(): readonly Prompt[] {
  return library;
}

export function promptById(id: string): Prompt | undefined {
  return byId.get(id);
}

/** Prompts matching every given filter, in library order. */
export function findPrompts(filter: { theme?: PromptTheme; keyStage?: KeyStage } = {}): Prompt[] {
  return library.filter(
    (p) =>
      (filter.theme === undefined || p.theme === filter.theme) &&
      (filter.keyStage === undefined || p.keyStages.includes(filter.keyStage)),
  );
}

export function promptText(prompt: Prompt, locale: Locale): string {
  return prompt.text[locale] ?? prompt.text['en-GB'];
}

/** Every CMHW year Belong knows, oldest first. */
export function cmhwWeeks(): readonly CmhwWeek[] {
  return weeks;
}

export function cmhwWeekFor(year: number): CmhwWeek | undefined {
  return weeks.find((w) => w.year === year);
}

/**
 * The CMHW week that is on (today is between its Monday and Sunday) or, failing that, the next
 * one Belong knows; undefined once the last known week is over. `today` is a school-local ISO
 * date, so plain string comparison orders it correctly.
 */
export function currentOrNextCmhw(today: string): CmhwWeek | undefined {
  return weeks.find((w) => today <= w.endDate);
}

/** The five prompts of a CMHW programme, Monday first; empty for a year Belong doesn't know. */
export function cmhwProgramme(year: number, phase: Phase): Prompt[] {
  return [...(programmes.get(year)?.[phase] ?? [])];
}
