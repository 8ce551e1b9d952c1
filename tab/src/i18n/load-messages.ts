/**
 * The tab's languages: en-GB is in the first load; any other language is a chunk of its own,
 * fetched only when a reader needs it (decision 034: the first load stays under 150 KB gzip).
 */
import { addMessages, hasMessages, type Catalogue, type Locale } from '../../../core/i18n/index.js';

const chunks: { [L in Locale]: () => Promise<Catalogue> } = {
  'en-GB': () => Promise.reject(new Error('en-GB is always loaded')),
  cy: () => import('../../../core/i18n/cy/index.js').then((m) => m.cy),
};

const inFlight = new Map<Locale, Promise<void>>();

/** Resolves once `locale`'s messages are here. A failed fetch can be tried again. */
export function loadMessages(locale: Locale): Promise<void> {
  if (hasMessages(locale)) return Promise.resolve();
  let loading = inFlight.get(locale);
  if (!loading) {
    loading = chunks[locale]()
      .then((messages) => addMessages(locale, messages))
      .finally(() => inFlight.delete(locale));
    inFlight.set(locale, loading);
  }
  return loading;
}
