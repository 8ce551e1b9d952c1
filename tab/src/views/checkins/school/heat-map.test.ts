import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../../../core/checkin/trends.js';
import {
  bucketOf,
  bucketRange,
  buckets,
  cellLines,
  heatCell,
  periodLabel,
  questionChoices,
  questionLabel,
  yearGroupLabel,
} from './heat-map.js';

const dist = (over: Partial<Distribution> = {}): Distribution => ({
  total: 40,
  options: [null, null, 5, 15, 20],
  bands: { low: null, mid: 5, high: 35 },
  checkins: 2,
  ...over,
});

describe('heat-map cells', () => {
  it('a shown total and 4–5 band give the share, its colour step and its words', () => {
    const cell = heatCell(dist({ responseRate: 80 }));
    expect(cell).toEqual({ kind: 'share', total: 40, high: 35, share: 88, bucket: 4, rate: 80 });
    expect(cellLines(cell, 'en-GB', 5)).toEqual(['88% at 4–5', '40 answers', '80% answered']);
    expect(cellLines(cell, 'cy', 5)).toEqual(['88% ar 4–5', '40 ateb', '80% wedi ateb']);
  });

  it('no check-in then (null cell) is not the same as a withheld cell', () => {
    expect(heatCell(null)).toEqual({ kind: 'none' });
    expect(cellLines(heatCell(null), 'en-GB', 10)).toEqual(['no check-in']);
  });

  it('a withheld total is "hidden", never 0', () => {
    const cell = heatCell(
      dist({
        total: null,
        options: [null, null, null, null, null],
        bands: { low: null, mid: null, high: null },
        responseRate: null,
      }),
    );
    expect(cell).toEqual({ kind: 'withheld' });
    const lines = cellLines(cell, 'en-GB', 10);
    expect(lines).toEqual(['hidden']);
    expect(lines.join(' ')).not.toMatch(/\b0\b/);
    expect(cellLines(cell, 'cy', 7)).toEqual(['yn gudd']);
  });

  it('a shown total with the 4–5 band withheld says the split is hidden, with no share or colour', () => {
    const cell = heatCell(
      dist({ bands: { low: null, mid: null, high: null }, responseRate: null }),
    );
    expect(cell).toEqual({ kind: 'total', total: 40, rate: null });
    expect(cellLines(cell, 'en-GB', 5)).toEqual(['4–5 hidden', '40 answers', 'answered: hidden']);
  });

  it('only mood has a response rate line', () => {
    expect(cellLines(heatCell(dist()), 'en-GB', 5)).toEqual(['88% at 4–5', '40 answers']);
  });

  it('counts use the reader’s number format and plural', () => {
    const big = heatCell(dist({ total: 1234, bands: { low: null, mid: null, high: 617 } }));
    expect(cellLines(big, 'en-GB', 5)).toEqual(['50% at 4–5', '1,234 answers']);
  });

  it('never divides by zero', () => {
    const cell = heatCell(dist({ total: 0, bands: { low: 0, mid: 0, high: 0 } }));
    expect(cell.kind).toBe('total');
  });

  it('colour steps are 20 points wide, and the legend ranges match the rounded share', () => {
    expect([0, 19, 20, 39, 40, 59, 60, 79, 80, 100].map(bucketOf)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(buckets.map(bucketRange)).toEqual([
      { from: 0, to: 19 },
      { from: 20, to: 39 },
      { from: 40, to: 59 },
      { from: 60, to: 79 },
      { from: 80, to: 100 },
    ]);
    // 19.6 % rounds to 20 % and is coloured as 20–39 %, as its words say.
    const cell = heatCell(dist({ total: 1000, bands: { low: null, mid: null, high: 196 } }));
    expect(cell).toMatchObject({ share: 20, bucket: 1 });
  });
});

describe('labels', () => {
  it('questions have staff labels; ids this build does not know are named as they are', () => {
    expect(questionLabel('en-GB', 'mood')).toBe('Mood');
    expect(questionLabel('en-GB', 'trusted-adult')).toBe('An adult in school they trust');
    expect(questionLabel('cy', 'mood')).toBe('Hwyliau');
    expect(questionLabel('en-GB', 'new-one')).toBe('Question “new-one”');
  });

  it('the picker offers the chosen question and those with data, in catalogue order', () => {
    expect(questionChoices('mood', ['safe', 'connected', 'zzz'])).toEqual([
      'mood',
      'connected',
      'safe',
      'zzz',
    ]);
    expect(questionChoices('mood', ['mood'])).toEqual(['mood']);
  });

  it('year groups: Reception, Year n, and "-" as not set', () => {
    expect(yearGroupLabel('en-GB', 'R')).toBe('Reception');
    expect(yearGroupLabel('en-GB', '7')).toBe('Year 7');
    expect(yearGroupLabel('en-GB', '-')).toBe('Year group not set');
    expect(yearGroupLabel('cy', '-')).toBe('Grŵp blwyddyn heb ei osod');
  });

  it('weeks by their Monday with the term below; terms by name', () => {
    expect(
      periodLabel('en-GB', {
        id: 'w:2026-11-16',
        kind: 'week',
        start: '2026-11-16',
        end: '2026-11-22',
        term: 'Autumn 2026',
      }),
    ).toEqual({ main: 'Week of 16 Nov 2026', sub: 'Autumn 2026' });
    expect(
      periodLabel('en-GB', {
        id: 't:a',
        kind: 'term',
        start: '2026-09-02',
        end: '2026-12-18',
        term: 'Autumn 2026',
      }),
    ).toEqual({ main: 'Autumn 2026' });
  });
});
