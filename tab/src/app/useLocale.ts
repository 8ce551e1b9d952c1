import { useCallback, useEffect, useState } from 'react';
import { t, type Locale } from '../../../core/i18n/index.js';
import { chooseLocale, readStoredLocale, storeLocale } from '../i18n/locale.js';
import { browserStorage } from './browser.js';

export function useLocale(hostLocale: string | undefined): [Locale, (next: Locale) => void] {
  const [chosen, setChosen] = useState(() => readStoredLocale(browserStorage('local')));
  const locale = chooseLocale({ stored: chosen, host: hostLocale, browser: navigator.language });

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
