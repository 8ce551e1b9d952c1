import { describe, expect, it } from 'vitest';
import { cmhwProgramme, promptLibrary } from '../content/content.js';
import { likelyCmhwWeek } from '../content/cmhw-plan.js';
import { isBelongError } from '../errors.js';
import { emptyCalendar, type SchoolCalendar } from './calendar.js';
import {
  checkinTemplateOf,
  checkSchedule,
  postsBetween,
  upcomingPosts,
  type CheckContext,
  type ScheduleInput,
} from './schedule.js';
import { instantOf } from '../dates.js';

const london = 'Europe/London';
const promptId = promptLibrary()[0]!.id;
const ctx = { calendar: emptyCalendar(), timeZone: london };
const daily = (start: string, end?: string): ScheduleInput & { id: string } => ({
  id: 's1',
  teamId: 'team',
  channelId: 'general',
  time: '08:50',
  content: { kind: 'prompt', promptId },
  repeat: { kind: 'daily', start, ...(end ? { end } : {}) },
});
const iso = (d: Date) => d.toISOString();

describe('school-local time across the 2026 clock changes (Europe/London)', () => {
  it('posts at 08:50 school time on both sides of the spring change (29 March)', () => {
    const posts = postsBetween(
      daily('2026-03-26', '2026-03-31'),
      ctx,
      new Date('2026-03-25T00:00:00Z'),
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(posts.map((p) => [p.date, iso(p.at)])).toEqual([
      ['2026-03-26', '2026-03-26T08:50:00.000Z'], // GMT
      ['2026-03-27', '2026-03-27T08:50:00.000Z'],
      ['2026-03-30', '2026-03-30T07:50:00.000Z'], // BST: an hour earlier in UTC
      ['2026-03-31', '2026-03-31T07:50:00.000Z'],
    ]);
  });

  it('posts at 08:50 school time on both sides of the autumn change (25 October)', () => {
    const posts = postsBetween(
      daily('2026-10-22', '2026-10-27'),
      ctx,
      new Date('2026-10-21T00:00:00Z'),
      new Date('2026-10-28T00:00:00Z'),
    );
    expect(posts.map((p) => [p.date, iso(p.at)])).toEqual([
      ['2026-10-22', '2026-10-22T07:50:00.000Z'], // BST
      ['2026-10-23', '2026-10-23T07:50:00.000Z'],
      ['2026-10-26', '2026-10-26T08:50:00.000Z'], // GMT
      ['2026-10-27', '2026-10-27T08:50:00.000Z'],
    ]);
  });

  it('moves a time that does not exist forward, and takes the first of a time that happens twice', () => {
    expect(iso(instantOf('2026-03-29', '01:30', london))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(instantOf('2026-10-25', '01:30', london))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('honours another school time zone', () => {
    const posts = postsBetween(
      daily('2026-07-01', '2026-07-01'),
      { calendar: emptyCalendar(), timeZone: 'America/New_York' },
      new Date('2026-06-30T00:00:00Z'),
      new Date('2026-07-02T00:00:00Z'),
    );
    expect(posts.map((p) => iso(p.at))).toEqual(['2026-07-01T12:50:00.000Z']);
  });
});

describe('planning posts', () => {
  const calendar: SchoolCalendar = {
    terms: [{ name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' }],
    closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-27', end: '2026-11-27' }],
  };
  const withCalendar = { calendar, timeZone: london };

  it('skips INSET days and weekends for school-day schedules', () => {
    const posts = upcomingPosts(
      daily('2026-11-25', '2026-12-01'),
      withCalendar,
      new Date('2026-11-24T12:00:00Z'),
      10,
    );
    expect(posts.map((p) => p.date)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it('stops at the end of term when there is no end date', () => {
    const posts = upcomingPosts(
      daily('2026-12-16'),
      withCalendar,
      new Date('2026-12-15T12:00:00Z'),
      10,
    );
    expect(posts.map((p) => p.date)).toEqual(['2026-12-16', '2026-12-17', '2026-12-18']);
  });

  it('posts weekly on the chosen weekdays only', () => {
    const weekly: ScheduleInput & { id: string } = {
      ...daily('2026-11-23'),
      repeat: { kind: 'weekly', weekdays: [1, 3], start: '2026-11-23', end: '2026-12-04' },
    };
    expect(
      upcomingPosts(weekly, withCalendar, new Date('2026-11-22T00:00:00Z'), 10).map((p) => p.date),
    ).toEqual(['2026-11-23', '2026-11-25', '2026-11-30', '2026-12-02']);
  });

  it('runs the CMHW 2026 programme Monday to Friday, one prompt a day', () => {
    const cmhw: ScheduleInput & { id: string } = {
      ...daily('2026-02-09'),
      content: { kind: 'cmhw', year: 2026, phase: 'primary' },
      repeat: { kind: 'cmhw' },
    };
    const posts = upcomingPosts(cmhw, ctx, new Date('2026-02-01T00:00:00Z'), 10);
    expect(posts.map((p) => p.date)).toEqual([
      '2026-02-09',
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-13',
    ]);
    expect(posts.map((p) => p.promptId)).toEqual(cmhwProgramme(2026, 'primary').map((p) => p.id));
  });

  it('runs CMHW 2027 before Place2Be publishes it: its likely week, the days drawn from the library', () => {
    const cmhw: ScheduleInput & { id: string } = {
      ...daily('2027-02-01'),
      content: { kind: 'cmhw', year: 2027, phase: 'secondary' },
      repeat: { kind: 'cmhw' },
    };
    const posts = upcomingPosts(cmhw, ctx, new Date('2026-12-07T12:00:00Z'), 10);
    expect(posts.map((p) => p.date)).toEqual([
      '2027-02-01',
      '2027-02-02',
      '2027-02-03',
      '2027-02-04',
      '2027-02-05',
    ]);
    expect(posts.map((p) => p.promptId)).toEqual(likelyCmhwWeek(2027).programmes.secondary);
    // On the school's own Monday.
    const moved = upcomingPosts(
      { ...cmhw, content: { ...cmhw.content, startDate: '2027-01-25' } as typeof cmhw.content },
      ctx,
      new Date('2026-12-07T12:00:00Z'),
      10,
    );
    expect(moved.map((p) => p.date)).toEqual([
      '2027-01-25',
      '2027-01-26',
      '2027-01-27',
      '2027-01-28',
      '2027-01-29',
    ]);
  });

  it('plans a daily check-in on school days, posting the check-in rather than a prompt', () => {
    const posts = upcomingPosts(
      {
        ...daily('2026-11-25', '2026-11-30'),
        content: { kind: 'checkin', templateId: 'daily-mood', phase: 'primary' },
      },
      withCalendar,
      new Date('2026-11-24T12:00:00Z'),
      10,
    );
    expect(posts.map((p) => [p.date, p.promptId])).toEqual([
      ['2026-11-25', 'checkin:daily-mood'],
      ['2026-11-26', 'checkin:daily-mood'],
      ['2026-11-30', 'checkin:daily-mood'],
    ]);
    expect(checkinTemplateOf(posts[0]!.promptId)).toBe('daily-mood');
    expect(checkinTemplateOf(promptId)).toBeUndefined();
    expect(checkinTemplateOf('checkin:quiz')).toBeUndefined();
  });

  it('gives every post its own stable occurrence id', () => {
    const a = upcomingPosts(daily('2026-11-25'), ctx, new Date('2026-11-24T12:00:00Z'), 3);
    const b = upcomingPosts(daily('2026-11-25'), ctx, new Date('2026-11-24T12:00:00Z'), 3);
    expect(a.map((p) => p.occurrenceId)).toEqual(b.map((p) => p.occurrenceId));
    expect(new Set(a.map((p) => p.occurrenceId)).size).toBe(3);
  });
});

describe('checking what a teacher asked for', () => {
  const check: CheckContext = {
    ...ctx,
    now: new Date('2026-11-24T12:00:00Z'),
    channels: [{ id: 'general' }, { id: 'wellbeing' }],
  };
  const problemsOf = (input: ScheduleInput) => {
    try {
      checkSchedule(input, check);
      return [];
    } catch (e) {
      if (!isBelongError(e, 'invalidInput')) throw e;
      return [...(e.problems ?? [])];
    }
  };
  const base = daily('2026-11-25');

  it('accepts a sensible schedule', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it('accepts CMHW 2027 in December 2026, and names a bad Monday or theme', () => {
    const cmhw = (extra: object): ScheduleInput => ({
      ...base,
      content: { kind: 'cmhw', year: 2027, phase: 'primary', ...extra },
      repeat: { kind: 'cmhw' },
    });
    expect(problemsOf(cmhw({}))).toEqual([]);
    expect(problemsOf(cmhw({ startDate: '2027-02-09', theme: 'Our place' }))).toEqual([
      'cmhwStart',
    ]);
    expect(problemsOf(cmhw({ theme: 'x'.repeat(81) }))).toEqual(['cmhwTheme']);
    // 2026 is over, and a year before the data was never Belong's.
    expect(
      problemsOf({ ...cmhw({}), content: { kind: 'cmhw', year: 2026, phase: 'primary' } }),
    ).toEqual(['cmhwOver']);
    expect(
      problemsOf({ ...cmhw({}), content: { kind: 'cmhw', year: 2019, phase: 'primary' } }),
    ).toEqual(['cmhwUnknown']);
  });

  it('accepts a check-in, and names an unknown one or a check-in run as a CMHW week', () => {
    const checkin = { kind: 'checkin', templateId: 'belonging-pulse', phase: 'secondary' } as const;
    expect(problemsOf({ ...base, content: checkin })).toEqual([]);
    expect(
      problemsOf({ ...base, content: { ...checkin, templateId: 'quiz' as 'daily-mood' } }),
    ).toEqual(['checkinUnknown']);
    expect(problemsOf({ ...base, content: checkin, repeat: { kind: 'cmhw' } })).toEqual([
      'cmhwRepeat',
    ]);
  });

  it.each<[string, ScheduleInput, string[]]>([
    ['a past one-off', { ...base, repeat: { kind: 'once', date: '2026-11-24' } }, ['timePassed']],
    ['a past start', { ...base, repeat: { kind: 'daily', start: '2026-11-01' } }, ['startPassed']],
    [
      'an end before the start',
      { ...base, repeat: { kind: 'daily', start: '2026-12-01', end: '2026-11-30' } },
      ['endBeforeStart'],
    ],
    [
      'an absurd repeat',
      { ...base, repeat: { kind: 'daily', start: '2026-12-01', end: '2031-12-01' } },
      ['repeatTooLong'],
    ],
    ['an unknown channel', { ...base, channelId: 'random' }, ['channelUnknown']],
    ['a time at night', { ...base, time: '02:00' }, ['timeRange']],
    ['a time that is not a time', { ...base, time: '8.50am' }, ['timeFormat']],
    [
      'no weekdays',
      { ...base, repeat: { kind: 'weekly', weekdays: [], start: '2026-11-25' } },
      ['weekdaysEmpty'],
    ],
    [
      'Saturdays',
      { ...base, repeat: { kind: 'weekly', weekdays: [6], start: '2026-11-25' } },
      ['weekdaysWeekend'],
    ],
    [
      'a date that does not exist',
      { ...base, repeat: { kind: 'once', date: '2026-02-30' } },
      ['dateInvalid'],
    ],
    [
      'an unknown prompt',
      { ...base, content: { kind: 'prompt', promptId: 'nope' } },
      ['promptUnknown'],
    ],
    [
      'a CMHW week that is over',
      {
        ...base,
        content: { kind: 'cmhw', year: 2026, phase: 'primary' },
        repeat: { kind: 'cmhw' },
      },
      ['cmhwOver'],
    ],
    [
      'a CMHW week Belong does not know (Place2Be has not published it and it is years away)',
      {
        ...base,
        content: { kind: 'cmhw', year: 2031, phase: 'primary' },
        repeat: { kind: 'cmhw' },
      },
      ['cmhwUnknown'],
    ],
    [
      'a weekend-only range',
      { ...base, repeat: { kind: 'daily', start: '2026-11-28', end: '2026-11-29' } },
      ['noSchoolDays'],
    ],
  ])('refuses %s', (_name, input, problems) => {
    expect(problemsOf(input)).toEqual(problems);
  });

  it('names several problems at once', () => {
    expect(problemsOf({ ...base, channelId: 'x', time: '23:30' })).toEqual([
      'channelUnknown',
      'timeRange',
    ]);
  });
});
