/**
 * What the bot's Connect cards propose before a teacher has chosen anything (issue 18.6): a post
 * on the next school day at the school's usual time — never a time that has already gone — and
 * the prompt library opened at the class's key stage.
 */
import { keyStages, promptById, type KeyStage } from '../content/index.js';
import { addDays, instantOf, localDateOf, weekdayOf } from '../dates.js';
import { isSchoolDay } from './calendar.js';
import type { PlanContext, Schedule } from './schedule.js';

/** When Belong posts unless the school usually posts at another time (DESIGN: 08:50). */
export const defaultPostingTime = '08:50';

/**
 * The school's usual time: the time most of its active schedules post at (the earliest of equals),
 * or 08:50 when it has none. The school has no setting for it; its own habit is the best guess.
 */
export function usualPostingTime(schedules: readonly Schedule[]): string {
  const counts = new Map<string, number>();
  for (const s of schedules)
    if (s.status === 'active') counts.set(s.time, (counts.get(s.time) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const [time, n] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    if (!best || n > best[1]) best = [time, n];
  return best?.[0] ?? defaultPostingTime;
}

/**
 * The date to propose for a post at `time`: today when it is a school day and the time is still
 * ahead, else the next school day. With no school day in the coming year (no calendar yet), the
 * next weekday.
 */
export function proposedPostDate(ctx: PlanContext, now: Date, time: string): string {
  const today = localDateOf(now, ctx.timeZone);
  const ahead = (date: string) => instantOf(date, time, ctx.timeZone) > now;
  for (let i = 0; i <= 366; i++) {
    const date = addDays(today, i);
    if (isSchoolDay(ctx.calendar, date) && ahead(date)) return date;
  }
  let date = addDays(today, 1);
  while (weekdayOf(date) > 5) date = addDays(date, 1);
  return date;
}

/** The key stage of a year group as the school set it (R–2 KS1, 3–6 KS2, 7–9 KS3, 10+ KS4). */
export function keyStageOfYearGroup(yearGroup: string | undefined): KeyStage | undefined {
  if (yearGroup === undefined) return undefined;
  if (yearGroup === 'R') return 'KS1';
  const year = Number(yearGroup);
  if (!Number.isInteger(year) || year < 1) return undefined;
  return year <= 2 ? 'KS1' : year <= 6 ? 'KS2' : year <= 9 ? 'KS3' : 'KS4';
}

/**
 * The key stage this teacher last chose for the class, read from the last schedule they made
 * there: a prompt written for one key stage says it; a CMHW week or check-in says its phase
 * (primary: KS2, secondary: KS3, where most of each phase's classes are).
 */
export function lastChosenKeyStage(
  schedules: readonly Schedule[],
  userId: string,
): KeyStage | undefined {
  const mine = schedules
    .filter((s) => s.createdBy === userId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const s of mine) {
    const { content } = s;
    if (content.kind === 'prompt') {
      const stages = promptById(content.promptId)?.keyStages ?? [];
      if (stages.length === 1) return stages[0];
      continue;
    }
    return content.phase === 'primary' ? 'KS2' : 'KS3';
  }
  return undefined;
}

/** The key stage the prompt library opens at: the year group's, else the teacher's last. */
export function classKeyStage(
  yearGroup: string | undefined,
  schedules: readonly Schedule[],
  userId: string,
): KeyStage | undefined {
  const stage = keyStageOfYearGroup(yearGroup) ?? lastChosenKeyStage(schedules, userId);
  return stage && keyStages.includes(stage) ? stage : undefined;
}
