import { describe, expect, it } from 'vitest';
import { BelongError } from '../errors.js';
import { cyConnect } from '../i18n/cy/connect.js';
import { enGBConnect } from '../i18n/en-GB/connect.js';
import { t } from '../i18n/index.js';
import {
  connectProblemCodes,
  connectProblemText,
  inputProblems,
  isConnectProblem,
} from './problems.js';
import { scheduleProblems } from './schedule.js';

describe("Connect's problem codes", () => {
  it('are unique', () => {
    expect(new Set(connectProblemCodes).size).toBe(connectProblemCodes.length);
  });

  it('each has words in English and in Welsh, and the catalogue has none for a code that went', () => {
    for (const code of connectProblemCodes) {
      expect(enGBConnect, code).toHaveProperty([`connect.problem.${code}`]);
      expect(cyConnect, code).toHaveProperty([`connect.problem.${code}`]);
      expect(t('cy', `connect.problem.${code}`), code).not.toBe(
        t('en-GB', `connect.problem.${code}`),
      );
    }
    const keys = Object.keys(enGBConnect).filter((k) => k.startsWith('connect.problem.'));
    expect(keys.sort()).toEqual(connectProblemCodes.map((c) => `connect.problem.${c}`).sort());
  });

  it('include every schedule problem (the compiler checks it too)', () => {
    expect(scheduleProblems.filter((p) => !isConnectProblem(p))).toEqual([]);
  });

  it('say a code in the reader language, and a code this build does not know in general words', () => {
    expect(connectProblemText('cy', 'endBeforeStart')).toBe(
      t('cy', 'connect.problem.endBeforeStart'),
    );
    expect(connectProblemText('en-GB', 'somethingNew')).toBe(
      t('en-GB', 'tab.connect.problem.unknown'),
    );
    expect(isConnectProblem('somethingNew')).toBe(false);
  });

  it('refuse input with each code once and the English words as the message', () => {
    const error = inputProblems(['timeFormat', 'timeFormat', 'weekdaysEmpty']);
    expect(error).toBeInstanceOf(BelongError);
    expect(error.code).toBe('invalidInput');
    expect(error.problems).toEqual(['timeFormat', 'weekdaysEmpty']);
    expect(error.message).toBe(
      `${t('en-GB', 'connect.problem.timeFormat')} ${t('en-GB', 'connect.problem.weekdaysEmpty')}`,
    );
  });
});
