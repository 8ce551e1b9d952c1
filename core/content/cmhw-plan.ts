/**
 * Children's Mental Health Week for a year Place2Be has not published yet (issue 18.4; decision
 * 025). Schools plan the week months ahead, so Belong offers each year after the last one in the
 * data on its likely dates — the first full week of February, as in 2020–2025 (2026's was the
 * second: the school can move it) — with the theme "to be announced" and five days drawn from the
 * prompt library. A plan can carry the school's own dates and theme.
 *
 * Plans keep working when the year is added to `data/cmhw.json`: a plan stores only the year, the
 * phase and what the school chose. A plan on the likely dates then follows Place2Be's dates, a plan
 * without its own theme shows Place2Be's, and the days post the published programme.
 */
import { t } from '../i18n/index.js';
import { addDays, isIsoDate, weekdayOf } from '../dates.js';
import {
  cmhwWeekFor,
  cmhwWeeks,
  findPrompts,
  keyStagesOf,
  phases,
  type CmhwWeek,
  type Phase,
  type Prompt,
  type PromptTheme,
} from './content.js';

/** What a CMHW plan says, beside the year and phase: the school's own choices, if any. */
export interface CmhwChoices {
  /** The Monday the school moved the week to (school-local date); absent: the week's own. */
  startDate?: string | undefined;
  /** The school's own theme, shown in every language; absent: Place2Be's (or "to be announced"). */
  theme?: string | undefined;
}

/** The most a school's theme may be: as long as the data's themes may be. */
export const maxCmhwThemeLength = 80;

/** The last year in the data: years after it are planned on their likely dates. */
const lastPublished = (): number => cmhwWeeks().at(-1)?.year ?? 0;

/** The Monday of the first full week (Monday to Sunday) in February of `year`. */
export function likelyCmhwStart(year: number): string {
  const first = `${year}-02-01`;
  return addDays(first, (8 - weekdayOf(first)) % 7);
}

/** The days, Monday to Friday: a theme each, as Place2Be's programmes go from self to others. */
const dayThemes: readonly PromptTheme[] = [
  'connection',
  'kindness',
  'pupil_voice',
  'peer_support',
  'belonging',
];

/**
 * Five prompts for a phase from the library, one per day's theme, leaving out those the last
 * published week used (so a class does not get last year's week again). Deterministic.
 */
function drawnProgramme(phase: Phase): string[] {
  const stages = keyStagesOf(phase);
  const lastWeek = cmhwWeeks().at(-1);
  const used = new Set(lastWeek ? lastWeek.programmes[phase] : []);
  const chosen: string[] = [];
  for (const theme of dayThemes) {
    const fits = (p: Prompt) =>
      p.theme === theme && p.keyStages.some((k) => stages.includes(k)) && !chosen.includes(p.id);
    const candidates = findPrompts({ theme }).filter(fits);
    const pick = candidates.find((p) => !used.has(p.id)) ?? candidates[0];
    if (pick) chosen.push(pick.id);
  }
  // A library short of a theme still gives five days.
  for (const p of findPrompts()) {
    if (chosen.length >= 5) break;
    if (p.keyStages.some((k) => stages.includes(k)) && !chosen.includes(p.id)) chosen.push(p.id);
  }
  return chosen;
}

/** The week Belong offers for a year not in the data yet: likely dates, theme to be announced. */
export function likelyCmhwWeek(year: number): CmhwWeek {
  const startDate = likelyCmhwStart(year);
  return {
    year,
    theme: { 'en-GB': t('en-GB', 'connect.cmhw.themeTba'), cy: t('cy', 'connect.cmhw.themeTba') },
    startDate,
    endDate: addDays(startDate, 6),
    programmes: Object.fromEntries(phases.map((p) => [p, drawnProgramme(p)])) as Record<
      Phase,
      string[]
    >,
    provisional: true,
  };
}

/**
 * The week of a year as Belong knows it: Place2Be's from the data, or for a year after the last
 * one in the data, the likely week. Undefined for a year before the data (nothing to plan).
 */
export function cmhwWeekOf(year: number): CmhwWeek | undefined {
  if (!Number.isInteger(year)) return undefined;
  return cmhwWeekFor(year) ?? (year > lastPublished() ? likelyCmhwWeek(year) : undefined);
}

/** The week a plan runs: the year's week with the school's dates and theme, if it chose them. */
export function plannedCmhwWeek(year: number, choices: CmhwChoices = {}): CmhwWeek | undefined {
  const week = cmhwWeekOf(year);
  if (!week) return undefined;
  const startDate = choices.startDate ?? week.startDate;
  return {
    ...week,
    startDate,
    endDate: addDays(startDate, 6),
    ...(choices.theme ? { theme: { 'en-GB': choices.theme, cy: choices.theme } } : {}),
    ...(choices.startDate || choices.theme ? { schoolChoices: true } : {}),
  };
}

/**
 * The weeks a school can still plan, soonest first: every week in the data whose Friday is today
 * or later, then the likely week of each year after the data up to the one after today's.
 */
export function plannableCmhwWeeks(today: string): CmhwWeek[] {
  const thisYear = Number(today.slice(0, 4));
  const years = new Set([...cmhwWeeks().map((w) => w.year), thisYear, thisYear + 1]);
  return [...years]
    .sort((a, b) => a - b)
    .map((y) => cmhwWeekOf(y))
    .filter((w): w is CmhwWeek => !!w && addDays(w.startDate, 4) >= today);
}

export const cmhwChoiceProblems = ['cmhwStart', 'cmhwTheme'] as const;

/**
 * Problems with a school's choices: a start that is not a Monday between January and March of
 * the week's year, or a theme that is blank, too long or has control characters.
 */
export function cmhwChoiceProblemsOf(
  year: number,
  choices: CmhwChoices,
): (typeof cmhwChoiceProblems)[number][] {
  const problems: (typeof cmhwChoiceProblems)[number][] = [];
  const { startDate, theme } = choices;
  if (
    startDate !== undefined &&
    (!isIsoDate(startDate) ||
      weekdayOf(startDate) !== 1 ||
      startDate < `${year}-01-01` ||
      startDate > `${year}-03-31`)
  )
    problems.push('cmhwStart');
  if (
    theme !== undefined &&
    (!theme.trim() ||
      theme.length > maxCmhwThemeLength ||
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      /[\u0000-\u001f\u007f]/.test(theme))
  )
    problems.push('cmhwTheme');
  return problems;
}
