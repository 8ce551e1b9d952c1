import { describe, expect, it } from 'vitest';
import { closureKinds as coreClosureKinds } from '../../../../core/schedule/calendar.js';
import { calendarBody, closureKinds, draftOf, isClosureKind, withStart } from './calendar-draft.js';

const calendar = {
  terms: [{ name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' }],
  closures: [{ name: 'INSET day', kind: 'inset' as const, start: '2026-11-27', end: '2026-11-27' }],
};

describe('calendar draft', () => {
  it('round-trips the server’s calendar, giving each row a key', () => {
    let n = 0;
    const draft = draftOf(calendar, () => `k${++n}`);
    expect(draft.terms[0]!.key).toBe('k1');
    expect(draft.closures[0]!.key).toBe('k2');
    expect(calendarBody(draft)).toEqual(calendar);
  });

  it('trims names, so a name of spaces is refused by the server as missing', () => {
    expect(
      calendarBody({
        terms: [{ key: 'a', name: '  Spring  ', start: '2027-01-04', end: '2027-03-26' }],
        closures: [],
      }).terms[0]!.name,
    ).toBe('Spring');
  });

  it('makes a one-day closure from its first day unless a last day is chosen', () => {
    const row = { key: 'a', name: 'INSET', kind: 'inset' as const, start: '', end: '' };
    expect(withStart(row, '2026-11-27')).toMatchObject({ start: '2026-11-27', end: '2026-11-27' });
    expect(withStart({ ...row, end: '2026-12-01' }, '2026-11-27').end).toBe('2026-12-01');
  });

  it('knows the same closure kinds as the server', () => {
    expect([...closureKinds]).toEqual([...coreClosureKinds]);
    expect(isClosureKind('inset')).toBe(true);
    expect(isClosureKind('snow')).toBe(false);
  });
});
