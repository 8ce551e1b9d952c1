import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCalendar, type SchoolCalendar } from '../schedule/calendar.js';
import { notInTotals } from './checkin-settings.js';
import type { CheckinIndexEntry } from './checkin-store.js';
import { questionTrends, type Distribution, type TrendClass } from './trends.js';

const calendar: SchoolCalendar = {
  terms: [{ name: 'Autumn', start: '2026-09-01', end: '2026-12-18' }],
  closures: [],
};

/** A check-in's final counts from each pupil's answer (0 = no answer). */
function entry(
  id: string,
  date: string,
  answers: readonly number[],
  templateId: CheckinIndexEntry['templateId'] = 'daily-mood',
  questionId = 'mood',
): CheckinIndexEntry {
  const counts = [0, 0, 0, 0, 0];
  for (const a of answers) if (a > 0) counts[a - 1]! += 1;
  return {
    checkinId: id,
    templateId,
    phase: 'secondary',
    date,
    closesAt: `${date}T17:00:00.000Z`,
    classSize: answers.length,
    final: {
      respondents: answers.filter((a) => a > 0).length,
      skipped: 0,
      counts: { [questionId]: counts },
    },
  };
}

const everyNumber = (d: Distribution) => [
  d.total,
  ...d.options,
  d.bands.low,
  d.bands.mid,
  d.bands.high,
];

describe('trends, by hand', () => {
  it('shows a big class’s week and withholds small options, never as a number', () => {
    // 30 pupils, all answer on Monday and Tuesday: 20 good, 6 OK, 4 awful.
    const day = [...Array(20).fill(4), ...Array(6).fill(3), ...Array(4).fill(1)];
    const cls: TrendClass = {
      teamId: 'A',
      name: '7A',
      yearGroup: '7',
      entries: [entry('a1', '2026-11-23', day), entry('a2', '2026-11-24', day)],
    };
    const t = questionTrends([cls], calendar, 'mood', 10, 'week');
    expect(t.periods).toEqual([
      { id: 'w:2026-11-23', kind: 'week', start: '2026-11-23', end: '2026-11-29', term: 'Autumn' },
    ]);
    const week = t.classes.get('A')!.get('w:2026-11-23')!;
    // "4–5" (20 pupils) and "1–3" (10) are big enough; the bands are not (1–2 is 4 pupils), and
    // single points are shown only when all five are.
    expect(week.total).toBe(60);
    expect(week.bands.high).toBe(40);
    expect(week.options).toEqual([null, null, null, null, null]);
    expect(week.bands.low).toBeNull();
    expect(week.bands.mid).toBeNull();
    expect(week.responseRate).toBe(100);
    expect(week.checkins).toBe(2);
  });

  it('withholds a small class inside a year group, and another so the year total can’t give it away', () => {
    const answers = (n: number) => Array(n).fill(4) as number[];
    const classes: TrendClass[] = [
      { teamId: 'A', name: '7A', yearGroup: '7', entries: [entry('a', '2026-11-23', answers(25))] },
      { teamId: 'B', name: '7B', yearGroup: '7', entries: [entry('b', '2026-11-23', answers(22))] },
      { teamId: 'C', name: '7C', yearGroup: '7', entries: [entry('c', '2026-11-23', answers(3))] },
    ];
    const t = questionTrends(classes, calendar, 'mood', 10, 'week');
    const total = (team: string) => t.classes.get(team)!.get('w:2026-11-23')!.total;
    expect(total('C')).toBeNull();
    expect([total('A'), total('B')].filter((x) => x === null)).toHaveLength(1);
    expect(t.yearGroups.get('7')!.get('w:2026-11-23')!.total).toBe(50);
  });

  it('keeps a set or club out of the year group and the school, so its pupils are not counted twice', () => {
    const answers = (n: number) => Array(n).fill(4) as number[];
    const classes: TrendClass[] = [
      { teamId: 'A', name: '7A', yearGroup: '7', entries: [entry('a', '2026-11-23', answers(25))] },
      { teamId: 'B', name: '7B', yearGroup: '7', entries: [entry('b', '2026-11-23', answers(22))] },
      // Maths set 2: pupils of 7A and 7B again.
      {
        teamId: 'M',
        name: 'Maths 7 set 2',
        yearGroup: notInTotals,
        entries: [entry('m', '2026-11-23', answers(20))],
      },
    ];
    const t = questionTrends(classes, calendar, 'mood', 10, 'week');
    const week = 'w:2026-11-23';
    expect(t.classes.get('M')!.get(week)!.total).toBe(20);
    expect(t.yearGroups.get('7')!.get(week)!.total).toBe(47);
    expect(t.school.get(week)!.total).toBe(47);
    expect(t.yearGroups.has(notInTotals)).toBe(false);
    // Only sets answered: their own trend, and no year or school figure to compare it with.
    const alone = questionTrends([classes[2]!], calendar, 'mood', 10, 'week');
    expect(alone.classes.get('M')!.get(week)!.total).toBe(20);
    expect(alone.yearGroups.size).toBe(0);
    expect(alone.school.has(week)).toBe(false);
  });

  it('builds weeks from mood and pulse check-ins and terms from the termly questionnaire only', () => {
    const many = Array(12).fill(5) as number[];
    const cls: TrendClass = {
      teamId: 'A',
      name: '7A',
      yearGroup: null,
      entries: [
        entry('m', '2026-11-23', many),
        entry('p', '2026-11-24', many, 'belonging-pulse', 'safe'),
        entry('t', '2026-11-25', many, 'termly-belonging', 'safe'),
      ],
    };
    const weeks = questionTrends([cls], calendar, 'safe', 10, 'week');
    expect(weeks.classes.get('A')!.get('w:2026-11-23')).toMatchObject({ total: 12, checkins: 1 });
    const terms = questionTrends([cls], calendar, 'safe', 10, 'term');
    expect(terms.periods.map((p) => p.id)).toEqual(['t:2026-09-01']);
    expect(terms.classes.get('A')!.get('t:2026-09-01')).toMatchObject({ total: 12, checkins: 1 });
    // No term view outside the calendar's terms, and no weeks from the termly questionnaire.
    expect(questionTrends([cls], emptyCalendar(), 'safe', 10, 'term').periods).toEqual([]);
    expect(weeks.yearGroups.has('-')).toBe(true);
  });

  it('ignores check-ins that are still open', () => {
    const open = { ...entry('o', '2026-11-23', Array(30).fill(4) as number[]) };
    delete open.final;
    const t = questionTrends(
      [{ teamId: 'A', name: '7A', yearGroup: '7', entries: [open] }],
      calendar,
      'mood',
      10,
      'week',
    );
    expect(t.periods).toEqual([]);
  });
});

/**
 * The attack: take every number a member of staff can read, and every sum that ties them (options
 * and bands to totals, classes to year groups, year groups to the school), and work out all you
 * can by subtraction. Then compare with the truth from the generator: every number shown or
 * worked out must describe no pupil or at least k different pupils.
 */
describe('trends, attacked', () => {
  const points = fc.integer({ min: 0, max: 5 }); // 0: no answer
  const classArb = fc.record({
    // 'none': a set or club left out of the year and school totals (its pupils are elsewhere too).
    year: fc.constantFrom('7', '8', notInTotals),
    // days × pupils
    days: fc.array(fc.array(points, { minLength: 1, maxLength: 14 }), {
      minLength: 1,
      maxLength: 3,
    }),
  });

  it('no number shown or worked out describes 1 to k−1 pupils', () => {
    fc.assert(
      fc.property(
        fc.array(classArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(5, 6),
        (spec, k) => {
          const dates = ['2026-11-23', '2026-11-24', '2026-11-25'];
          // Pupils differ in length per day; pad each class to its widest day.
          const classes: TrendClass[] = spec.map((c, i) => {
            const width = Math.max(...c.days.map((d) => d.length));
            const days = c.days.map((d) => [...d, ...Array(width - d.length).fill(0)] as number[]);
            return {
              teamId: `c${i}`,
              name: `Class ${i}`,
              yearGroup: c.year,
              entries: days.map((d, j) => entry(`c${i}-${j}`, dates[j]!, d)),
            };
          });
          const truth = new Map<string, Set<string>>(); // cell → pupils behind it
          const add = (cell: string, pupil: string) =>
            truth.set(cell, (truth.get(cell) ?? new Set()).add(pupil));
          spec.forEach((c, i) => {
            c.days.forEach((day) =>
              day.forEach((p, pupil) => {
                if (p === 0) return;
                const who = `c${i}:${pupil}`;
                const band = p <= 2 ? 'lo' : p === 3 ? '3' : 'hi';
                const nodes =
                  c.year === notInTotals ? [`c:c${i}`] : [`c:c${i}`, `y:${c.year}`, 's'];
                for (const node of nodes) {
                  for (const suffix of ['t', String(p), ...(band === '3' ? [] : [band])]) {
                    add(`${node}|${suffix}`, who);
                  }
                }
              }),
            );
          });
          const t = questionTrends(classes, emptyCalendar(), 'mood', k, 'week');
          const pid = 'w:2026-11-23';
          // What staff can read.
          const known = new Map<string, number>();
          const read = (node: string, d: Distribution | undefined) => {
            if (!d) return;
            const values = everyNumber(d);
            ['t', '1', '2', '3', '4', '5', 'lo', '3', 'hi'].forEach((suffix, i) => {
              const v = values[i];
              if (v !== null && v !== undefined) known.set(`${node}|${suffix}`, v);
            });
          };
          for (const [team, m] of t.classes) read(`c:${team}`, m.get(pid));
          for (const [year, m] of t.yearGroups) read(`y:${year}`, m.get(pid));
          read('s', t.school.get(pid));
          // Every sum a reader knows.
          const nodes = [...t.classes.keys()].map((x) => `c:${x}`);
          const years = [...t.yearGroups.keys()];
          const relations: [string, string[]][] = [];
          for (const node of [...nodes, ...years.map((y) => `y:${y}`), 's']) {
            const c = (s: string) => `${node}|${s}`;
            relations.push([c('t'), ['1', '2', '3', '4', '5'].map(c)]);
            relations.push([c('t'), [c('lo'), c('3'), c('hi')]]);
            relations.push([c('lo'), [c('1'), c('2')]]);
            relations.push([c('hi'), [c('4'), c('5')]]);
          }
          for (const s of ['t', '1', '2', '3', '4', '5', 'lo', 'hi']) {
            for (const y of years) {
              const inYear = spec
                .map((c, i) => (c.year === y ? `c:c${i}|${s}` : ''))
                .filter(Boolean);
              relations.push([`y:${y}|${s}`, inYear]);
            }
            if (years.length) relations.push([`s|${s}`, years.map((y) => `y:${y}|${s}`)]);
          }
          for (let changed = true; changed;) {
            changed = false;
            for (const [parent, children] of relations) {
              const unknown = children.filter((ch) => !known.has(ch));
              if (!known.has(parent) && unknown.length === 0) {
                known.set(
                  parent,
                  children.reduce((sum, ch) => sum + known.get(ch)!, 0),
                );
                changed = true;
              } else if (known.has(parent) && unknown.length === 1) {
                const rest = children.reduce((sum, ch) => sum + (known.get(ch) ?? 0), 0);
                known.set(unknown[0]!, known.get(parent)! - rest);
                changed = true;
              }
            }
          }
          for (const cell of known.keys()) {
            const people = truth.get(cell)?.size ?? 0;
            if (people > 0 && people < k) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
