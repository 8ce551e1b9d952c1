import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.js';
import type { ReminderRecord } from '../../../../core/api/rota.js';
import {
  cardStatus,
  draftProblems,
  noticesDraft,
  noticesProblems,
  noticesRequest,
  reminderHints,
  reminderStatus,
} from './notices.js';

const where = { teamId: 'team-7b', channelId: 'general' };
const record = (r: Partial<ReminderRecord>): ReminderRecord => ({
  date: '2026-11-25',
  ambassadorId: 'a1',
  status: 'queued',
  occurrenceId: 'x',
  decidedAt: '2026-11-25T08:15:00Z',
  ...r,
});

describe('the reminder settings form', () => {
  it('turns settings into a draft and back, sending null to turn the card off', () => {
    const draft = noticesDraft({ reminderTime: '08:15', locale: 'cy', todayCard: where });
    expect(draft).toEqual({ reminderTime: '08:15', locale: 'cy', cardOn: true, ...where });
    expect(noticesRequest(draft)).toEqual({
      reminderTime: '08:15',
      locale: 'cy',
      todayCard: where,
    });
    // Off keeps the choice in the draft (to turn it back on) but never sends it.
    expect(noticesRequest({ ...draft, cardOn: false })).toEqual({
      reminderTime: '08:15',
      locale: 'cy',
      todayCard: null,
    });
    expect(noticesDraft({ reminderTime: '08:15', locale: 'en-GB' })).toMatchObject({
      cardOn: false,
      teamId: '',
      channelId: '',
    });
  });

  it('asks for a team and a channel before sending a card with neither', () => {
    const draft = { reminderTime: '08:15', locale: 'en-GB' as const, cardOn: true };
    expect(draftProblems({ ...draft, teamId: 'team-7b', channelId: '' }, 'en-GB')).toEqual([
      'Please choose a class team and a channel for the card.',
    ]);
    expect(draftProblems({ ...draft, ...where }, 'en-GB')).toEqual([]);
    expect(draftProblems({ ...draft, cardOn: false, teamId: '', channelId: '' }, 'en-GB')).toEqual(
      [],
    );
  });

  it('tells a time out of range from a channel Belong is not in, though the server says rotaInvalid for both', () => {
    const refused = new ApiRequestError(400, 'invalidInput', 'x', ['rotaInvalid']);
    const body = { reminderTime: '13:00', locale: 'en-GB' as const, todayCard: where };
    expect(noticesProblems(refused, body, 'en-GB')).toEqual([
      'Please choose a reminder time between 06:00 and 12:00.',
    ]);
    expect(noticesProblems(refused, { ...body, reminderTime: '08:00' }, 'en-GB')).toEqual([
      'Please choose a channel of a class team that Belong is in.',
    ]);
    // An empty time is not even readable: a 400 without codes.
    const unreadable = new ApiRequestError(400, 'invalidInput', 'x');
    expect(noticesProblems(unreadable, { ...body, reminderTime: '' }, 'en-GB')).toEqual([
      'Please choose a reminder time between 06:00 and 12:00.',
    ]);
    expect(noticesProblems(unreadable, { ...body, reminderTime: '08:00' }, 'en-GB')).toEqual([
      'Belong could not read that. Please check every box and try again.',
    ]);
    expect(noticesProblems(refused, body, 'cy')![0]).not.toMatch(/Please/);
    // Anything else is the rota's usual words, or the usual error.
    const notCoordinator = new ApiRequestError(403, 'forbidden', 'x', ['notCoordinator']);
    expect(noticesProblems(notCoordinator, body, 'en-GB')).toEqual([
      'Only the ambassador coordinator can do this.',
    ]);
    expect(
      noticesProblems(new ApiRequestError(500, 'internal', 'x'), body, 'en-GB'),
    ).toBeUndefined();
  });
});

describe('a day’s reminders in words', () => {
  it('says sent, or not sent and why, with a hint once per reason', () => {
    expect(reminderStatus(record({}), 'en-GB')).toBe('Sent');
    const noChat = record({ status: 'skipped', reason: 'noPersonalChat' });
    expect(reminderStatus(noChat, 'en-GB')).toBe(
      'Not sent: has not opened Belong in Teams yet, so the bot can’t message them.',
    );
    expect(reminderStatus(record({ status: 'skipped', reason: 'missed' }), 'en-GB')).toBe(
      'Not sent: Belong was not running at the reminder time.',
    );
    expect(reminderStatus(noChat, 'cy')).toMatch(/^Heb ei anfon: /);
    // A reason from a newer server still gets words.
    expect(
      reminderStatus(record({ status: 'skipped', reason: 'somethingNew' as never }), 'en-GB'),
    ).toBe('Not sent: Belong could not send it.');

    const card = record({ ambassadorId: undefined, status: 'skipped', reason: 'channelGone' });
    expect(cardStatus(card, 'en-GB')).toBe(
      'Not posted: the channel is gone, or Belong was taken out of the team.',
    );
    expect(cardStatus(record({ ambassadorId: undefined }), 'en-GB')).toBe('Posted');

    expect(reminderHints([noChat, noChat, record({}), card, undefined], 'en-GB')).toEqual([
      'Ask them to open Belong in Teams and say hello to it. After that their reminders will reach them.',
      'Choose another channel above, or add Belong to the team again.',
    ]);
    expect(reminderHints([record({})], 'en-GB')).toEqual([]);
  });
});
