/**
 * Every way Connect says no to input, in one catalogue (like core/rota/problems.ts). A refusal is
 * a BelongError('invalidInput') with one code per problem; each code has a
 * `connect.problem.<code>` string (checked by the compiler: a code without one does not build),
 * so a card or the tab can say it in the reader's language.
 */
import { BelongError } from '../errors.js';
import { t, type Locale } from '../i18n/index.js';

export const connectProblemCodes = [
  // a schedule (core/schedule/schedule.ts)
  'channelUnknown',
  'timeFormat',
  'timeRange',
  'promptUnknown',
  'checkinUnknown',
  'cmhwUnknown',
  'cmhwOver',
  'cmhwRepeat',
  'cmhwAlready',
  // the school's own CMHW week (core/content/cmhw-plan.ts)
  'cmhwStart',
  'cmhwTheme',
  // dates and repeats
  'dateInvalid',
  'dateTooFar',
  'startPassed',
  'endBeforeStart',
  'repeatTooLong',
  'weekdaysEmpty',
  'weekdaysWeekend',
  'timePassed',
  'noSchoolDays',
  // the school calendar (core/schedule/calendar.ts)
  'calendarName',
  'calendarDates',
  'calendarOrder',
  'calendarLength',
  'calendarOverlap',
] as const;
export type ConnectProblem = (typeof connectProblemCodes)[number];

/** Whether a code (from the server, or a caught error) is one this build has words for. */
export const isConnectProblem = (code: string): code is ConnectProblem =>
  (connectProblemCodes as readonly string[]).includes(code);

/** A problem in the reader's language; a code this build does not know (a newer server's) gets general words. */
export function connectProblemText(locale: Locale, code: string): string {
  return isConnectProblem(code)
    ? t(locale, `connect.problem.${code}`)
    : t(locale, 'tab.connect.problem.unknown');
}

/** Invalid input with a code per problem; the message says them in English. */
export function inputProblems(codes: readonly ConnectProblem[]): BelongError {
  const unique = [...new Set(codes)];
  return new BelongError(
    'invalidInput',
    unique.map((c) => t('en-GB', `connect.problem.${c}`)).join(' '),
    unique,
  );
}
