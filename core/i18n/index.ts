/**
 * Belong's messages: `t(locale, key, vars)`. en-GB, the source, is always here. Other languages
 * are added once with `addMessages` — by the server at start (`all-locales.ts`), and by the tab
 * only for a reader who needs them, so an English reader's first load carries no Welsh (decision
 * 034). A key asked for in a language not added yet falls back to en-GB.
 */
import { enGB } from './en-GB/index.js';
import type { Locale, Message, PluralMessage, Translation } from './types.js';

export { locales } from './types.js';
export type { Locale, Message, PluralMessage, Translation } from './types.js';

export type MessageKey = keyof typeof enGB;
export type MessageVars = Record<string, string | number>;
export type Catalogue = Translation<typeof enGB>;

const catalogues: { [L in Locale]?: Catalogue } = { 'en-GB': enGB };

/** Adds (or replaces) a language's messages. */
export function addMessages(locale: Locale, messages: Catalogue): void {
  catalogues[locale] = messages;
}

/** Whether `locale`'s own messages are here (en-GB always is). */
export function hasMessages(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Teams sends locales such as "cy-GB", "en-US" or "en"; anything Welsh is Welsh, the rest falls back to en-GB. */
export function pickLocale(requested: string | undefined | null): Locale {
  if (requested && /^cy(\b|[-_])/i.test(requested)) return 'cy';
  return 'en-GB';
}

/**
 * Looks a message up and fills `{name}` placeholders. A message may be a plural table keyed by
 * Intl.PluralRules categories (Welsh uses zero/one/two/few/many/other); `count` picks the form.
 */
export function t(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  const entry: Message = catalogues[locale]?.[key] ?? enGB[key];
  let text: string;
  if (typeof entry === 'string') {
    text = entry;
  } else {
    const count = Number(vars.count ?? 0);
    const category = new Intl.PluralRules(locale).select(count) as keyof PluralMessage;
    text = entry[category] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
