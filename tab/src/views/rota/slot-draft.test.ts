import { describe, expect, it } from 'vitest';
import type { RotaSlot } from '../../../../core/api/rota.js';
import { newRow, rowsOf, slotsOf } from './slot-draft.js';

const bench: RotaSlot = {
  id: 'lunch-bench-5',
  weekday: 5,
  periodId: 'Lunch',
  placeId: 'Buddy bench',
  needed: 2,
  supervisingAdult: 'Mr Price',
  week: 'A',
};

describe('slot rows', () => {
  it('round-trip a stored slot, keeping its id so its duties stay on it', () => {
    expect(slotsOf(rowsOf([bench]), true)).toEqual([bench]);
  });

  it('drop week A/B when the rota has none, and trim what was typed', () => {
    const [row] = rowsOf([bench]);
    const typed = { ...row!, placeId: '  Library ', needed: '1' };
    expect(slotsOf([typed], false)).toEqual([
      {
        id: 'lunch-bench-5',
        weekday: 5,
        periodId: 'Lunch',
        placeId: 'Library',
        needed: 1,
        supervisingAdult: 'Mr Price',
      },
    ]);
  });

  it('start a new row like the last one, on the next weekday (Friday wraps to Monday), without an id', () => {
    const rows = rowsOf([bench]);
    const added = newRow(rows);
    expect(added).toMatchObject({
      weekday: 1,
      periodId: 'Lunch',
      placeId: 'Buddy bench',
      week: '',
    });
    expect(added.id).toBeUndefined();
    expect(newRow([]).weekday).toBe(1);
    expect(newRow(rows).key).not.toBe(added.key);
    expect(slotsOf([added], true)[0]).not.toHaveProperty('id');
  });
});
