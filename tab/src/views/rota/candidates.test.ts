import { describe, expect, it } from 'vitest';
import { candidateChoices } from './candidates.js';

const names: Record<string, string> = { a: 'Bethan Morgan', b: 'Ravi Sharma', c: 'Megan Tudor' };
const nameFor = (id: string) => names[id] ?? id;

describe('who could be added to a duty', () => {
  it('offers only those who can take it, and says why each of the others cannot', () => {
    const choices = candidateChoices(
      'en-GB',
      [
        { ambassadorId: 'b', problems: [] },
        { ambassadorId: 'a', problems: ['atMaximum'] },
        { ambassadorId: 'c', problems: ['notAvailable', 'busyThen'] },
      ],
      nameFor,
    );
    expect(choices.free).toEqual(['b']);
    expect(choices.cannot).toEqual([
      { id: 'a', text: 'Bethan Morgan: already has the most duties that week' },
      { id: 'c', text: 'Megan Tudor: not a time they can help; on another duty then' },
    ]);
  });

  it('in Welsh, and with nobody free', () => {
    const choices = candidateChoices(
      'cy',
      [{ ambassadorId: 'a', problems: ['busyThen'] }],
      nameFor,
    );
    expect(choices.free).toEqual([]);
    expect(choices.cannot).toEqual([
      { id: 'a', text: 'Bethan Morgan: ar ddyletswydd arall bryd hynny' },
    ]);
  });
});
