import { useCallback, useEffect, useRef, useState } from 'react';
import { hasMessages, locales, t, type Locale } from '../../../core/i18n/index.js';
import { loadMessages } from '../i18n/load-messages.js';
import { chooseLocale, readStoredLocale, storeLocale } from '../i18n/locale.js';
import { browserStorage } from './browser.js';

/**
 * The reader's language. A language whose messages are still on their way is shown once they
 * arrive; until then the page stays in the language it was in (en-GB at first), never a mixture.
 */
export function useLocale(hostLocale: string | undefined): [Locale, (next: Locale) => void] {
  const [chosen, setChosen] = useState(() => readStoredLocale(browserStorage('local')));
  const wanted = chooseLocale({ stored: chosen, host: hostLocale, browser: navigator.language });
  const [, setArrived] = useState(0);
  const shown = useRef<Locale>('en-GB');
  if (hasMessages(wanted)) shown.current = wanted;
  const locale = shown.current;

  useEffect(() => {
    if (hasMessages(wanted)) return;
    let current = true;
    loadMessages(wanted).then(
      () => current && setArrived((n) => n + 1),
      () => {}, // offline: the page stays readable in the language it is in
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  // Staff can write a post in another language and preview it: fetch the other languages once
  // the page is up, and show the previews in them as soon as they arrive.
  useEffect(() => {
    const later = setTimeout(() => {
      for (const other of locales) {
        if (!hasMessages(other)) {
          loadMessages(other).then(
            () => setArrived((n) => n + 1),
            () => {},
          );
        }
      }
    }, 3_000);
    return () => clearTimeout(later);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(locale, 'tab.title');
  }, [locale]);

  const choose = useCallback((next: Locale) => {
    storeLocale(browserStorage('local'), next);
    setChosen(next);
  }, []);
  return [locale, choose];
}
