import { locales, pickLocale, type Locale } from '../../../core/i18n/index.js';

/** The person's own choice from the language switch; it outlives the session on purpose. */
export const localeStorageKey = 'belong.locale';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readStoredLocale(store: KeyValueStore | undefined): Locale | undefined {
  const value = safely(() => store?.getItem(localeStorageKey));
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : undefined;
}

export function storeLocale(store: KeyValueStore | undefined, locale: Locale): void {
  safely(() => store?.setItem(localeStorageKey, locale));
}

/** A stored choice wins over the host (Teams) locale, which wins over the browser's. */
export function chooseLocale(sources: {
  stored?: Locale | undefined;
  host?: string | undefined;
  browser?: string | undefined;
}): Locale {
  return sources.stored ?? pickLocale(sources.host ?? sources.browser);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'cy' ? 'en-GB' : 'cy';
}

/** Storage can throw (private browsing, blocked third-party storage inside an iframe). */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
