/** Dates in a rota (rota.ts): weeks from its first Monday, week A and B, its school dates. */
import { describe, expect, it } from 'vitest';
import { rota } from '../testing/autofill-schools.js';
import { rotaDates, weekIndex, weekOf } from './rota.js';

describe('rota dates', () => {
  it('counts weeks from the Monday of the first week, holidays included', () => {
    expect(weekIndex('2026-09-09', '2026-09-07')).toBe(0);
    expect(weekIndex('2026-09-09', '2026-09-13')).toBe(0);
    expect(weekIndex('2026-09-09', '2026-09-14')).toBe(1);
    expect(weekOf('2026-09-09', '2026-09-21')).toBe('A');
    expect(weekOf('2026-10-19', '2026-11-02')).toBe('A');
    expect(weekOf('2026-10-19', '2026-10-26')).toBe('B');
  });
  it('keeps school dates inside the rota, sorted, once each', () => {
    expect(
      rotaDates(rota({ schoolDates: ['2026-09-08', '2026-09-01', '2026-09-07', '2026-09-08'] })),
    ).toEqual(['2026-09-07', '2026-09-08']);
  });
});
