/**
 * A school as the attacker test drives it (tests only): classes, their check-ins (closing one by
 * one), the settings (k, which classes count in totals) and the day. Every figure an engine
 * releases is turned into an equation over the check-ins' counts (trends-attacker.ts), using the
 * settings and closed check-ins the figure was worked out from.
 */
import { notInTotals } from './checkin-settings.js';
import type { CheckinIndexEntry } from './checkin-store.js';
import type { Atom, Equation } from './trends-attacker.js';
import { yearGroupNotSet, type Distribution } from './trends.js';
import { mondayOf } from '../dates.js';

export interface ScenarioCheckin {
  id: string;
  teamId: string;
  date: string;
  /** Mood counts for points 1..5. */
  counts: number[];
  closed: boolean;
  classSize: number;
}

export interface SchoolState {
  k: number;
  /** Class team id → year group, or `notInTotals`. */
  yearGroups: Record<string, string>;
  teamIds: string[];
  checkins: ScenarioCheckin[];
  /** School-local date today. */
  today: string;
}

/** What a figure was worked out from: which classes counted where, and which check-ins. */
export interface Definition {
  yearGroups: Record<string, string>;
  checkinIds: readonly string[];
}

export type CellName = 't' | '1' | '2' | '3' | '4' | '5' | 'lo' | 'mid' | 'hi';

export interface Figure {
  level: 'class' | 'year' | 'school';
  /** Team id, year group, or '' for the school. */
  key: string;
  periodId: string;
  cell: CellName;
  value: number;
  from: Definition;
}

export const cellOptions: Record<CellName, number[]> = {
  t: [0, 1, 2, 3, 4],
  '1': [0],
  '2': [1],
  '3': [2],
  '4': [3],
  '5': [4],
  lo: [0, 1],
  mid: [2],
  hi: [3, 4],
};

/** Every number of a distribution, named. */
export function figuresOf(d: Distribution, where: Omit<Figure, 'cell' | 'value'>): Figure[] {
  const named: [CellName, number | null][] = [
    ['t', d.total],
    ...d.options.map((v, i) => [String(i + 1) as CellName, v] as [CellName, number | null]),
    ['lo', d.bands.low],
    ['mid', d.bands.mid],
    ['hi', d.bands.high],
  ];
  return named.flatMap(([cell, value]) => (value === null ? [] : [{ ...where, cell, value }]));
}

export const snapshot = (s: SchoolState): Definition => ({
  yearGroups: { ...s.yearGroups },
  checkinIds: s.checkins.filter((c) => c.closed).map((c) => c.id),
});

/** The class index rows an engine reads (closed check-ins carry their final counts). */
export function indexEntries(s: SchoolState, teamId: string): CheckinIndexEntry[] {
  return s.checkins
    .filter((c) => c.teamId === teamId)
    .map((c) => ({
      checkinId: c.id,
      templateId: 'daily-mood' as const,
      phase: 'secondary' as const,
      date: c.date,
      closesAt: `${c.date}T15:00:00.000Z`,
      classSize: c.classSize,
      ...(c.closed
        ? {
            final: {
              respondents: c.counts.reduce((a, b) => a + b, 0),
              skipped: 0,
              counts: { mood: [...c.counts] },
            },
          }
        : {}),
    }));
}

export const atomsOf = (s: SchoolState): Atom[] =>
  s.checkins.flatMap((c) =>
    c.counts.map((value, option) => ({
      id: `${c.id}#${option + 1}`,
      teamId: c.teamId,
      date: c.date,
      checkinId: c.id,
      option,
      value,
    })),
  );

/** The equation a figure stands for. */
export function equationOf(s: SchoolState, f: Figure): Equation {
  const yearOf = (teamId: string) => f.from.yearGroups[teamId] ?? yearGroupNotSet;
  const inNode = (teamId: string) =>
    f.level === 'class'
      ? teamId === f.key
      : yearOf(teamId) !== notInTotals && (f.level === 'school' || yearOf(teamId) === f.key);
  const closed = new Set(f.from.checkinIds);
  const atoms = s.checkins
    .filter((c) => closed.has(c.id) && inNode(c.teamId) && `w:${mondayOf(c.date)}` === f.periodId)
    .flatMap((c) => cellOptions[f.cell].map((o) => `${c.id}#${o + 1}`));
  return {
    atoms,
    value: f.value,
    label: `${f.level}:${f.key}:${f.periodId}:${f.cell}`,
  };
}
