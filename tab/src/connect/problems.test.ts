import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.js';
import { problemMessages } from './problems.js';

const refused = (problems: string[]) => new ApiRequestError(400, 'invalidInput', 'No', problems);

describe('problemMessages', () => {
  it('says each problem in the reader’s language', () => {
    expect(problemMessages(refused(['endBeforeStart', 'weekdaysEmpty']), 'en-GB')).toEqual([
      'The end date is before the start date.',
      'Choose at least one weekday.',
    ]);
    expect(problemMessages(refused(['endBeforeStart']), 'cy')).toHaveLength(1);
    expect(problemMessages(refused(['endBeforeStart']), 'cy')![0]).not.toBe(
      'The end date is before the start date.',
    );
  });

  it('has words for a code it does not know, and for a body it could not read', () => {
    expect(problemMessages(refused(['somethingNew', 'alsoNew']), 'en-GB')).toEqual([
      'Something in the form needs changing.',
    ]);
    expect(problemMessages(refused([]), 'en-GB')).toEqual([
      'Belong could not read that. Please check every box and try again.',
    ]);
  });

  it('leaves other failures to the usual error message', () => {
    expect(problemMessages(new ApiRequestError(403, 'forbidden', 'No'), 'en-GB')).toBeUndefined();
    expect(problemMessages(new Error('x'), 'en-GB')).toBeUndefined();
  });
});
