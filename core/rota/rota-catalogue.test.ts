import { describe, expect, it } from 'vitest';
import { cyRota } from '../i18n/cy/rota.js';
import { enGBRota } from '../i18n/en-GB/rota.js';
import { t, type Message, type MessageKey } from '../i18n/index.js';
import { rotaProblemCodes, rotaRefusal } from './problems.js';

const placeholders = (m: Message) =>
  [
    ...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? []),
  ].sort();

describe('rota strings', () => {
  it('Welsh covers every English key, with the same placeholders, and nothing empty', () => {
    expect(Object.keys(cyRota).sort()).toEqual(Object.keys(enGBRota).sort());
    for (const [key, message] of Object.entries(enGBRota) as [string, Message][]) {
      const welsh = (cyRota as Record<string, Message>)[key]!;
      expect(placeholders(welsh), key).toEqual(placeholders(message));
      for (const text of typeof welsh === 'string' ? [welsh] : Object.values(welsh))
        expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('every problem code, unfilled reason and warning can be said in both languages', () => {
    const keys = [
      ...rotaProblemCodes.map((c) => `rota.problem.${c}`),
      ...['nobody_available', 'everyone_at_maximum', 'everyone_busy'].map(
        (r) => `rota.unfilled.${r}`,
      ),
      ...['notADuty', 'inactive', 'unavailable', 'clash', 'overMaximum'].map(
        (w) => `rota.warning.${w}`,
      ),
    ];
    for (const key of keys) {
      expect(enGBRota, key).toHaveProperty([key]);
      expect(t('cy', key as MessageKey)).not.toBe(t('en-GB', key as MessageKey));
    }
    // And nothing in the catalogue is left over from a code that went.
    const problemKeys = Object.keys(enGBRota).filter((k) => k.startsWith('rota.problem.'));
    expect(problemKeys.sort()).toEqual(rotaProblemCodes.map((c) => `rota.problem.${c}`).sort());
  });

  it('a refusal carries its codes, once each, with the English text as its message', () => {
    const e = rotaRefusal('conflict', ['busyThen', 'atMaximum', 'busyThen']);
    expect(e.problems).toEqual(['busyThen', 'atMaximum']);
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      `${enGBRota['rota.problem.busyThen']} ${enGBRota['rota.problem.atMaximum']}`,
    );
  });
});
