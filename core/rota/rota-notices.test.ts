import { describe, expect, it } from 'vitest';
import { cyRotaNotify } from '../i18n/cy/rota-notify.js';
import { enGBRotaNotify } from '../i18n/en-GB/rota-notify.js';
import type { Message } from '../i18n/index.js';
import {
  isReminderTime,
  noticeAudience,
  noticeEventOf,
  reminderOccurrenceId,
  remindersOf,
} from './rota-notices.js';
import type { DutyView } from './views.js';
import type { SwapRequest } from './rota-store.js';

const placeholders = (m: Message) =>
  [
    ...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? []),
  ].sort();

describe('rotaNotify strings', () => {
  it('Welsh covers every English key, with the same placeholders, and nothing empty', () => {
    expect(Object.keys(cyRotaNotify).sort()).toEqual(Object.keys(enGBRotaNotify).sort());
    for (const [key, message] of Object.entries(enGBRotaNotify) as [string, Message][]) {
      expect(key.startsWith('rotaNotify.'), key).toBe(true);
      const welsh = (cyRotaNotify as Record<string, Message>)[key]!;
      expect(placeholders(welsh), key).toEqual(placeholders(message));
      for (const text of typeof welsh === 'string' ? [welsh] : Object.values(welsh))
        expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });
});

const request = (over: Partial<SwapRequest>): SwapRequest => ({
  id: 'r1',
  kind: 'cover',
  dutyDate: '2026-11-25',
  slotId: 'lunch-3',
  requesterId: 'a',
  status: 'open',
  createdAt: '',
  updatedAt: '',
  history: [],
  ...over,
});

describe('swap and cover notices', () => {
  it('are about acceptances, approvals and declines only', () => {
    expect(noticeEventOf(request({ status: 'open' }))).toBeUndefined();
    expect(noticeEventOf(request({ status: 'cancelled' }))).toBeUndefined();
    expect(noticeEventOf(request({ status: 'accepted', acceptorId: 'b' }))).toBe('accepted');
    expect(noticeEventOf(request({ status: 'approved', acceptorId: 'b' }))).toBe('approved');
    expect(noticeEventOf(request({ status: 'declined' }))).toBe('declined');
  });

  it('go to the requester and the acceptor, and to coordinators only when their OK is needed', () => {
    const accepted = request({ status: 'accepted', acceptorId: 'b' });
    expect(noticeAudience(accepted, 'accepted', ['c', 'b'])).toEqual([
      { userId: 'a', audience: 'requester' },
      { userId: 'b', audience: 'acceptor' },
      { userId: 'c', audience: 'coordinator' },
    ]);
    expect(noticeAudience(accepted, 'approved', ['c']).map((r) => r.userId)).toEqual(['a', 'b']);
    expect(noticeAudience(request({ status: 'declined' }), 'declined', ['c'])).toEqual([
      { userId: 'a', audience: 'requester' },
    ]);
  });
});

describe('reminders', () => {
  const duty = (slotId: string, ambassadorIds: string[]): DutyView => ({
    date: '2026-11-24',
    slotId,
    weekday: 2,
    periodId: slotId,
    placeId: 'Library',
    supervisingAdult: 'Mrs Jones',
    ambassadorIds,
  });

  it('one per ambassador, with all of their duties that day', () => {
    const byAmbassador = remindersOf([duty('break', ['a']), duty('lunch', ['a', 'b'])]);
    expect([...byAmbassador.keys()]).toEqual(['a', 'b']);
    expect(byAmbassador.get('a')!.map((d) => d.slotId)).toEqual(['break', 'lunch']);
    expect(reminderOccurrenceId('2026-11-24', 'a')).toBe('rota-reminder:2026-11-24:a');
  });

  it('go at a morning time', () => {
    for (const ok of ['06:00', '08:15', '12:00']) expect(isReminderTime(ok), ok).toBe(true);
    for (const bad of ['05:59', '12:01', '8:15', '24:00', '08:60', 'soon'])
      expect(isReminderTime(bad), bad).toBe(false);
  });
});
