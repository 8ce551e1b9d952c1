/**
 * The coordinator's slots as editable rows (text fields keep what is typed, numbers included) and
 * back. The server checks the rows (slotRepeated, needed 1–4 …); this only shapes them.
 */
import type { RotaSlot, SlotInput, WeekAB, Weekday } from '../../../../core/api/rota.js';

export interface SlotRow {
  /** React key; a stored slot keeps its id so its assignments stay on it. */
  key: string;
  id?: string;
  weekday: Weekday;
  periodId: string;
  placeId: string;
  needed: string;
  supervisingAdult: string;
  week: '' | WeekAB;
}

let next = 0;

export function rowsOf(slots: readonly RotaSlot[]): SlotRow[] {
  return slots.map((s) => ({
    key: s.id,
    id: s.id,
    weekday: s.weekday,
    periodId: s.periodId,
    placeId: s.placeId,
    needed: String(s.needed),
    supervisingAdult: s.supervisingAdult,
    week: s.week ?? '',
  }));
}

/** A new row, like the last one (the same time, place and adult on the next weekday). */
export function newRow(rows: readonly SlotRow[]): SlotRow {
  const last = rows.at(-1);
  return {
    key: `new-${++next}`,
    weekday: last ? (((last.weekday % 5) + 1) as Weekday) : 1,
    periodId: last?.periodId ?? '',
    placeId: last?.placeId ?? '',
    needed: last?.needed ?? '1',
    supervisingAdult: last?.supervisingAdult ?? '',
    week: '',
  };
}

/** What the API takes. Week A/B is dropped from every row when the rota has no A/B weeks. */
export function slotsOf(rows: readonly SlotRow[], weekAB: boolean): SlotInput[] {
  return rows.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    weekday: r.weekday,
    periodId: r.periodId.trim(),
    placeId: r.placeId.trim(),
    needed: Number(r.needed),
    supervisingAdult: r.supervisingAdult.trim(),
    ...(weekAB && r.week ? { week: r.week } : {}),
  }));
}
