import { describe, expect, it } from 'vitest';
import { memoryStore } from '../testing/memory-store.js';
import { clearDevToken, devTokenStorageKey, readDevToken, storeDevToken } from './dev-token.js';

const now = new Date('2026-02-02T09:00:00Z');

describe('dev token storage', () => {
  it('round-trips an unexpired token', () => {
    const store = memoryStore();
    storeDevToken(store, { token: 'abc', expiresAt: '2026-02-02T10:00:00Z' });
    expect(readDevToken(store, now)).toBe('abc');
    clearDevToken(store);
    expect(readDevToken(store, now)).toBeUndefined();
  });

  it('drops an expired token', () => {
    const store = memoryStore();
    storeDevToken(store, { token: 'abc', expiresAt: '2026-02-02T08:59:59Z' });
    expect(readDevToken(store, now)).toBeUndefined();
  });

  it('ignores garbage', () => {
    for (const raw of ['not json', '{}', '{"token":""}', '{"token":42}', 'null']) {
      expect(readDevToken(memoryStore({ [devTokenStorageKey]: raw }), now)).toBeUndefined();
    }
  });

  it('leaves a token with an unreadable expiry for the server to judge', () => {
    const store = memoryStore({ [devTokenStorageKey]: '{"token":"abc","expiresAt":"soon"}' });
    expect(readDevToken(store, now)).toBe('abc');
  });
});
