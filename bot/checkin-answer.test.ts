import { describe, expect, it } from 'vitest';
import { isBelongError } from '../core/errors.js';
import { checkinAnswerData, readCardAnswer } from './checkin-answer.js';

describe("the check-in card's answer data", () => {
  it('reads a tapped face, a form with a blank question, and a skip', () => {
    expect(readCardAnswer({ checkinId: 'c1', verb: 'checkin.answer', 'q.mood': '1' })).toEqual({
      points: { mood: 1 },
      skipped: false,
    });
    expect(readCardAnswer({ checkinId: 'c1', 'q.safe': '5', 'q.purpose': '' })).toEqual({
      points: { safe: 5 },
      skipped: false,
    });
    expect(readCardAnswer({ checkinId: 'c1', 'q.safe': 4 })).toEqual({
      points: { safe: 4 },
      skipped: false,
    });
    expect(readCardAnswer({ checkinId: 'c1', skip: true })).toEqual({ points: {}, skipped: true });
    expect(readCardAnswer({ checkinId: 'c1', skip: 'true' })).toEqual({
      points: {},
      skipped: true,
    });
    // Nothing chosen is an answer core refuses as noAnswer, not malformed data.
    expect(readCardAnswer({ checkinId: 'c1', 'q.safe': '' })).toEqual({
      points: {},
      skipped: false,
    });
  });

  it('keeps the check-in id with the answer', () => {
    expect(checkinAnswerData.parse({ checkinId: 'c1', 'q.mood': '3' }).checkinId).toBe('c1');
  });

  it('refuses what the card never sends, as invalidInput', () => {
    const bad: unknown[] = [
      { checkinId: 'c1', 'q.safe': '6' },
      { checkinId: 'c1', 'q.safe': '0' },
      { checkinId: 'c1', 'q.safe': '2.5' },
      { checkinId: 'c1', 'q.safe': 2.5 },
      { checkinId: 'c1', 'q.safe': ['3'] },
      { checkinId: 'c1', skip: 'yes' },
      { checkinId: 'c1', skip: false },
      { checkinId: 'c1', extra: 'x' },
      { checkinId: 'c1', 'q.': '3' },
      { 'q.mood': '3' },
      { checkinId: '', 'q.mood': '3' },
      'q.mood=3',
      null,
    ];
    for (const data of bad) {
      const error = (() => {
        try {
          readCardAnswer(data);
        } catch (e) {
          return e;
        }
      })();
      expect(isBelongError(error, 'invalidInput'), JSON.stringify(data)).toBe(true);
    }
  });
});
