import { describe, expect, it } from 'vitest';
import { cyRotaTab } from '../../../../core/i18n/cy/rota-tab.js';
import { enGBRotaTab } from '../../../../core/i18n/en-GB/rota-tab.js';
import type { Message } from '../../../../core/i18n/index.js';

const texts = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));
const placeholders = (m: Message) =>
  [
    ...new Set(
      texts(m)
        .join(' ')
        .match(/\{\w+\}/g) ?? [],
    ),
  ].sort();

describe('the rota tab’s strings', () => {
  it('Welsh covers every English key with the same placeholders, and nothing is empty', () => {
    expect(Object.keys(cyRotaTab).sort()).toEqual(Object.keys(enGBRotaTab).sort());
    for (const [key, english] of Object.entries(enGBRotaTab) as [string, Message][]) {
      expect(key).toMatch(/^tab\.rota\./);
      const welsh = (cyRotaTab as Record<string, Message>)[key]!;
      expect(placeholders(welsh), key).toEqual(placeholders(english));
      for (const text of [...texts(english), ...texts(welsh)])
        expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('speaks to ambassadors (pupils) in short sentences of short words', () => {
    // A rough reading-age check: the texts pupils read keep sentences to 14 words and words to
    // 12 letters (names and places arrive through placeholders).
    for (const [key, message] of Object.entries(enGBRotaTab) as [string, Message][]) {
      if (!key.startsWith('tab.rota.me.')) continue;
      for (const sentence of texts(message)
        .join(' ')
        .split(/[.!?:]\s*/)) {
        const words = sentence
          .replace(/\{\w+\}/g, 'X')
          .split(/\s+/)
          .filter(Boolean);
        expect(words.length, `${key}: “${sentence}”`).toBeLessThanOrEqual(14);
        for (const word of words)
          expect(word.replace(/[^A-Za-z]/g, '').length, `${key}: ${word}`).toBeLessThanOrEqual(12);
      }
    }
  });
});
