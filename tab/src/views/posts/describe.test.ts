import { describe, expect, it } from 'vitest';
import type {
  OccurrenceProgress,
  Prompt,
  Schedule,
  ScheduleView,
} from '../../../../core/api/connect.js';
import {
  describeWhat,
  describeWhen,
  groupUpcoming,
  indexPrompts,
  joinAnd,
  progressStatus,
  skippedKey,
} from './describe.js';

const prompt: Prompt = {
  id: 'kind-words',
  theme: 'kindness',
  keyStages: ['KS2'],
  format: 'discussion',
  minutes: 5,
  text: { 'en-GB': 'Who was kind to you today?', cy: 'Pwy oedd yn garedig wrthoch chi heddiw?' },
};
const prompts = indexPrompts([prompt]);

describe('describeWhat', () => {
  it('gives the prompt in the reader’s language', () => {
    const schedule = { content: { kind: 'prompt' as const, promptId: 'kind-words' } };
    expect(describeWhat(schedule, prompts, 'en-GB')).toBe('Who was kind to you today?');
    expect(describeWhat(schedule, prompts, 'cy')).toBe('Pwy oedd yn garedig wrthoch chi heddiw?');
  });

  it('names a CMHW programme by year and phase', () => {
    const schedule = { content: { kind: 'cmhw' as const, year: 2026, phase: 'primary' as const } };
    expect(describeWhat(schedule, prompts, 'en-GB')).toBe('CMHW 2026 · Primary');
    expect(describeWhat(schedule, prompts, 'cy')).toBe('CMHW 2026 · Cynradd');
  });

  it('copes with a prompt that left the library', () => {
    const schedule = { content: { kind: 'prompt' as const, promptId: 'gone' } };
    expect(describeWhat(schedule, prompts, 'en-GB')).toBe('A prompt that is no longer in Belong');
  });
});

describe('describeWhen', () => {
  const content = { kind: 'prompt' as const, promptId: 'kind-words' };
  const when = (repeat: Schedule['repeat'], locale: 'en-GB' | 'cy' = 'en-GB') =>
    describeWhen({ repeat, time: '08:50', content }, locale);

  it('says a one-off’s day and time', () => {
    expect(when({ kind: 'once', date: '2026-11-25' })).toMatch(
      /^Once, on Wednesday,? 25 November 2026 at 08:50$/,
    );
  });

  it('says every school day, with and without an end', () => {
    expect(when({ kind: 'daily', start: '2026-11-25' })).toMatch(
      /^Every school day at 08:50, from Wednesday,? 25 November 2026$/,
    );
    expect(when({ kind: 'daily', start: '2026-11-25', end: '2026-12-18' })).toMatch(
      /to Friday,? 18 December 2026$/,
    );
  });

  it('names the weekdays in order', () => {
    expect(when({ kind: 'weekly', weekdays: [3, 1], start: '2026-11-25' })).toMatch(
      /^Every Monday and Wednesday at 08:50, from Wednesday/,
    );
    expect(when({ kind: 'weekly', weekdays: [5, 1, 3], start: '2026-11-25' })).toMatch(
      /^Every Monday, Wednesday and Friday at/,
    );
    expect(when({ kind: 'weekly', weekdays: [1, 3], start: '2026-11-25' }, 'cy')).toMatch(
      /^Bob Dydd Llun a Dydd Mercher am 08:50, o /,
    );
  });

  it('says a CMHW week', () => {
    expect(
      describeWhen(
        {
          repeat: { kind: 'cmhw' },
          time: '09:00',
          content: { kind: 'cmhw', year: 2027, phase: 'secondary' },
        },
        'en-GB',
      ),
    ).toBe('Each school day of Children’s Mental Health Week 2027 at 09:00');
  });
});

describe('joinAnd', () => {
  it('joins like a person would', () => {
    expect(joinAnd('en-GB', [])).toBe('');
    expect(joinAnd('en-GB', ['a'])).toBe('a');
    expect(joinAnd('en-GB', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinAnd('cy', ['a', 'b'])).toBe('a a b');
  });
});

describe('groupUpcoming', () => {
  const view = (id: string, time: string, channelName: string, dates: string[]): ScheduleView =>
    ({
      schedule: { id, time } as Schedule,
      channelName,
      upcoming: dates.map((date) => ({
        date,
        at: `${date}T${time}:00.000Z`,
        promptId: 'kind-words',
        occurrenceId: `${id}@${date}`,
      })),
      recent: [],
    }) as ScheduleView;

  it('puts every schedule’s posts on one agenda, by date then time', () => {
    const days = groupUpcoming([
      view('a', '09:00', 'General', ['2026-11-25', '2026-11-30']),
      view('b', '08:50', 'Wellbeing', ['2026-11-26', '2026-11-25']),
    ]);
    expect(days.map((d) => [d.date, d.posts.map((p) => `${p.time} ${p.channelName}`)])).toEqual([
      ['2026-11-25', ['08:50 Wellbeing', '09:00 General']],
      ['2026-11-26', ['08:50 Wellbeing']],
      ['2026-11-30', ['09:00 General']],
    ]);
  });

  it('is empty with nothing coming up', () => {
    expect(groupUpcoming([view('a', '09:00', 'General', [])])).toEqual([]);
  });
});

describe('post status', () => {
  const progress = (over: Partial<OccurrenceProgress>): OccurrenceProgress => ({
    occurrenceId: 'o',
    label: 'x',
    total: 1,
    counts: { pending: 0, sending: 0, sent: 0, failed: 0, removed: 0 },
    done: 0,
    finished: false,
    removedTargets: [],
    failures: [],
    ...over,
  });

  it('says why a post was skipped', () => {
    expect(skippedKey('missed')).toBe('tab.connect.skipped.missed');
    expect(skippedKey('teamRemoved')).toBe('tab.connect.skipped.teamRemoved');
    expect(skippedKey('channelGone')).toBe('tab.connect.skipped.channelGone');
    expect(skippedKey('safeguardingNotReady')).toBe('tab.connect.skipped.safeguardingNotReady');
    expect(skippedKey(undefined)).toBe('tab.connect.skipped.other');
  });

  it('follows a queued post’s delivery', () => {
    expect(
      progressStatus(
        progress({ counts: { pending: 1, sending: 0, sent: 0, failed: 0, removed: 0 } }),
      ).key,
    ).toBe('tab.connect.progress.waiting');
    expect(
      progressStatus(
        progress({ counts: { pending: 0, sending: 1, sent: 0, failed: 0, removed: 0 } }),
      ).key,
    ).toBe('tab.connect.progress.sending');
    expect(
      progressStatus(
        progress({
          counts: { pending: 0, sending: 0, sent: 1, failed: 0, removed: 0 },
          done: 1,
          finished: true,
        }),
      ),
    ).toEqual({ key: 'tab.connect.progress.posted', tone: 'success' });
    expect(
      progressStatus(
        progress({
          counts: { pending: 0, sending: 0, sent: 0, failed: 0, removed: 1 },
          done: 1,
          finished: true,
          removedTargets: ['19:c'],
        }),
      ),
    ).toEqual({ key: 'tab.connect.progress.removed', tone: 'danger' });
    expect(
      progressStatus(
        progress({
          counts: { pending: 0, sending: 0, sent: 0, failed: 1, removed: 0 },
          done: 1,
          finished: true,
          failures: [{ targetKey: '19:c', reason: 'http_400' }],
        }),
      ).key,
    ).toBe('tab.connect.progress.failed');
  });
});
