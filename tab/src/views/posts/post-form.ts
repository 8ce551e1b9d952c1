/**
 * The "New post" form as plain data, and the request it becomes. Checks that only the form can
 * make (no prompt chosen, no CMHW week to choose) live here; everything about dates, times and
 * channels is the server's to judge, so both the bot and the tab give the same answer.
 */
import type { Locale, MessageKey } from '../../../../core/i18n/index.js';
import type {
  CmhwWeek,
  CreateScheduleRequest,
  Phase,
  Prompt,
  Schedule,
} from '../../../../core/api/connect.js';
import { addDays } from '../../connect/dates.js';
import type { CheckinTemplateId } from '../../../../core/checkin/templates.js';

export const repeatChoices = ['once', 'daily', 'weekly', 'cmhw'] as const;
/** What a post is: a connection prompt from the library, or a check-in card. */
export const postKinds = ['prompt', 'checkin'] as const;
export type PostKind = (typeof postKinds)[number];
export type RepeatChoice = (typeof repeatChoices)[number];
export const schoolWeekdays = [1, 2, 3, 4, 5] as const;
export const phaseChoices: readonly Phase[] = ['primary', 'secondary'];
export const defaultTime = '08:50';

export interface PostForm {
  repeat: RepeatChoice;
  /** Prompt filters; '' means any. */
  theme: string;
  keyStage: string;
  promptId: string;
  channelId: string;
  /** For a one-off. */
  date: string;
  /** For daily and weekly posts; `end` may be ''. */
  start: string;
  end: string;
  weekdays: number[];
  time: string;
  /** For CMHW: the year of an open week (0: none chosen) and the phase (also a check-in's). */
  year: number;
  phase: Phase;
  /** A check-in template to post instead of a prompt; '' posts a prompt. */
  checkinTemplateId: string;
  locale: Locale;
}

export function initialPostForm(opts: {
  today: string;
  locale: Locale;
  channels: readonly { id: string; name: string }[];
  openWeeks: readonly CmhwWeek[];
}): PostForm {
  const general = opts.channels.find((c) => c.name === 'General') ?? opts.channels[0];
  return {
    repeat: 'once',
    theme: '',
    keyStage: '',
    promptId: '',
    channelId: general?.id ?? '',
    // A one-off today at 08:50 has usually gone by the time someone fills the form in.
    date: addDays(opts.today, 1),
    start: opts.today,
    end: '',
    weekdays: [1],
    time: defaultTime,
    year: opts.openWeeks[0]?.year ?? 0,
    phase: 'primary',
    checkinTemplateId: '',
    locale: opts.locale,
  };
}

/** The form filled in from an existing schedule, to change it. */
export function formFromSchedule(schedule: Schedule, blank: PostForm): PostForm {
  const { content, repeat } = schedule;
  const form: PostForm = {
    ...blank,
    channelId: schedule.channelId,
    time: schedule.time,
    locale: schedule.locale ?? blank.locale,
  };
  if (content.kind === 'cmhw')
    return { ...form, repeat: 'cmhw', year: content.year, phase: content.phase };
  if (content.kind === 'checkin') {
    form.checkinTemplateId = content.templateId;
    form.phase = content.phase;
  } else form.promptId = content.promptId;
  switch (repeat.kind) {
    case 'once':
      return { ...form, repeat: 'once', date: repeat.date };
    case 'daily':
      return { ...form, repeat: 'daily', start: repeat.start, end: repeat.end ?? '' };
    case 'weekly':
      return {
        ...form,
        repeat: 'weekly',
        start: repeat.start,
        end: repeat.end ?? '',
        weekdays: [...repeat.weekdays],
      };
    case 'cmhw':
      return form;
  }
}

export const postKindOf = (form: PostForm): PostKind =>
  form.checkinTemplateId ? 'checkin' : 'prompt';

/**
 * The form as the other kind of post. A check-in starts as the daily mood; it is never the CMHW
 * programme (that is prompts), so a CMHW form becomes a one-off.
 */
export function withPostKind(form: PostForm, kind: PostKind): PostForm {
  if (kind === 'prompt') return { ...form, checkinTemplateId: '' };
  return {
    ...form,
    checkinTemplateId: form.checkinTemplateId || 'daily-mood',
    repeat: form.repeat === 'cmhw' ? 'once' : form.repeat,
  };
}

/** Repeats on offer for this kind of post. */
export const repeatChoicesFor = (kind: PostKind): readonly RepeatChoice[] =>
  kind === 'checkin' ? repeatChoices.filter((r) => r !== 'cmhw') : repeatChoices;

/** Themes and key stages in the order the library first uses them: the data decides. */
export function promptFilters(prompts: readonly Prompt[]): {
  themes: Prompt['theme'][];
  keyStages: string[];
} {
  const themes = new Set<Prompt['theme']>();
  const keyStages = new Set<string>();
  for (const p of prompts) {
    themes.add(p.theme);
    p.keyStages.forEach((k) => keyStages.add(k));
  }
  return { themes: [...themes], keyStages: [...keyStages].sort() };
}

export function filterPrompts(
  prompts: readonly Prompt[],
  filter: { theme: string; keyStage: string },
): Prompt[] {
  return prompts.filter(
    (p) =>
      (!filter.theme || p.theme === filter.theme) &&
      (!filter.keyStage || (p.keyStages as readonly string[]).includes(filter.keyStage)),
  );
}

/** What the form itself can tell is missing, before asking the server. */
export function formProblems(form: PostForm): MessageKey[] {
  if (form.repeat === 'cmhw') return form.year ? [] : ['tab.connect.cmhw.none'];
  return form.promptId || form.checkinTemplateId ? [] : ['tab.connect.form.needPrompt'];
}

export function scheduleRequest(form: PostForm): CreateScheduleRequest {
  const base = { channelId: form.channelId, time: form.time, locale: form.locale };
  const content = form.checkinTemplateId
    ? {
        kind: 'checkin' as const,
        templateId: form.checkinTemplateId as CheckinTemplateId,
        phase: form.phase,
      }
    : { kind: 'prompt' as const, promptId: form.promptId };
  const end = form.end ? { end: form.end } : {};
  switch (form.repeat) {
    case 'once':
      return { ...base, content, repeat: { kind: 'once', date: form.date } };
    case 'daily':
      return { ...base, content, repeat: { kind: 'daily', start: form.start, ...end } };
    case 'weekly':
      return {
        ...base,
        content,
        repeat: {
          kind: 'weekly',
          weekdays: [...form.weekdays].sort((a, b) => a - b),
          start: form.start,
          ...end,
        },
      };
    case 'cmhw':
      return {
        ...base,
        content: { kind: 'cmhw', year: form.year, phase: form.phase },
        repeat: { kind: 'cmhw' },
      };
  }
}

/** The prompt the preview shows: the chosen one, or the CMHW programme's Monday. */
export function previewPrompt(
  form: PostForm,
  prompts: ReadonlyMap<string, Prompt>,
  weeks: readonly CmhwWeek[],
): { prompt: Prompt; cmhw?: { week: CmhwWeek; day: number } } | undefined {
  if (form.repeat !== 'cmhw') {
    const prompt = prompts.get(form.promptId);
    return prompt && { prompt };
  }
  const week = weeks.find((w) => w.year === form.year);
  const monday = week && prompts.get(week.programmes[form.phase][0] ?? '');
  return week && monday ? { prompt: monday, cmhw: { week, day: 1 } } : undefined;
}

export function toggleWeekday(weekdays: readonly number[], day: number, on: boolean): number[] {
  const rest = weekdays.filter((d) => d !== day);
  return on ? [...rest, day].sort((a, b) => a - b) : rest;
}
