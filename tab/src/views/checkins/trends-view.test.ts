import { describe, expect, it } from 'vitest';
import type { ClassTrendsResponse, Distribution } from '../../../../core/api/checkins.js';
import {
  barSegments,
  classTrendsView,
  isEmpty,
  pendingText,
  questionLabel,
} from './trends-view.js';

const dist = (over: Partial<Distribution> = {}): Distribution => ({
  total: 36,
  options: [null, 0, 0, null, 0],
  bands: { low: null, mid: 0, high: null },
  checkins: 3,
  ...over,
});

const response: ClassTrendsResponse = {
  k: 10,
  pending: [],
  teamId: 't',
  name: 'Class 7B',
  periods: [
    { id: 'w:2026-11-16', kind: 'week', start: '2026-11-16', end: '2026-11-20' },
    { id: 'w:2026-11-09', kind: 'week', start: '2026-11-09', end: '2026-11-13' },
    { id: 't:autumn', kind: 'term', start: '2026-09-01', end: '2026-12-18', term: 'Autumn' },
  ],
  questions: [
    {
      questionId: 'safe',
      kind: 'week',
      rows: [{ periodId: 'w:2026-11-16', ...dist({ total: null, bands: nulls() }) }],
    },
    {
      questionId: 'mood',
      kind: 'week',
      rows: [
        { periodId: 'w:2026-11-16', ...dist({ responseRate: 40 }) },
        {
          periodId: 'w:2026-11-09',
          ...dist({ total: null, bands: nulls(), responseRate: null }),
        },
      ],
    },
    {
      questionId: 'connected',
      kind: 'week',
      rows: [
        { periodId: 'w:2026-11-16', ...dist({ total: 20, bands: { low: 0, mid: 0, high: 20 } }) },
      ],
    },
    { questionId: 'friends', kind: 'term', rows: [{ periodId: 't:autumn', ...dist() }] },
    { questionId: 'connected', kind: 'term', rows: [{ periodId: 't:autumn', ...dist() }] },
  ],
};

function nulls() {
  return { low: null, mid: null, high: null };
}

describe('barSegments', () => {
  it('draws each known band as its share and the withheld ones together as hidden', () => {
    expect(barSegments({ total: 36, bands: { low: null, mid: 0, high: null } })).toEqual([
      { band: 'hidden', count: 36, share: 1 },
    ]);
    expect(barSegments({ total: 40, bands: { low: 10, mid: null, high: 20 } })).toEqual([
      { band: 'low', count: 10, share: 0.25 },
      { band: 'high', count: 20, share: 0.5 },
      { band: 'hidden', count: 10, share: 0.25 },
    ]);
  });

  it('has no bar when the total is withheld or nobody answered', () => {
    expect(barSegments({ total: null, bands: nulls() })).toEqual([]);
    expect(barSegments({ total: 0, bands: { low: 0, mid: 0, high: 0 } })).toEqual([]);
  });
});

describe('classTrendsView', () => {
  const view = classTrendsView(response, 'en-GB');

  it('puts mood first, weeks in date order, with the response rate beside it', () => {
    expect(view.mood?.lines.map((l) => l.label)).toEqual([
      'Week of 9 November 2026',
      'Week of 16 November 2026',
    ]);
    expect(view.mood?.hasRate).toBe(true);
    expect(view.mood?.lines[1]?.rate).toEqual({ value: 40, text: '40%' });
    expect(view.mood?.scale).toBe('faces');
  });

  it('says "hidden" for every withheld number, never 0', () => {
    const withheld = view.mood!.lines[0]!;
    expect(withheld.total).toEqual({ value: null, text: 'hidden' });
    expect(withheld.rate).toEqual({ value: null, text: 'hidden' });
    expect(withheld.bands.low.text).toBe('hidden');
    expect(withheld.segments).toEqual([]);
    // A real zero stays a zero.
    expect(view.mood!.lines[1]!.bands.mid).toEqual({ value: 0, text: '0' });
    expect(classTrendsView(response, 'cy').mood!.lines[0]!.total.text).toBe('yn gudd');
  });

  it('lists the belonging aspects in the template order, and the termly questionnaire by term', () => {
    expect(view.belonging.map((c) => c.title)).toEqual(['Connected and included', 'Safe']);
    expect(view.belonging.every((c) => !c.hasRate)).toBe(true);
    expect(view.termly).toHaveLength(1);
    expect(view.termly[0]!.title).toBe('Autumn');
    expect(view.termly[0]!.lineKind).toBe('question');
    expect(view.termly[0]!.lines.map((l) => l.label)).toEqual([
      'Connected and included',
      'Gets on with other pupils',
    ]);
  });

  it('is empty when nothing has closed', () => {
    expect(isEmpty(classTrendsView({ ...response, periods: [], questions: [] }, 'en-GB'))).toBe(
      true,
    );
    expect(isEmpty(view)).toBe(false);
  });

  it('names a question it has no words for by its id', () => {
    expect(questionLabel('en-GB', 'brand-new')).toBe('brand-new');
  });

  it('names the weeks and terms not shown yet, and why', () => {
    expect(pendingText('en-GB', [])).toBeUndefined();
    expect(
      pendingText('en-GB', [
        { id: 'w', kind: 'week', start: '2026-11-23', end: '2026-11-29' },
        { id: 't', kind: 'term', start: '2026-09-01', end: '2026-12-18', term: 'Autumn 2026' },
      ]),
    ).toBe(
      'Not shown yet: Week of 23 November 2026, Autumn 2026. A week or term is shown once it has ended and all its check-ins have closed, and then it does not change.',
    );
    expect(
      pendingText('cy', [{ id: 'w', kind: 'week', start: '2026-11-23', end: '2026-11-29' }]),
    ).toMatch(/^Heb ei ddangos eto: Wythnos 23 Tachwedd 2026\./);
  });
});
