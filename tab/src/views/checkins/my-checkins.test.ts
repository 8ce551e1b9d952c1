import { describe, expect, it } from 'vitest';
import type { MyCheckin } from '../../../../core/api/checkins.js';
import { myCheckinsView } from './my-checkins.js';

const mood: MyCheckin = {
  checkinId: 'a',
  teamId: 'team-7b',
  teamName: 'Class 7B',
  templateId: 'daily-mood',
  phase: 'primary',
  date: '2026-11-23',
  open: false,
  answer: { points: { mood: 4 }, skipped: false },
};
const pulse: MyCheckin = {
  checkinId: 'b',
  teamId: 'team-7b',
  teamName: 'Class 7B',
  templateId: 'belonging-pulse',
  phase: 'secondary',
  date: '2026-11-24',
  open: true,
  answer: { points: { connected: 5, safe: 2 }, skipped: false },
};
const skipped: MyCheckin = {
  ...mood,
  checkinId: 'c',
  date: '2026-11-20',
  answer: { points: {}, skipped: true },
};

describe('myCheckinsView', () => {
  const view = myCheckinsView([mood, skipped, pulse], 'en-GB');

  it('is newest first, with the date and class', () => {
    expect(view.map((v) => v.checkinId)).toEqual(['b', 'a', 'c']);
    expect(view[1]!.when).toMatch(/^Monday,? 23 November 2026, Class 7B$/);
  });

  it('shows each question in the pupil’s words with the face or scale word they chose', () => {
    expect(view[1]!.answers).toEqual([
      { questionId: 'mood', question: 'How do you feel today?', answer: '🙂 Good', answered: true },
    ]);
    const [connected, safe, respected] = view[0]!.answers;
    expect(connected).toMatchObject({
      question: 'I feel connected to people at school and included by them.',
      answer: 'Strongly agree',
    });
    expect(safe?.answer).toBe('Disagree');
    expect(respected).toMatchObject({ answer: 'You did not answer this one.', answered: false });
    expect(view[0]!.open).toBe(true);
  });

  it('says a skipped check-in was skipped, with no answers', () => {
    expect(view[2]).toMatchObject({ skipped: true, answers: [] });
  });

  it('speaks Welsh', () => {
    const [cy] = myCheckinsView([mood], 'cy');
    expect(cy!.answers[0]!.question).toBe('Sut wyt ti’n teimlo heddiw?');
    expect(cy!.title).not.toBe(myCheckinsView([mood], 'en-GB')[0]!.title);
  });
});
