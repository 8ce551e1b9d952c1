import { describe, expect, it } from 'vitest';
import { notInTotals } from '../../../../../core/checkin/checkin-settings.js';
import { ApiRequestError } from '../../../api/client.js';
import { yearGroupLabel } from './heat-map.js';
import { bodyOf, draftOf, settingsProblems, yearGroupChoices } from './settings-draft.js';

describe('check-in settings form', () => {
  it('round-trips the server’s settings; "not set" is left out of what is sent', () => {
    const draft = draftOf({ k: 10, yearGroups: { a: '7', gone: '9' } });
    expect(draft).toEqual({ k: '10', yearGroups: { a: '7', gone: '9' } });
    const edited = { k: ' 5 ', yearGroups: { ...draft.yearGroups, a: '', b: 'R' } };
    // A class the tab no longer lists keeps its year group.
    expect(bodyOf(edited)).toEqual({ body: { k: 5, yearGroups: { gone: '9', b: 'R' } } });
  });

  it('sends any whole number (the server says what is too small or large); refuses the rest here', () => {
    expect(bodyOf({ k: '4', yearGroups: {} })).toEqual({ body: { k: 4, yearGroups: {} } });
    for (const k of ['', 'ten', '7.5', '1e1']) {
      expect(bodyOf({ k, yearGroups: {} })).toEqual({ problems: ['kNotNumber'] });
    }
  });

  it('offers Reception, Years 1–13 and “not in the totals”, each with words', () => {
    expect(yearGroupChoices).toEqual([
      'R',
      ...Array.from({ length: 13 }, (_, i) => `${i + 1}`),
      notInTotals,
    ]);
    expect(yearGroupLabel('en-GB', notInTotals)).toBe('Not in year or school totals');
    expect(yearGroupLabel('cy', notInTotals)).not.toBe(yearGroupLabel('en-GB', notInTotals));
  });

  it('says the server’s problems in words, unknown codes in general words', () => {
    const refused = new ApiRequestError(400, 'invalidInput', 'x', [
      'kTooSmall',
      'yearGroupUnknown',
    ]);
    expect(settingsProblems(refused, 'en-GB')).toEqual([
      'The smallest group shown must be 5 or more.',
      'A year group must be Reception, Year 1 to 13, or not in the totals.',
    ]);
    expect(settingsProblems(new ApiRequestError(400, 'x', 'x', ['kTooLarge']), 'cy')).toEqual([
      'Rhaid i’r grŵp lleiaf a ddangosir fod yn 20 neu lai.',
    ]);
    expect(settingsProblems(new ApiRequestError(400, 'x', 'x', ['newCode']), 'en-GB')).toEqual([
      'Something in the settings needs changing.',
    ]);
    expect(settingsProblems(new ApiRequestError(400, 'x', 'x'), 'en-GB')).toEqual([
      'Belong could not read those settings. Please check them.',
    ]);
    expect(settingsProblems(new ApiRequestError(403, 'forbidden', 'x'), 'en-GB')).toBeUndefined();
    expect(settingsProblems(new Error('boom'), 'en-GB')).toBeUndefined();
  });
});
