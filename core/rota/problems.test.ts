/** Auto-fill's refusals, and how the rota says them (problems.ts). */
import { describe, expect, it } from 'vitest';
import { autofill } from './autofill.js';
import {
  AutofillRefusal,
  autofillProblemCodes,
  rotaProblemCodes,
  rotaRefusalOf,
} from './problems.js';

describe('auto-fill refusals', () => {
  it('carry their codes as data, and each with its detail in the message', () => {
    const e = new AutofillRefusal(
      ['badNeeded', 'lockClash', 'badNeeded'],
      ['slot a needs 5', 'lock x on b', 'slot c needs 0'],
    );
    expect(e.codes).toEqual(['badNeeded', 'lockClash', 'badNeeded']);
    expect(e.problems).toEqual(['badNeeded', 'lockClash']);
    expect(e.code).toBe('invalidInput');
    expect(e.message).toBe(
      'The rota cannot be filled as asked: badNeeded (slot a needs 5); lockClash (lock x on b); ' +
        'badNeeded (slot c needs 0)',
    );
  });

  it('are thrown by auto-fill with every problem it found', () => {
    let error: unknown;
    try {
      autofill({
        rota: {
          startDate: '2026-09-07',
          endDate: '2026-09-04',
          weekAB: false,
          schoolDates: [],
          maxPerWeek: 0,
        },
        slots: [],
        ambassadors: [],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AutofillRefusal);
    expect((error as AutofillRefusal).codes).toEqual(['endBeforeStart', 'badMaxPerWeek']);
  });

  it('become the rota’s own conflict, keeping the codes people have words for', () => {
    const e = rotaRefusalOf(new AutofillRefusal(['badNeeded', 'lockClash', 'lockTwice'], []));
    expect(e.code).toBe('conflict');
    expect(e.problems).toEqual(['rotaInvalid', 'lockClash']);
    const shared = autofillProblemCodes.filter((c) =>
      (rotaProblemCodes as readonly string[]).includes(c),
    );
    for (const code of autofillProblemCodes) {
      const said = rotaRefusalOf(new AutofillRefusal([code], [''])).problems;
      expect(said, code).toEqual([shared.includes(code) ? code : 'rotaInvalid']);
    }
  });
});
