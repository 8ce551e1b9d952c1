import { enGBCards } from './en-GB/cards.js';
import { cyCards } from './cy/cards.js';
import { enGBTab } from './en-GB/tab.js';
import { cyTab } from './cy/tab.js';
import { enGBConnect } from './en-GB/connect.js';
import { cyConnect } from './cy/connect.js';
import { enGBRota } from './en-GB/rota.js';
import { cyRota } from './cy/rota.js';
import { enGBCheckin } from './en-GB/checkin.js';
import { cyCheckin } from './cy/checkin.js';
import { enGBRotaTab } from './en-GB/rota-tab.js';
import { cyRotaTab } from './cy/rota-tab.js';
import { enGBRotaNotify } from './en-GB/rota-notify.js';
import { cyRotaNotify } from './cy/rota-notify.js';
import { enGBCheckinTab } from './en-GB/checkin-tab.js';
import { cyCheckinTab } from './cy/checkin-tab.js';
import { enGBCheckinSchool } from './en-GB/checkin-school.js';
import { cyCheckinSchool } from './cy/checkin-school.js';
import { enGBTalk } from './en-GB/talk.js';
import { cyTalk } from './cy/talk.js';
import { enGBSupportTab } from './en-GB/support-tab.js';
import { cySupportTab } from './cy/support-tab.js';
import { enGBRolesTab } from './en-GB/roles-tab.js';
import { cyRolesTab } from './cy/roles-tab.js';

/** Locales Belong ships. en-GB is the source; every other locale must translate every key. */
export const locales = ['en-GB', 'cy'] as const;
export type Locale = (typeof locales)[number];

const catalogues = {
  'en-GB': {
    ...enGBCards,
    ...enGBTab,
    ...enGBConnect,
    ...enGBRota,
    ...enGBCheckin,
    ...enGBRotaTab,
    ...enGBRotaNotify,
    ...enGBCheckinTab,
    ...enGBCheckinSchool,
    ...enGBTalk,
    ...enGBSupportTab,
    ...enGBRolesTab,
  },
  cy: {
    ...cyCards,
    ...cyTab,
    ...cyConnect,
    ...cyRota,
    ...cyCheckin,
    ...cyRotaTab,
    ...cyRotaNotify,
    ...cyCheckinTab,
    ...cyCheckinSchool,
    ...cyTalk,
    ...cySupportTab,
    ...cyRolesTab,
  },
} as const;

export type MessageKey = keyof (typeof catalogues)['en-GB'];
export type MessageVars = Record<string, string | number>;

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
  const entry: Message = catalogues[locale][key] ?? catalogues['en-GB'][key];
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

export type PluralMessage = {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
};
export type Message = string | PluralMessage;
/** A translation must cover exactly the keys of the en-GB source catalogue. */
export type Translation<T> = { readonly [K in keyof T]: Message };
