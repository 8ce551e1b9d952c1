import { describe, expect, it } from 'vitest';
import type { SupportRequestView } from '../../../../core/api/support.js';
import { ApiRequestError } from '../../api/client.js';
import {
  actionErrorKey,
  countsOf,
  duration,
  eventText,
  filtered,
  filterLabel,
  noteProblem,
  statusSentence,
  waitText,
  when,
} from './inbox-view.js';

const request = (over: Partial<SupportRequestView> = {}): SupportRequestView => ({
  id: '8204485599999-aaaa',
  pupilName: 'Amir Hassan',
  classNames: ['Class 7B'],
  status: 'new',
  createdAt: '2026-11-24T10:00:00.000Z',
  waitedMinutes: 12,
  source: 'tab',
  notes: [],
  alerts: [],
  timeline: [],
  unreachableNames: [],
  timeZone: 'Europe/London',
  ...over,
});

describe('the inbox view', () => {
  it('filters by status and counts each', () => {
    const all = [
      request({ id: 'a' }),
      request({ id: 'b', status: 'acknowledged' }),
      request({ id: 'c', status: 'resolved' }),
      request({ id: 'd', status: 'new' }),
    ];
    expect(filtered(all, 'all').map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(filtered(all, 'new').map((r) => r.id)).toEqual(['a', 'd']);
    expect(filtered(all, 'referred')).toEqual([]);
    expect(countsOf(all)).toEqual({ all: 4, new: 2, acknowledged: 1, resolved: 1, referred: 0 });
    expect(filterLabel('en-GB', 'new', 2)).toBe('New (2)');
    expect(filterLabel('cy', 'all', 4)).toBe('Y cyfan (4)');
  });

  it('says how long a request waited, in minutes, hours or days, in English and Welsh', () => {
    expect(duration('en-GB', 1)).toBe('1 minute');
    expect(duration('en-GB', 119)).toBe('119 minutes');
    expect(duration('en-GB', 150)).toBe('2 hours');
    expect(duration('en-GB', 60 * 50)).toBe('2 days');
    expect(duration('cy', 2)).toBe('2 funud');
    expect(waitText('en-GB', request())).toBe('Waiting 12 minutes');
    expect(
      waitText(
        'en-GB',
        request({ waitedMinutes: 5, acknowledged: { byName: 'Ms Ruth Evans', at: '' } }),
      ),
    ).toBe('Waited 5 minutes');
  });

  it('shows times in the school’s time zone', () => {
    expect(when('en-GB', '2026-11-24T10:05:00Z', 'Europe/London')).toBe('Tue 24 Nov, 10:05');
    expect(when('en-GB', '2026-06-24T10:05:00Z', 'Europe/London')).toMatch(/11:05$/);
  });

  it('puts each timeline step and the status into words', () => {
    const r = request();
    expect(eventText('en-GB', { at: '', kind: 'requested' }, r)).toBe(
      'Asked to talk (The Belong tab)',
    );
    expect(
      eventText(
        'en-GB',
        { at: '', kind: 'referred', byName: 'Ms Ruth Evans', referredTo: 'camhs' },
        r,
      ),
    ).toBe('Referred on to CAMHS by Ms Ruth Evans');
    expect(eventText('cy', { at: '', kind: 'note', byName: 'Ms Ruth Evans' }, r)).toBe(
      'Nodyn gan Ms Ruth Evans',
    );
    expect(statusSentence('en-GB', r)).toBe('Nobody has acknowledged this yet.');
    expect(
      statusSentence(
        'en-GB',
        request({
          status: 'referred',
          referredTo: 'early_help',
          closed: { byName: 'Mr Owen Davies', at: '2026-11-24T10:30:00Z' },
        }),
      ),
    ).toBe('Referred on to Early help by Mr Owen Davies, Tue 24 Nov, 10:30.');
  });

  it('checks a note as the server does, and says why an action was refused', () => {
    expect(noteProblem('  ')).toBe(true);
    expect(noteProblem('x'.repeat(1_001))).toBe(true);
    expect(noteProblem(` ${'x'.repeat(1_000)} `)).toBe(false);
    expect(actionErrorKey(new ApiRequestError(409, 'conflict', 'closed', ['closed']))).toBe(
      'talk.staff.closed',
    );
    expect(actionErrorKey(new ApiRequestError(400, 'invalidInput', 'x', ['noteLength']))).toBe(
      'talk.staff.noteProblem',
    );
    expect(actionErrorKey(new ApiRequestError(403, 'forbidden', 'x'))).toBe('tab.error.forbidden');
  });
});
