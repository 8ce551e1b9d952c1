import { describe, expect, it } from 'vitest';
import type { DateView, DutyAssignment, RotaSlot } from '../../../../core/api/rota.js';
import { buildWeekGrid, mondayOf } from './rota-grid.js';

const day = (date: string, weekday: number, extra: Partial<DateView> = {}): DateView => ({
  date,
  weekday,
  schoolDay: true,
  inRota: true,
  ...extra,
});
// Monday 30 November 2026 to Sunday 6 December.
const week = [
  day('2026-11-30', 1),
  day('2026-12-01', 2),
  day('2026-12-02', 3, { schoolDay: false, inRota: false }),
  day('2026-12-03', 4),
  day('2026-12-04', 5),
  day('2026-12-05', 6, { schoolDay: false, inRota: false }),
  day('2026-12-06', 7, { schoolDay: false, inRota: false }),
];
const slot = (id: string, weekday: 1 | 2 | 3 | 4 | 5, extra: Partial<RotaSlot> = {}): RotaSlot => ({
  id,
  weekday,
  periodId: 'Lunch',
  placeId: 'Buddy bench',
  needed: 2,
  supervisingAdult: 'Mr Price',
  ...extra,
});
const on = (date: string, slotId: string, ambassadorId: string): DutyAssignment => ({
  date,
  slotId,
  ambassadorId,
  locked: false,
  source: 'fill',
  by: 'c',
  at: '2026-11-24T10:00:00Z',
});

describe('buildWeekGrid', () => {
  it('gives one row per period and place and a column per weekday, with the duty where its slot runs', () => {
    const grid = buildWeekGrid({
      today: '2026-11-30',
      dates: week,
      slots: [
        slot('bench-1', 1),
        slot('bench-3', 3),
        slot('lib-2', 2, { periodId: 'Morning break', placeId: 'Library', needed: 1 }),
      ],
      assignments: [on('2026-11-30', 'bench-1', 'a'), on('2026-12-01', 'lib-2', 'b')],
      unfilled: [
        {
          date: '2026-11-30',
          slotId: 'bench-1',
          missing: 1,
          reason: 'nobody_available',
          candidates: [],
        },
      ],
      warnings: [],
    });
    expect(grid.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(grid.rows.map((r) => `${r.periodId} / ${r.placeId}`)).toEqual([
      'Lunch / Buddy bench',
      'Morning break / Library',
    ]);
    const [bench, library] = grid.rows;
    // Monday: a duty with one person and one missing, for the server's reason.
    expect(bench!.cells[0]!.slot?.id).toBe('bench-1');
    expect(bench!.cells[0]!.people.map((p) => p.ambassadorId)).toEqual(['a']);
    expect(bench!.cells[0]!.missing).toBe(1);
    expect(bench!.cells[0]!.unfilled?.reason).toBe('nobody_available');
    // Wednesday is not a school day: no duty, even though a slot exists for it.
    expect(bench!.cells[2]!.slot).toBeUndefined();
    expect(bench!.cells[2]!.missing).toBe(0);
    // No bench slot on Tuesday; the library's Tuesday duty is full.
    expect(bench!.cells[1]!.slot).toBeUndefined();
    expect(library!.cells[1]!.people).toHaveLength(1);
    expect(library!.cells[1]!.missing).toBe(0);
  });

  it('shows past duties without gaps, and week-A slots only in week A', () => {
    const grid = buildWeekGrid({
      today: '2026-12-03',
      dates: week.map((d) => ({ ...d, week: 'B' as const })),
      slots: [
        slot('bench-1', 1),
        slot('bench-4a', 4, { week: 'A' }),
        slot('bench-4b', 4, { week: 'B' }),
      ],
      assignments: [],
      unfilled: [],
      warnings: [],
    });
    const [bench] = grid.rows;
    expect(bench!.cells[0]!.past).toBe(true);
    expect(bench!.cells[0]!.missing).toBe(0);
    expect(bench!.cells[3]!.slot?.id).toBe('bench-4b');
    expect(bench!.cells[3]!.missing).toBe(2);
  });

  it('keeps people stored on a cell that is no longer a duty, with its warning', () => {
    const grid = buildWeekGrid({
      today: '2026-11-30',
      dates: week,
      slots: [slot('bench-3', 3)],
      assignments: [on('2026-12-02', 'bench-3', 'a')],
      unfilled: [],
      warnings: [{ date: '2026-12-02', slotId: 'bench-3', ambassadorId: 'a', kind: 'notADuty' }],
    });
    const wednesday = grid.rows[0]!.cells[2]!;
    expect(wednesday.slot).toBeUndefined();
    expect(wednesday.people).toHaveLength(1);
    expect(wednesday.warnings.map((w) => w.kind)).toEqual(['notADuty']);
  });
});

describe('mondayOf', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026-12-03', '2026-11-30'],
    ['2026-12-06', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('%s → %s', (date, monday) => expect(mondayOf(date)).toBe(monday));
});
