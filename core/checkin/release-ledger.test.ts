import { describe, expect, it } from 'vitest';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { ReleaseLedger, type ReleasedPeriod } from './release-ledger.js';

const period = (total: number): ReleasedPeriod => ({
  kind: 'week',
  period: { id: 'w:2026-11-23', kind: 'week', start: '2026-11-23', end: '2026-11-29' },
  k: 10,
  yearGroups: { A: '7' },
  checkinIds: ['a1'],
  publishedOn: '2026-11-30',
  questions: {
    mood: {
      classes: {
        A: {
          total,
          options: [null, null, null, null, null],
          bands: { low: null, mid: null, high: null },
          checkins: 1,
        },
      },
      yearGroups: {},
      school: null,
    },
  },
});

describe('release ledger', () => {
  it('keeps the first version of a period: a second publisher reads it instead of its own', async () => {
    const store = new MemoryTableStore();
    const a = new ReleaseLedger(store);
    const b = new ReleaseLedger(store);
    expect((await a.publish('t', period(23))).questions.mood!.classes.A!.total).toBe(23);
    // Another instance, with other figures (say a new k): the first version stands.
    expect((await b.publish('t', period(30))).questions.mood!.classes.A!.total).toBe(23);
    expect((await b.list('t')).map((r) => r.questions.mood!.classes.A!.total)).toEqual([23]);
    expect(await a.list('other-school')).toEqual([]);
  });
});
