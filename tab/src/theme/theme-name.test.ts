import { describe, expect, it } from 'vitest';
import { themeFromMedia, themeFromTeams } from './theme-name.js';

describe('themeFromTeams', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['glass', 'light'],
    [undefined, 'light'],
  ] as const)('maps %s to %s', (teams, expected) => {
    expect(themeFromTeams(teams)).toBe(expected);
  });
});

describe('themeFromMedia', () => {
  it('follows prefers-color-scheme', () => {
    expect(themeFromMedia({ dark: false, forcedColors: false })).toBe('light');
    expect(themeFromMedia({ dark: true, forcedColors: false })).toBe('dark');
  });

  it('uses high contrast whenever forced colours are active', () => {
    expect(themeFromMedia({ dark: true, forcedColors: true })).toBe('contrast');
    expect(themeFromMedia({ dark: false, forcedColors: true })).toBe('contrast');
  });
});
