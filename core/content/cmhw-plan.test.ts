import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../dates.js';
import {
  cmhwChoiceProblemsOf,
  cmhwWeekOf,
  likelyCmhwStart,
  likelyCmhwWeek,
  plannableCmhwWeeks,
  plannedCmhwWeek,
  type CmhwChoices,
} from './cmhw-plan.js';
import { cmhwWeekFor, cmhwWeeks, keyStagesOf, phases, promptById } from './content.js';

describe('the likely week of a year Place2Be has not published', () => {
  it('is the first full week of February, as 2023–2025 in the data were (2026 was the second)', () => {
    for (const year of [2023, 2024, 2025])
      expect(likelyCmhwStart(year)).toBe(cmhwWeekFor(year)!.startDate);
    expect(likelyCmhwStart(2026)).toBe('2026-02-02');
    expect(cmhwWeekFor(2026)!.startDate).toBe('2026-02-09');
    expect(likelyCmhwStart(2027)).toBe('2027-02-01');
    expect(likelyCmhwStart(2028)).toBe('2028-02-07');
  });

  it('is 2027 today: Monday 1 to Sunday 7 February, theme to be announced, in both languages', () => {
    expect(cmhwWeekFor(2027)).toBeUndefined();
    const week = cmhwWeekOf(2027)!;
    expect(week).toMatchObject({
      year: 2027,
      startDate: '2027-02-01',
      endDate: '2027-02-07',
      provisional: true,
      theme: { 'en-GB': 'theme to be announced', cy: 'thema i’w chyhoeddi' },
    });
  });

  it.each(phases)(
    'draws five different %s prompts from the library, none from last year’s week',
    (phase) => {
      const days = likelyCmhwWeek(2027).programmes[phase];
      expect(days).toHaveLength(5);
      expect(new Set(days).size).toBe(5);
      const lastYear = new Set(cmhwWeeks().at(-1)!.programmes[phase]);
      for (const id of days) {
        const prompt = promptById(id)!;
        expect(prompt).toBeDefined();
        expect(prompt.keyStages.some((k) => keyStagesOf(phase).includes(k))).toBe(true);
        expect(lastYear.has(id)).toBe(false);
      }
      // The same every time: a plan made today posts the same days next February.
      expect(likelyCmhwWeek(2027).programmes[phase]).toEqual(days);
    },
  );

  it('is only offered after the data: a year in the data is Place2Be’s, one before it nothing', () => {
    expect(cmhwWeekOf(2026)).toEqual(cmhwWeekFor(2026));
    expect(cmhwWeekOf(2026)?.provisional).toBeUndefined();
    expect(cmhwWeekOf(2019)).toBeUndefined();
    expect(cmhwWeekOf(2027.5)).toBeUndefined();
  });
});

describe('weeks a school can plan', () => {
  it.each([
    // December 2026 (the issue): 2026 is over and 2027 is not published.
    ['2026-12-07', [2027]],
    ['2026-01-20', [2026, 2027]],
    // The Friday of 2026's week is the last day it can be planned.
    ['2026-02-13', [2026, 2027]],
    ['2026-02-14', [2027]],
    ['2027-02-06', [2028]],
  ])('on %s: %j', (today, years) => {
    expect(plannableCmhwWeeks(today).map((w) => w.year)).toEqual(years);
  });
});

describe('a plan with the school’s own dates and theme', () => {
  it('keeps the year’s days and moves the week, or names it', () => {
    const moved = plannedCmhwWeek(2027, { startDate: '2027-02-08', theme: 'Together we grow' })!;
    expect(moved).toMatchObject({
      startDate: '2027-02-08',
      endDate: '2027-02-14',
      theme: { 'en-GB': 'Together we grow', cy: 'Together we grow' },
      schoolChoices: true,
      provisional: true,
    });
    expect(moved.programmes).toEqual(likelyCmhwWeek(2027).programmes);
  });

  it('without choices is the year’s own week: Place2Be’s once the year is in the data', () => {
    // What a 2027 plan will be when 2027 is added: the same look-up as a published year today.
    expect(plannedCmhwWeek(2026)).toEqual(cmhwWeekFor(2026));
    expect(plannedCmhwWeek(2027)).toEqual(likelyCmhwWeek(2027));
  });

  it.each([
    [{ startDate: '2027-02-02' }, ['cmhwStart']], // a Tuesday
    [{ startDate: '2027-04-05' }, ['cmhwStart']], // a Monday, but after March
    [{ startDate: '2026-02-09' }, ['cmhwStart']], // another year
    [{ startDate: '1 Feb' }, ['cmhwStart']],
    [{ theme: ' ' }, ['cmhwTheme']],
    [{ theme: 'x'.repeat(81) }, ['cmhwTheme']],
    [{ theme: 'Bell\u0007' }, ['cmhwTheme']],
    [{ startDate: '2027-01-25', theme: 'Our place' }, []],
  ] as [CmhwChoices, string[]][])('%j: %j', (choices, problems) => {
    expect(cmhwChoiceProblemsOf(2027, choices)).toEqual(problems);
    if (choices.startDate && !problems.length) expect(weekdayOf(choices.startDate)).toBe(1);
  });
});
