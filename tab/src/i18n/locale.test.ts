import { describe, expect, it } from 'vitest';
import {
  chooseLocale,
  localeStorageKey,
  otherLocale,
  readStoredLocale,
  storeLocale,
  type KeyValueStore,
} from './locale.js';
import { memoryStore } from '../testing/memory-store.js';

const throwingStore: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('SecurityError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('chooseLocale', () => {
  it('prefers the stored choice over Teams and the browser', () => {
    expect(chooseLocale({ stored: 'cy', host: 'en-GB', browser: 'en-US' })).toBe('cy');
    expect(chooseLocale({ stored: 'en-GB', host: 'cy-GB', browser: 'cy' })).toBe('en-GB');
  });

  it('uses the Teams locale before the browser language', () => {
    expect(chooseLocale({ host: 'cy-GB', browser: 'en-GB' })).toBe('cy');
    expect(chooseLocale({ host: 'en-US', browser: 'cy' })).toBe('en-GB');
  });

  it('falls back to the browser language, then en-GB', () => {
    expect(chooseLocale({ browser: 'cy' })).toBe('cy');
    expect(chooseLocale({ browser: 'fr-FR' })).toBe('en-GB');
    expect(chooseLocale({})).toBe('en-GB');
  });
});

describe('stored locale', () => {
  it('round-trips a choice', () => {
    const store = memoryStore();
    storeLocale(store, 'cy');
    expect(store.data.get(localeStorageKey)).toBe('cy');
    expect(readStoredLocale(store)).toBe('cy');
  });

  it('ignores values that are not a shipped locale', () => {
    expect(readStoredLocale(memoryStore({ [localeStorageKey]: 'fr' }))).toBeUndefined();
    expect(readStoredLocale(memoryStore())).toBeUndefined();
    expect(readStoredLocale(undefined)).toBeUndefined();
  });

  it('survives storage that throws', () => {
    expect(readStoredLocale(throwingStore)).toBeUndefined();
    expect(() => storeLocale(throwingStore, 'cy')).not.toThrow();
  });
});

describe('otherLocale', () => {
  it('switches between English and Welsh', () => {
    expect(otherLocale('en-GB')).toBe('cy');
    expect(otherLocale('cy')).toBe('en-GB');
  });
});
