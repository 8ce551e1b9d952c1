import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.js';
import { nameBook, nameOf, shortId } from './names.js';
import { rotaProblems } from './rota-problems.js';

describe('rotaProblems', () => {
  it('says each of the server’s codes once, in the reader’s language, for any refusal', () => {
    const busy = new ApiRequestError(409, 'conflict', 'x', ['busyThen', 'atMaximum', 'busyThen']);
    expect(rotaProblems(busy, 'en-GB')).toEqual([
      'You are already on another duty at that time.',
      'That would be too many duties in one week.',
    ]);
    expect(rotaProblems(busy, 'cy')).toHaveLength(2);
    expect(rotaProblems(busy, 'cy')![0]).not.toBe('You are already on another duty at that time.');
  });

  it('has general words for a code it does not know, and nothing for errors without codes', () => {
    const newer = new ApiRequestError(409, 'conflict', 'x', ['somethingNew']);
    expect(rotaProblems(newer, 'en-GB')).toEqual(['Something in the form needs changing.']);
    expect(rotaProblems(new ApiRequestError(400, 'invalidInput', 'x'), 'en-GB')).toEqual([
      'Belong could not read that. Please check every box and try again.',
    ]);
    expect(rotaProblems(new ApiRequestError(500, 'internal', 'x'), 'en-GB')).toBeUndefined();
    expect(rotaProblems(new ApiRequestError(403, 'forbidden', 'x'), 'en-GB')).toBeUndefined();
    expect(rotaProblems(new Error('x'), 'en-GB')).toBeUndefined();
  });
});

describe('names', () => {
  it('finds names whatever the case of the id, and shortens ids to their last four', () => {
    const book = nameBook([{ id: 'AB-CD', displayName: 'Bethan Morgan' }]);
    expect(nameOf(book, 'ab-cd')).toBe('Bethan Morgan');
    expect(nameOf(book, 'other')).toBeUndefined();
    expect(shortId('00000000-0000-4000-8000-000000000101')).toBe('0101');
  });
});
