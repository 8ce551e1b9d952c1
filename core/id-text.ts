/**
 * What text may be an id Belong stores as (part of) a storage key, or a name it stores and
 * shows: one home for the character rules the tab API's ids (server/http/ids.ts), the bot's
 * activity check (bot/activity-check.ts) and the storage port (ports/table-store.ts) all use
 * (decisions 022, 023).
 *
 * Azure Tables forbids `/ \ # ?` and control characters in keys, and its SDK throws on lone
 * surrogates (they cannot be URL-encoded). Stores prefix some ids (`team|<id>`,
 * `<scheduleId>@<date>`), so a free-text id is at most 200 characters within a 400-character key.
 */

/** The longest free-text id: leaves room for the prefixes stores add within a 400-char key part. */
export const maxIdLength = 200;

/** A UTF-16 surrogate without its other half: not well-formed text. */
export const loneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const controlOrKeyForbidden = /[\u0000-\u001f\u007f-\u009f/\\#?]/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const control = /[\u0000-\u001f\u007f-\u009f]/;

/** An Entra object id (a GUID), as in tokens, rosters and Teams activities. */
export const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `text` is well-formed UTF-16 with no control characters and none of `/ \ # ?`. */
export function isKeySafe(text: string): boolean {
  return !loneSurrogate.test(text) && !controlOrKeyForbidden.test(text);
}

/**
 * True when `text` is well-formed UTF-16 with no control characters: for names and labels that
 * are stored as values but may end up inside a key (a rota period names a buddy post).
 */
export function isPlainText(text: string): boolean {
  return !loneSurrogate.test(text) && !control.test(text);
}
