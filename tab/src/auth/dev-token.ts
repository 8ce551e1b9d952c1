import type { DevTokenResponse } from '../../../core/api.js';
import type { KeyValueStore } from '../i18n/locale.js';

/**
 * Local mode only: the persona's token lives in sessionStorage, so closing the tab signs out and
 * one browser tab can be the teacher while another is a pupil.
 */
export const devTokenStorageKey = 'belong.devToken';

export function readDevToken(store: KeyValueStore | undefined, now: Date): string | undefined {
  let raw: string | null | undefined;
  try {
    raw = store?.getItem(devTokenStorageKey);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const saved = JSON.parse(raw) as Partial<DevTokenResponse>;
    if (typeof saved.token !== 'string' || saved.token === '') return undefined;
    const expires = Date.parse(saved.expiresAt ?? '');
    // Unknown expiry: let the server decide (a 401 sends the person back to the picker).
    if (!Number.isNaN(expires) && expires <= now.getTime()) return undefined;
    return saved.token;
  } catch {
    return undefined;
  }
}

export function storeDevToken(store: KeyValueStore | undefined, token: DevTokenResponse): void {
  try {
    store?.setItem(devTokenStorageKey, JSON.stringify(token));
  } catch {
    /* the person signs in again next time */
  }
}

export function clearDevToken(store: KeyValueStore | undefined): void {
  try {
    store?.removeItem(devTokenStorageKey);
  } catch {
    /* nothing to clear */
  }
}
