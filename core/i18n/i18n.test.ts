import { describe, expect, it } from 'vitest';
import { enGBCards } from './en-GB/cards.js';
import { cyCards } from './cy/cards.js';
import { enGBTab } from './en-GB/tab.js';
import { cyTab } from './cy/tab.js';
import { enGBTalk } from './en-GB/talk.js';
import { cyTalk } from './cy/talk.js';
import { enGBSupportTab } from './en-GB/support-tab.js';
import { cySupportTab } from './cy/support-tab.js';
import { enGBRolesTab } from './en-GB/roles-tab.js';
import { cyRolesTab } from './cy/roles-tab.js';
import { pickLocale, t, type Message } from './index.js';

const placeholders = (m: Message) =>
  [
    ...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? []),
  ].sort();

describe('catalogues', () => {
  for (const [name, en, cy] of [
    ['cards', enGBCards, cyCards],
    ['tab', enGBTab, cyTab],
    ['talk', enGBTalk, cyTalk],
    ['support tab', enGBSupportTab, cySupportTab],
    ['roles tab', enGBRolesTab, cyRolesTab],
  ] as const) {
    it(`${name}: Welsh covers every English key, with the same placeholders, and nothing empty`, () => {
      expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(en) as [string, Message][]) {
        const welsh = (cy as Record<string, Message>)[key]!;
        expect(placeholders(welsh), key).toEqual(placeholders(message));
        for (const text of typeof welsh === 'string' ? [welsh] : Object.values(welsh)) {
          expect(text.trim().length, key).toBeGreaterThan(0);
        }
      }
    });
  }
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en-GB', 'card.unknownCommand.body', { command: 'dance' })).toContain('“dance”');
    expect(t('en-GB', 'card.unknownCommand.body')).toContain('{command}');
  });
});

describe('pickLocale', () => {
  it.each([
    ['cy', 'cy'],
    ['cy-GB', 'cy'],
    ['CY_gb', 'cy'],
    ['en-US', 'en-GB'],
    ['fr-FR', 'en-GB'],
    ['', 'en-GB'],
    [undefined, 'en-GB'],
    ['cymraeg-ish', 'en-GB'],
  ])('%s → %s', (requested, expected) => {
    expect(pickLocale(requested)).toBe(expected);
  });
});
