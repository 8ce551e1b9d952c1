/**
 * Schedules and posts in words: what is posted, when, and what became of it. Pure, so the
 * wording is tested without a browser.
 */
import { t, type Locale, type MessageKey } from '../../../../core/i18n/index.js';
import type {
  OccurrenceProgress,
  Prompt,
  Schedule,
  ScheduleView,
} from '../../../../core/api/connect.js';
import { formatDate } from '../../connect/dates.js';

export type PromptIndex = ReadonlyMap<string, Prompt>;

export const indexPrompts = (prompts: readonly Prompt[]): PromptIndex =>
  new Map(prompts.map((p) => [p.id, p]));

/** "Monday, Wednesday and Friday"; Welsh joins with "a". */
export function joinAnd(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t(locale, 'tab.connect.and')} ${items.at(-1)}`;
}

export function promptTextOf(prompt: Prompt, locale: Locale): string {
  return prompt.text[locale] ?? prompt.text['en-GB'];
}

/** What a schedule posts: the prompt in the reader's language, or "CMHW 2026 · Primary". */
export function describeWhat(
  schedule: Pick<Schedule, 'content'>,
  prompts: PromptIndex,
  locale: Locale,
): string {
  const { content } = schedule;
  if (content.kind === 'cmhw') {
    return t(locale, 'tab.connect.what.cmhw', {
      year: content.year,
      phase: t(locale, `connect.phase.${content.phase}`),
    });
  }
  if (content.kind === 'checkin') {
    return `${t(locale, `checkin.template.${content.templateId}`)} · ${t(locale, `connect.phase.${content.phase}`)}`;
  }
  const prompt = prompts.get(content.promptId);
  return prompt ? promptTextOf(prompt, locale) : t(locale, 'tab.connect.what.unknown');
}

/** When a schedule posts, in words: "Every Monday and Wednesday at 08:50, from …". */
export function describeWhen(
  schedule: Pick<Schedule, 'repeat' | 'time' | 'content'>,
  locale: Locale,
): string {
  const { repeat, time, content } = schedule;
  const date = (d: string) => formatDate(locale, d);
  switch (repeat.kind) {
    case 'once':
      return t(locale, 'tab.connect.when.once', { date: date(repeat.date), time });
    case 'daily':
      return repeat.end
        ? t(locale, 'tab.connect.when.dailyUntil', {
            time,
            start: date(repeat.start),
            end: date(repeat.end),
          })
        : t(locale, 'tab.connect.when.daily', { time, start: date(repeat.start) });
    case 'weekly': {
      const days = joinAnd(
        locale,
        [...repeat.weekdays]
          .sort((a, b) => a - b)
          .filter((d) => d >= 1 && d <= 5)
          .map((d) => t(locale, `connect.weekday.${d as 1 | 2 | 3 | 4 | 5}`)),
      );
      return repeat.end
        ? t(locale, 'tab.connect.when.weeklyUntil', {
            days,
            time,
            start: date(repeat.start),
            end: date(repeat.end),
          })
        : t(locale, 'tab.connect.when.weekly', { days, time, start: date(repeat.start) });
    }
    case 'cmhw':
      return t(locale, 'tab.connect.when.cmhw', {
        year: content.kind === 'cmhw' ? content.year : '',
        time,
      });
  }
}

export interface AgendaPost {
  occurrenceId: string;
  scheduleId: string;
  /** School-local time, HH:mm. */
  time: string;
  at: string;
  channelName: string;
  promptId: string;
}

export interface AgendaDay {
  date: string;
  posts: AgendaPost[];
}

/** Every schedule's upcoming posts as one agenda: by date, then by time. */
export function groupUpcoming(views: readonly ScheduleView[]): AgendaDay[] {
  const byDate = new Map<string, AgendaPost[]>();
  for (const view of views) {
    for (const post of view.upcoming) {
      const day = byDate.get(post.date) ?? [];
      day.push({
        occurrenceId: post.occurrenceId,
        scheduleId: view.schedule.id,
        time: view.schedule.time,
        at: post.at,
        channelName: view.channelName,
        promptId: post.promptId,
      });
      byDate.set(post.date, day);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, posts]) => ({
      date,
      posts: posts.sort(
        (a, b) => a.at.localeCompare(b.at) || a.occurrenceId.localeCompare(b.occurrenceId),
      ),
    }));
}

export type Tone = 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

/** Why a post was not made, in words. */
export function skippedKey(reason: string | undefined): MessageKey {
  switch (reason) {
    case 'missed':
      return 'tab.connect.skipped.missed';
    case 'teamRemoved':
      return 'tab.connect.skipped.teamRemoved';
    case 'channelGone':
      return 'tab.connect.skipped.channelGone';
    case 'safeguardingNotReady':
      return 'tab.connect.skipped.safeguardingNotReady';
    default:
      return 'tab.connect.skipped.other';
  }
}

/** A queued post's delivery, in a word or two: "Posted", "Sending…", "Couldn't post: …". */
export function progressStatus(progress: OccurrenceProgress): { key: MessageKey; tone: Tone } {
  if (progress.removedTargets.length > 0 || progress.counts.removed > 0)
    return { key: 'tab.connect.progress.removed', tone: 'danger' };
  if (progress.failures.length > 0 || progress.counts.failed > 0)
    return { key: 'tab.connect.progress.failed', tone: 'danger' };
  if (progress.finished) return { key: 'tab.connect.progress.posted', tone: 'success' };
  if (progress.counts.sending > 0 || progress.done > 0)
    return { key: 'tab.connect.progress.sending', tone: 'informative' };
  return { key: 'tab.connect.progress.waiting', tone: 'subtle' };
}
