/**
 * The check-in settings form as data: k as typed, and a year group per class ('' = not set).
 * Year groups of classes the tab does not list (e.g. Belong was removed from the team) are kept
 * as they are, so saving the form never drops them.
 */
import { yearGroupValues } from '../../../../../core/checkin/checkin-settings.js';
import { t, type Locale } from '../../../../../core/i18n/index.js';
import { ApiRequestError } from '../../../api/client.js';
import type { CheckinSettingsBody } from './school-api.js';
import { isOneOf } from '../../../../../core/one-of.js';

/** Reception, Years 1–13, and "not in year or school totals" (a set or a club): the server's list. */
export const yearGroupChoices: readonly string[] = yearGroupValues;

export interface SettingsDraft {
  k: string;
  yearGroups: Record<string, string>;
}

export const draftOf = (settings: CheckinSettingsBody): SettingsDraft => ({
  k: String(settings.k),
  yearGroups: { ...settings.yearGroups },
});

/** The body to send, or the problem to show without asking the server. */
export function bodyOf(
  draft: SettingsDraft,
): { body: CheckinSettingsBody } | { problems: string[] } {
  const text = draft.k.trim();
  if (!/^-?\d+$/.test(text)) return { problems: ['kNotNumber'] };
  const yearGroups = Object.fromEntries(
    Object.entries(draft.yearGroups).filter(([, year]) => year !== ''),
  );
  return { body: { k: Number(text), yearGroups } };
}

/** The server's problem codes this view has words for (`tab.trends.problem.<code>`). */
const knownProblems = [
  'kTooSmall',
  'kTooLarge',
  'yearGroupUnknown',
  'kNotNumber',
  'unreadable',
] as const;

export const problemText = (locale: Locale, code: string): string =>
  t(
    locale,
    isOneOf(knownProblems, code) ? `tab.trends.problem.${code}` : 'tab.trends.problem.unknown',
  );

/**
 * Refused settings in words, one per problem; undefined when the error is not about the input
 * (the caller shows the usual error instead).
 */
export function settingsProblems(error: unknown, locale: Locale): string[] | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 400) return undefined;
  const codes = error.problems.length ? error.problems : ['unreadable'];
  return [...new Set(codes.map((code) => problemText(locale, code)))];
}
