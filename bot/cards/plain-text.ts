/**
 * The one place user text is made safe to show in a card (decision 023): a pupil's command, a
 * name, a team, channel or place name. Teams reads TextBlock text and FactSet titles and values
 * as Markdown (bold, italic, lists, [links](url)), turns bare web addresses into links, and some
 * clients read `<…>` as HTML; `<at>…</at>` is Teams' mention syntax. Without this, a pupil who
 * types `@Belong [Free prizes](https://evil.example)` makes Belong post a link in its own name.
 *
 * - `cleanText` is for places Teams shows as typed (TextRun, choice titles): it removes what
 *   cannot be seen — direction overrides, zero-width and control characters — and folds lines and
 *   runs of spaces into one space, then shortens.
 * - `markdownText` is for TextBlock and FactSet text: it also escapes Markdown's characters,
 *   turns `<` `>` into ‹ ›, and breaks web addresses (dots between letters become the one-dot
 *   leader ․, `://` becomes `:∕∕`) so no client links them. The words still read the same.
 */

/** Unpaired UTF-16 halves: not text, and storage and JSON encoders choke on them. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Characters that change how text around them is shown without being seen: bidirectional
 * embeddings, overrides, isolates and marks (U+202E turns "gpj.exe" into "exe.jpg"), zero-width
 * spaces and joiners, the soft hyphen, word joiner and invisible operators, the byte-order mark,
 * and Hangul fillers used as invisible names. A zero-width joiner between two emoji is kept: it
 * is how emoji such as 👩‍🏫 are made.
 */
const invisible =
  // eslint-disable-next-line no-misleading-character-class -- it lists invisible code points on purpose
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0E\uFEFF\uFFA0\uFFF9-\uFFFB]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

// eslint-disable-next-line no-control-regex -- control characters are what it removes
const control = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text as typed, without what cannot be seen, at most `max` characters: on one line, or (`lines`,
 * for a note shown in a TextRun) keeping its line breaks, at most one blank line in a row.
 */
export function cleanText(text: string, max = 500, options: { lines?: boolean } = {}): string {
  const visible = text.replace(loneSurrogate, '\uFFFD').replace(invisible, '');
  const one = (
    options.lines
      ? visible
          .replace(/\r\n?|[\u2028\u2029\v\f\x85]/g, '\n')
          .replace(control, '')
          .replace(/[^\S\n]+/gu, ' ')
          .replace(/ ?\n ?/g, '\n')
          .replace(/\n{3,}/g, '\n\n')
      : visible.replace(control, '').replace(/\s+/gu, ' ')
  ).trim();
  const chars = Array.from(one);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}

/** Markdown's characters, escaped with a backslash (CommonMark escapes; Teams reads them). */
const markdownChars = /[\\`*_{}[\]()#+~]/g;

/** User text for a TextBlock or a FactSet: shown as text, never as formatting, a link or a mention. */
export function markdownText(text: string, max = 500): string {
  return (
    cleanText(text, max)
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      // Web addresses and e-mail addresses: no dot between letters or digits, no `://`.
      .replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '\u2024')
      .replace(/:\/\//g, ':\u2215\u2215')
      .replace(markdownChars, (c) => `\\${c}`)
      // A list marker at the start ("- ", "1. ") would make the line a list.
      .replace(/^(-|\d+)([.)]?)(?= )/u, (_m, marker: string, dot: string) =>
        marker === '-' ? '\\-' : `${marker}${dot ? `\\${dot}` : ''}`,
      )
  );
}
