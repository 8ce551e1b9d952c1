import type { KeyValueStore } from '../i18n/locale.js';

/** Reading `window.localStorage` itself throws when storage is blocked (some Teams webviews). */
export function browserStorage(kind: 'local' | 'session'): KeyValueStore | undefined {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return undefined;
  }
}
