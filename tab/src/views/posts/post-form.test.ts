import { describe, expect, it } from 'vitest';
import type {
  CmhwWeek,
  CreateScheduleRequest,
  Prompt,
  Schedule,
} from '../../../../core/api/connect.js';
import {
  filterPrompts,
  formFromSchedule,
  formProblems,
  initialPostForm,
  previewPrompt,
  postKindOf,
  promptFilters,
  repeatChoicesFor,
  scheduleRequest,
  withPostKind,
  toggleWeekday,
  type PostForm,
} from './post-form.js';

const prompt = (id: string, theme: Prompt['theme'], keyStages: Prompt['keyStages']): Prompt => ({
  id,
  theme,
  keyStages,
  format: 'discussion',
  minutes: 5,
  text: { 'en-GB': id, cy: id },
});
const library = [
  prompt('a', 'kindness', ['KS1', 'KS2']),
  prompt('b', 'trust', ['KS3']),
  prompt('c', 'kindness', ['KS4']),
];
const week: CmhwWeek = {
  year: 2027,
  theme: { 'en-GB': 'T', cy: 'T' },
  startDate: '2027-02-08',
  endDate: '2027-02-14',
  programmes: { primary: ['a', 'b', 'c', 'a', 'b'], secondary: ['c', 'b', 'a', 'c', 'b'] },
};
const channels = [
  { id: '19:w', name: 'Wellbeing' },
  { id: '19:g', name: 'General' },
];
const form = (over: Partial<PostForm> = {}): PostForm => ({
  ...initialPostForm({ today: '2026-11-24', locale: 'en-GB', channels, openWeeks: [week] }),
  promptId: 'a',
  ...over,
});

describe('initialPostForm', () => {
  it('starts at 08:50 in General, one-off tomorrow, repeats from today', () => {
    const f = initialPostForm({ today: '2026-11-24', locale: 'cy', channels, openWeeks: [] });
    expect(f).toMatchObject({
      repeat: 'once',
      time: '08:50',
      channelId: '19:g',
      date: '2026-11-25',
      start: '2026-11-24',
      end: '',
      year: 0,
      locale: 'cy',
    });
  });
});

describe('prompt picker', () => {
  it('offers the themes and key stages the library uses', () => {
    expect(promptFilters(library)).toEqual({
      themes: ['kindness', 'trust'],
      keyStages: ['KS1', 'KS2', 'KS3', 'KS4'],
    });
  });

  it('filters by theme and key stage', () => {
    expect(filterPrompts(library, { theme: '', keyStage: '' }).map((p) => p.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(filterPrompts(library, { theme: 'kindness', keyStage: '' }).map((p) => p.id)).toEqual([
      'a',
      'c',
    ]);
    expect(filterPrompts(library, { theme: 'kindness', keyStage: 'KS4' }).map((p) => p.id)).toEqual(
      ['c'],
    );
  });
});

describe('scheduleRequest', () => {
  it('makes a one-off', () => {
    expect(scheduleRequest(form())).toEqual({
      channelId: '19:g',
      time: '08:50',
      locale: 'en-GB',
      content: { kind: 'prompt', promptId: 'a' },
      repeat: { kind: 'once', date: '2026-11-25' },
    });
  });

  it('makes daily and weekly repeats, with the end only when given', () => {
    expect(scheduleRequest(form({ repeat: 'daily' })).repeat).toEqual({
      kind: 'daily',
      start: '2026-11-24',
    });
    expect(
      scheduleRequest(form({ repeat: 'weekly', weekdays: [3, 1], end: '2026-12-18' })).repeat,
    ).toEqual({ kind: 'weekly', weekdays: [1, 3], start: '2026-11-24', end: '2026-12-18' });
  });

  it('makes a CMHW week for the chosen year and phase', () => {
    const request = scheduleRequest(form({ repeat: 'cmhw', phase: 'secondary' }));
    expect(request.content).toEqual({ kind: 'cmhw', year: 2027, phase: 'secondary' });
    expect(request.repeat).toEqual({ kind: 'cmhw' });
  });
});

describe('formProblems', () => {
  it('asks for a prompt, or says there is no CMHW week to plan', () => {
    expect(formProblems(form())).toEqual([]);
    expect(formProblems(form({ promptId: '' }))).toEqual(['tab.connect.form.needPrompt']);
    expect(formProblems(form({ repeat: 'cmhw', promptId: '' }))).toEqual([]);
    expect(formProblems(form({ repeat: 'cmhw', year: 0 }))).toEqual(['tab.connect.cmhw.none']);
  });
});

describe('previewPrompt', () => {
  const index = new Map(library.map((p) => [p.id, p]));
  it('previews the chosen prompt, or the CMHW programme’s Monday', () => {
    expect(previewPrompt(form(), index, [week])?.prompt.id).toBe('a');
    expect(previewPrompt(form({ promptId: '' }), index, [week])).toBeUndefined();
    expect(previewPrompt(form({ repeat: 'cmhw', phase: 'secondary' }), index, [week])).toEqual({
      prompt: library[2],
      cmhw: { week, day: 1 },
    });
    expect(previewPrompt(form({ repeat: 'cmhw', year: 0 }), index, [week])).toBeUndefined();
  });
});

describe('toggleWeekday', () => {
  it('keeps the days in order without repeats', () => {
    expect(toggleWeekday([1], 3, true)).toEqual([1, 3]);
    expect(toggleWeekday([1, 3], 3, true)).toEqual([1, 3]);
    expect(toggleWeekday([1, 3], 1, false)).toEqual([3]);
  });
});

describe('formFromSchedule', () => {
  it.each<CreateScheduleRequest>([
    {
      channelId: '19:w',
      time: '09:15',
      locale: 'cy',
      content: { kind: 'prompt', promptId: 'b' },
      repeat: { kind: 'once', date: '2026-12-01' },
    },
    {
      channelId: '19:g',
      time: '08:50',
      locale: 'en-GB',
      content: { kind: 'prompt', promptId: 'a' },
      repeat: { kind: 'daily', start: '2026-11-25', end: '2026-12-18' },
    },
    {
      channelId: '19:g',
      time: '08:50',
      locale: 'en-GB',
      content: { kind: 'prompt', promptId: 'c' },
      repeat: { kind: 'weekly', weekdays: [2, 4], start: '2026-11-25' },
    },
    {
      channelId: '19:g',
      time: '10:00',
      locale: 'en-GB',
      content: { kind: 'cmhw', year: 2027, phase: 'secondary' },
      repeat: { kind: 'cmhw' },
    },
  ])(
    'fills the form so that saving it unchanged sends the same schedule ($repeat.kind)',
    (input) => {
      const schedule = {
        ...input,
        id: 's',
        teamId: 't',
        status: 'active',
        createdBy: 'u',
        createdAt: '',
        checkedUntil: '',
      } as Schedule;
      expect(scheduleRequest(formFromSchedule(schedule, form()))).toEqual(input);
    },
  );
});

describe('what to post: a prompt or a check-in', () => {
  it('a check-in starts as the daily mood, never the CMHW programme, and back again', () => {
    const cmhw = form({ repeat: 'cmhw' });
    expect(postKindOf(cmhw)).toBe('prompt');
    const checkin = withPostKind(cmhw, 'checkin');
    expect(checkin).toMatchObject({ checkinTemplateId: 'daily-mood', repeat: 'once' });
    expect(postKindOf(checkin)).toBe('checkin');
    expect(repeatChoicesFor('checkin')).toEqual(['once', 'daily', 'weekly']);
    expect(repeatChoicesFor('prompt')).toContain('cmhw');
    const weekly = withPostKind(
      form({ repeat: 'weekly', checkinTemplateId: 'termly-belonging' }),
      'checkin',
    );
    expect(weekly).toMatchObject({ checkinTemplateId: 'termly-belonging', repeat: 'weekly' });
    const back = withPostKind(checkin, 'prompt');
    expect(back.checkinTemplateId).toBe('');
    expect(scheduleRequest(back).content).toEqual({ kind: 'prompt', promptId: 'a' });
  });

  it('a check-in is scheduled as a check-in with its wording', () => {
    const body = scheduleRequest(
      withPostKind(form({ phase: 'secondary', promptId: '' }), 'checkin'),
    );
    expect(body.content).toEqual({ kind: 'checkin', templateId: 'daily-mood', phase: 'secondary' });
    expect(formProblems(withPostKind(form({ promptId: '' }), 'checkin'))).toEqual([]);
  });
});
