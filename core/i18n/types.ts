/** Locales Belong ships. en-GB is the source; every other locale must translate every key. */
export const locales = ['en-GB', 'cy'] as const;
export type Locale = (typeof locales)[number];

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
