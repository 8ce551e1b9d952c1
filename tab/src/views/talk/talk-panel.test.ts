import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.js';
import { sendErrorKey, showsTalk, whenText } from './talk-panel.js';

describe('the pupil’s talk panel', () => {
  it('says nothing about asking through Belong unless the school can take it, or they asked', () => {
    expect(showsTalk({ offered: false, state: 'none' })).toBe(false);
    expect(showsTalk({ offered: true, state: 'none' })).toBe(true);
    expect(showsTalk({ offered: false, state: 'seen' })).toBe(true);
  });

  it('says when adults will see it, in the school’s time, in English and Welsh', () => {
    const until = { at: '2026-11-25T08:30:00Z', timeZone: 'Europe/London' };
    expect(whenText('en-GB', until)).toBe('Wednesday 25 November at 08:30');
    expect(whenText('cy', until)).toMatch(/Mercher.* 25 Tachwedd/);
  });

  it('tells the pupil to find an adult when the school cannot take requests', () => {
    expect(sendErrorKey(new ApiRequestError(409, 'conflict', 'x', ['notReady']))).toBe(
      'talk.unavailable.body',
    );
    expect(sendErrorKey(new ApiRequestError(0, 'network', 'x'))).toBe('tab.error.network');
  });
});
