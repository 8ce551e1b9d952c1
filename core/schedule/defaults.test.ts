import { describe, expect, it } from 'vitest';
import { findPrompts } from '../content/content.js';
import type { SchoolCalendar } from './calendar.js';
import {
  classKeyStage,
  keyStageOfYearGroup,
  lastChosenKeyStage,
  proposedPostDate,
  usualPostingTime,
} from './defaults.js';
import type { Schedule } from './schedule.js';

const calendar: SchoolCalendar = {
  terms: [{ name: 'Autumn 2026', start: '2026-09-01', end: '2026-12-18' }],
  closures: [{ name: 'INSET day', kind: 'inset', start: '2026-11-30', end: '2026-11-30' }],
};
const ctx = { calendar, timeZone: 'Europe/London' };

const schedule = (over: Partial<Schedule>): Schedule => ({
  id: 's',
  teamId: 't',
  channelId: 'c',
  time: '08:50',
  content: { kind: 'prompt', promptId: 'x' },
  repeat: { kind: 'once', date: '2026-11-25' },
  status: 'active',
  createdBy: 'teacher',
  createdAt: '2026-11-01T09:00:00Z',
  checkedUntil: '2026-11-01T09:00:00Z',
  ...over,
});

describe('the time proposed', () => {
  it('is 08:50 when the school has no schedules', () => {
    expect(usualPostingTime([])).toBe('08:50');
  });
  it('is the time most active schedules post at; cancelled ones do not count', () => {
    expect(
      usualPostingTime([
        schedule({ time: '09:15' }),
        schedule({ time: '09:15' }),
        schedule({ time: '08:50' }),
        schedule({ time: '13:00', status: 'cancelled' }),
        schedule({ time: '13:00', status: 'cancelled' }),
        schedule({ time: '13:00', status: 'cancelled' }),
      ]),
    ).toBe('09:15');
  });
  it('is the earlier of two equally usual times', () => {
    expect(usualPostingTime([schedule({ time: '10:00' }), schedule({ time: '09:00' })])).toBe(
      '09:00',
    );
  });
});

describe('the date proposed', () => {
  it.each([
    ['today, when the time is still ahead', '2026-11-24T08:00:00Z', '08:50', '2026-11-24'],
    ['tomorrow, once today’s time has gone', '2026-11-24T08:51:00Z', '08:50', '2026-11-25'],
    [
      'the next school day after a weekend and an INSET day',
      '2026-11-27T12:00:00Z',
      '08:50',
      '2026-12-01',
    ],
  ])('is %s', (_, now, time, date) => {
    expect(proposedPostDate(ctx, new Date(now), time)).toBe(date);
  });
  it('in British Summer Time, 08:50 is 07:50 UTC', () => {
    const summer: SchoolCalendar = {
      terms: [{ name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' }],
      closures: [],
    };
    const c = { calendar: summer, timeZone: 'Europe/London' };
    expect(proposedPostDate(c, new Date('2027-05-04T07:49:00Z'), '08:50')).toBe('2027-05-04');
    expect(proposedPostDate(c, new Date('2027-05-04T07:51:00Z'), '08:50')).toBe('2027-05-05');
  });
  it('with no school day in the coming year (no calendar yet), the next weekday', () => {
    const none = { calendar: { terms: [], closures: [] }, timeZone: 'Europe/London' };
    expect(proposedPostDate(none, new Date('2026-11-27T12:00:00Z'), '08:50')).toBe('2026-11-30');
  });
});

describe('the key stage the prompt library opens at', () => {
  it.each([
    ['R', 'KS1'],
    ['2', 'KS1'],
    ['3', 'KS2'],
    ['6', 'KS2'],
    ['7', 'KS3'],
    ['9', 'KS3'],
    ['10', 'KS4'],
    ['13', 'KS4'],
    ['none', undefined],
    [undefined, undefined],
  ])('year group %s: %s', (year, stage) => {
    expect(keyStageOfYearGroup(year)).toBe(stage);
  });

  const single = findPrompts().find((p) => p.keyStages.length === 1)!;
  it('without a year group, the teacher’s last choice here: a one-key-stage prompt, or a phase', () => {
    const mine = [
      schedule({
        createdAt: '2026-11-01T09:00:00Z',
        content: { kind: 'cmhw', year: 2027, phase: 'secondary' },
      }),
      schedule({
        createdAt: '2026-11-02T09:00:00Z',
        content: { kind: 'prompt', promptId: single.id },
      }),
      schedule({
        createdAt: '2026-11-03T09:00:00Z',
        createdBy: 'someone else',
        content: { kind: 'checkin', templateId: 'daily-mood', phase: 'secondary' },
      }),
    ];
    expect(lastChosenKeyStage(mine, 'teacher')).toBe(single.keyStages[0]);
    expect(lastChosenKeyStage(mine.slice(0, 1), 'teacher')).toBe('KS3');
    expect(lastChosenKeyStage(mine, 'nobody')).toBeUndefined();
    expect(classKeyStage(undefined, mine, 'teacher')).toBe(single.keyStages[0]);
    // The year group wins over the last choice.
    expect(classKeyStage('8', mine, 'teacher')).toBe('KS3');
  });
});
