import { describe, expect, it } from 'vitest';
import { isTicked, periodsFor, setTick } from './availability.js';

describe('availability ticks', () => {
  it('adds and removes every-week entries, in order, and leaves week-A entries alone', () => {
    let list = setTick([{ weekday: 3, periodId: 'Lunch', week: 'A' }], 2, 'Lunch', true);
    list = setTick(list, 1, 'Lunch', true);
    expect(list).toEqual([
      { weekday: 1, periodId: 'Lunch' },
      { weekday: 2, periodId: 'Lunch' },
      { weekday: 3, periodId: 'Lunch', week: 'A' },
    ]);
    expect(isTicked(list, 2, 'Lunch')).toBe(true);
    expect(isTicked(list, 3, 'Lunch')).toBe(false);
    list = setTick(list, 2, 'Lunch', false);
    expect(list).toEqual([
      { weekday: 1, periodId: 'Lunch' },
      { weekday: 3, periodId: 'Lunch', week: 'A' },
    ]);
    // Ticking twice adds one entry.
    expect(setTick(list, 1, 'Lunch', true)).toHaveLength(2);
  });

  it('offers the rota’s periods and any the person still has', () => {
    expect(periodsFor(['Lunch'], [{ weekday: 1, periodId: 'After school' }])).toEqual([
      'Lunch',
      'After school',
    ]);
  });

  it('ticks week A apart from every week, leaving the others alone', () => {
    let list = setTick([{ weekday: 1, periodId: 'Lunch' }], 1, 'Lunch', true, 'A');
    expect(list).toEqual([
      { weekday: 1, periodId: 'Lunch' },
      { weekday: 1, periodId: 'Lunch', week: 'A' },
    ]);
    expect(isTicked(list, 1, 'Lunch', 'A')).toBe(true);
    expect(isTicked(list, 1, 'Lunch', 'B')).toBe(false);
    list = setTick(list, 1, 'Lunch', false);
    expect(list).toEqual([{ weekday: 1, periodId: 'Lunch', week: 'A' }]);
  });
});
