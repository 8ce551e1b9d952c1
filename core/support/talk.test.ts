import { describe, expect, it } from 'vitest';
import { emptyCalendar, type SchoolCalendar } from '../schedule/calendar.js';
import {
  defaultSupportSettings,
  inSchoolHours,
  isLowAnswer,
  isOpen,
  newTalkId,
  nextEscalationAt,
  nextSchoolTime,
  pupilStateOf,
  type SchoolTime,
  type TalkRequest,
} from './talk.js';

/** Tuesday 24 November 2026 (GMT, so UTC and school time agree), school 08:30–16:00. */
const school = (calendar: SchoolCalendar = emptyCalendar()): SchoolTime => ({
  calendar,
  timeZone: 'Europe/London',
  settings: defaultSupportSettings(),
});
const at = (iso: string) => new Date(iso);

describe('inSchoolHours', () => {
  it('is true from the start of the day up to (not including) its end', () => {
    expect(inSchoolHours(at('2026-11-24T08:29:59Z'), school())).toBe(false);
    expect(inSchoolHours(at('2026-11-24T08:30:00Z'), school())).toBe(true);
    expect(inSchoolHours(at('2026-11-24T12:00:00Z'), school())).toBe(true);
    expect(inSchoolHours(at('2026-11-24T15:59:59Z'), school())).toBe(true);
    expect(inSchoolHours(at('2026-11-24T16:00:00Z'), school())).toBe(false);
  });

  it('is false at weekends, on closures and outside terms', () => {
    expect(inSchoolHours(at('2026-11-28T10:00:00Z'), school())).toBe(false); // Saturday
    expect(inSchoolHours(at('2026-11-29T10:00:00Z'), school())).toBe(false); // Sunday
    const closed = school({
      terms: [],
      closures: [{ name: 'INSET', kind: 'inset', start: '2026-11-25', end: '2026-11-25' }],
    });
    expect(inSchoolHours(at('2026-11-25T10:00:00Z'), closed)).toBe(false);
    expect(inSchoolHours(at('2026-11-26T10:00:00Z'), closed)).toBe(true);
    const termed = school({
      terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
      closures: [],
    });
    expect(inSchoolHours(at('2026-12-18T10:00:00Z'), termed)).toBe(true);
    expect(inSchoolHours(at('2026-12-21T10:00:00Z'), termed)).toBe(false);
  });

  it('reads the hours in school time, British Summer Time included', () => {
    // 08:30 BST is 07:30 UTC.
    expect(inSchoolHours(at('2026-06-10T07:29:00Z'), school())).toBe(false);
    expect(inSchoolHours(at('2026-06-10T07:30:00Z'), school())).toBe(true);
    expect(inSchoolHours(at('2026-06-10T14:59:00Z'), school())).toBe(true);
    expect(inSchoolHours(at('2026-06-10T15:00:00Z'), school())).toBe(false);
  });

  it('follows the school’s own hours', () => {
    const late = { ...school(), settings: { ...defaultSupportSettings(), dayStart: '09:15' } };
    expect(inSchoolHours(at('2026-11-24T09:00:00Z'), late)).toBe(false);
    expect(inSchoolHours(at('2026-11-24T09:15:00Z'), late)).toBe(true);
  });
});

describe('nextSchoolTime', () => {
  it('is now during school hours', () => {
    expect(nextSchoolTime(at('2026-11-24T10:00:00Z'), school())).toEqual(
      at('2026-11-24T10:00:00Z'),
    );
  });

  it('is the same morning’s start before school', () => {
    expect(nextSchoolTime(at('2026-11-24T06:45:00Z'), school())).toEqual(
      at('2026-11-24T08:30:00Z'),
    );
  });

  it('is the next morning after school', () => {
    expect(nextSchoolTime(at('2026-11-24T16:00:00Z'), school())).toEqual(
      at('2026-11-25T08:30:00Z'),
    );
    expect(nextSchoolTime(at('2026-11-24T23:59:00Z'), school())).toEqual(
      at('2026-11-25T08:30:00Z'),
    );
  });

  it('skips the weekend and closures', () => {
    expect(nextSchoolTime(at('2026-11-27T17:00:00Z'), school())).toEqual(
      at('2026-11-30T08:30:00Z'),
    );
    expect(nextSchoolTime(at('2026-11-28T10:00:00Z'), school())).toEqual(
      at('2026-11-30T08:30:00Z'),
    );
    const closed = school({
      terms: [],
      closures: [{ name: 'INSET', kind: 'inset', start: '2026-11-30', end: '2026-12-01' }],
    });
    expect(nextSchoolTime(at('2026-11-27T17:00:00Z'), closed)).toEqual(at('2026-12-02T08:30:00Z'));
  });

  it('waits for the next term over a holiday', () => {
    const terms = school({
      terms: [
        { name: 'Autumn', start: '2026-09-02', end: '2026-12-18' },
        { name: 'Spring', start: '2027-01-05', end: '2027-03-26' },
      ],
      closures: [],
    });
    expect(nextSchoolTime(at('2026-12-18T16:30:00Z'), terms)).toEqual(at('2027-01-05T08:30:00Z'));
  });
});

describe('nextEscalationAt', () => {
  it('is 15 minutes later in the middle of a school day', () => {
    expect(nextEscalationAt(at('2026-11-24T10:00:00Z'), school())).toEqual(
      at('2026-11-24T10:15:00Z'),
    );
  });

  it('pauses outside school hours and goes on at the next session', () => {
    // 10 minutes before the end of the day, 5 left next morning.
    expect(nextEscalationAt(at('2026-11-24T15:50:00Z'), school())).toEqual(
      at('2026-11-25T08:35:00Z'),
    );
    // Friday afternoon → Monday morning.
    expect(nextEscalationAt(at('2026-11-27T15:55:00Z'), school())).toEqual(
      at('2026-11-30T08:40:00Z'),
    );
    // Exactly 15 minutes before the end: the end itself is not school time.
    expect(nextEscalationAt(at('2026-11-24T15:45:00Z'), school())).toEqual(
      at('2026-11-25T08:30:00Z'),
    );
  });

  it('counts the whole wait from the next session for an alert made out of hours', () => {
    expect(nextEscalationAt(at('2026-11-24T17:00:00Z'), school())).toEqual(
      at('2026-11-25T08:45:00Z'),
    );
  });

  it('counts the whole wait from the start of school for an alert made before school', () => {
    // A worker that was down overnight alerts as soon as it is back, before school starts.
    expect(nextEscalationAt(at('2026-11-24T08:20:00Z'), school())).toEqual(
      at('2026-11-24T08:45:00Z'),
    );
    expect(nextEscalationAt(at('2026-11-24T07:00:00Z'), school())).toEqual(
      at('2026-11-24T08:45:00Z'),
    );
    expect(nextEscalationAt(at('2026-11-28T10:00:00Z'), school())).toEqual(
      at('2026-11-30T08:45:00Z'),
    );
  });

  it('skips a closure day', () => {
    const closed = school({
      terms: [],
      closures: [{ name: 'Closed', kind: 'closure', start: '2026-11-25', end: '2026-11-25' }],
    });
    expect(nextEscalationAt(at('2026-11-24T15:50:00Z'), closed)).toEqual(
      at('2026-11-26T08:35:00Z'),
    );
  });

  it('follows the school’s escalation time', () => {
    const slow = { ...school(), settings: { ...defaultSupportSettings(), escalationMinutes: 30 } };
    expect(nextEscalationAt(at('2026-11-24T10:00:00Z'), slow)).toEqual(at('2026-11-24T10:30:00Z'));
  });
});

const request = (over: Partial<TalkRequest> = {}): TalkRequest => ({
  id: 'r1',
  pupilId: 'pupil-1',
  pupilTeamsId: '29:pupil-1',
  classTeamIds: ['team-7b'],
  source: 'chat',
  locale: 'en-GB',
  status: 'new',
  createdAt: '2026-11-24T10:00:00.000Z',
  alertAt: '2026-11-24T10:00:00.000Z',
  alerts: [],
  notes: [],
  ...over,
});

describe('pupilStateOf', () => {
  const now = at('2026-11-24T11:00:00Z');

  it('is none without a request, sent until acknowledged, seen after', () => {
    expect(pupilStateOf(undefined, now)).toBe('none');
    expect(pupilStateOf(request(), now)).toBe('sent');
    expect(pupilStateOf(request({ status: 'acknowledged' }), now)).toBe('seen');
  });

  it('keeps showing a closed request as seen for a week, then forgets it', () => {
    const resolved = request({ status: 'resolved', closedAt: '2026-11-24T10:30:00.000Z' });
    expect(pupilStateOf(resolved, now)).toBe('seen');
    expect(pupilStateOf(resolved, at('2026-12-01T10:29:00Z'))).toBe('seen');
    expect(pupilStateOf(resolved, at('2026-12-01T10:30:00Z'))).toBe('none');
    expect(
      pupilStateOf(request({ status: 'referred', closedAt: '2026-11-10T10:00:00Z' }), now),
    ).toBe('none');
  });

  it('knows which statuses are open', () => {
    expect(isOpen({ status: 'new' })).toBe(true);
    expect(isOpen({ status: 'acknowledged' })).toBe(true);
    expect(isOpen({ status: 'resolved' })).toBe(false);
    expect(isOpen({ status: 'referred' })).toBe(false);
  });
});

describe('isLowAnswer', () => {
  it.each([
    [{ mood: 1 }, true],
    [{ mood: 2 }, true],
    [{ mood: 3 }, false],
    [{ mood: 5 }, false],
    [{ safe: 1 }, true],
    [{ safe: 2 }, true],
    [{ safe: 3 }, false],
    [{ connected: 2 }, true],
    [{ connected: 4 }, false],
    [{ mood: 4, safe: 5, connected: 1 }, true],
    [{ mood: 5, respected: 1, purpose: 1 }, false],
    [{}, false],
    [{ mood: undefined }, false],
  ] as const)('%o → %s', (points, low) => {
    expect(isLowAnswer(points)).toBe(low);
  });
});

describe('newTalkId', () => {
  it('sorts newer requests first and keeps the random part', () => {
    const older = newTalkId(at('2026-11-24T10:00:00Z'), () => 'aaaa');
    const newer = newTalkId(at('2026-11-24T10:00:01Z'), () => 'aaaa');
    expect(newer < older).toBe(true);
    expect(older).toMatch(/^\d{13}-aaaa$/);
    expect([older, newer].sort()).toEqual([newer, older]);
  });
});
