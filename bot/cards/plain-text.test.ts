import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, markdownText } from './plain-text.js';

/** What is left once every backslash escape is taken out: Markdown would read these as markup. */
const unescaped = (s: string) => s.replace(/\\[\s\S]/g, '');

describe('markdownText: user text shown as text in a TextBlock', () => {
  it('a Markdown link is not a link', () => {
    const out = markdownText('[Free_prizes](https://evil.example/x)');
    expect(out).toBe('\\[Free\\_prizes\\]\\(https:∕∕evil․example/x\\)');
    expect(out).not.toContain('](');
    expect(out).not.toMatch(/https?:\/\//);
  });

  it('bare addresses, www and e-mail addresses are not linked', () => {
    for (const text of ['go to https://evil.example now', 'www.evil.example', 'bob@evil.example']) {
      const out = markdownText(text);
      expect(out).not.toMatch(/evil\.example|:\/\//);
      expect(out).toContain('evil\u2024example');
    }
  });

  it('bold, italic, code, strike, headings and template functions are escaped', () => {
    expect(markdownText('**bold** _it_ `code` ~~x~~ # h {{DATE(2017-02-14T06:00:00Z)}}')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~ \\# h \\{\\{DATE\\(2017-02-14T06:00:00Z\\)\\}\\}',
    );
  });

  it('a list marker at the start does not make a list; hyphens elsewhere stay as they are', () => {
    expect(markdownText('- one')).toBe('\\- one');
    expect(markdownText('1. one')).toBe('1\\. one');
    expect(markdownText('+ one')).toBe('\\+ one');
    expect(markdownText('Class 7B - Maths')).toBe('Class 7B - Maths');
    expect(markdownText('Mary-Jane O’Brien')).toBe('Mary-Jane O’Brien');
  });

  it('<at> mentions and HTML are shown, not read', () => {
    expect(markdownText('<at>Belong</at> hi')).toBe('‹at›Belong‹/at› hi');
    expect(markdownText('<b>x</b><script>alert(1)</script>')).not.toMatch(/[<>]/);
  });

  it('new lines cannot start a list or a paragraph', () => {
    expect(markdownText('hello\n\n- [x](y)\r\n2. z')).toBe('hello - \\[x\\]\\(y\\) 2. z');
  });
});

describe('cleanText: what cannot be seen is removed', () => {
  it('direction overrides and isolates', () => {
    expect(cleanText('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(cleanText('\u2066abc\u2069 \u200Fdef\u200E')).toBe('abc def');
  });

  it('zero-width characters, the soft hyphen and the byte-order mark', () => {
    expect(cleanText('ad\u200Bmi\u200Cn\u00AD\uFEFF\u2060')).toBe('admin');
    expect(cleanText('\u200B\u200B')).toBe('');
  });

  it('keeps emoji made with zero-width joiners and variation selectors', () => {
    expect(cleanText('👩‍🏫 ❤️ 👨‍👩‍👧')).toBe('👩‍🏫 ❤️ 👨‍👩‍👧');
  });

  it('control characters go; lone surrogates become �', () => {
    expect(cleanText('a\u0000b\u0007c\u009F')).toBe('abc');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
  });

  it('keeps a note’s line breaks when asked, at most one blank line in a row', () => {
    expect(
      cleanText('Rang home.\r\n\r\n\r\nMum \u202Eok\u2028next\t line', 500, { lines: true }),
    ).toBe('Rang home.\n\nMum ok\nnext line');
  });

  it('shortens by characters, never splitting an emoji', () => {
    expect(Array.from(cleanText('😀'.repeat(50), 40))).toHaveLength(40);
    expect(cleanText('😀'.repeat(50), 40).endsWith('😀…')).toBe(true);
    expect(cleanText('short', 40)).toBe('short');
  });
});

describe('for any text', () => {
  it('markdownText leaves nothing Markdown, HTML or an autolinker would read, nothing invisible, one line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (text, max) => {
          const out = markdownText(text, max);
          return (
            !/[\\`*_{}[\]()#+~<>]/.test(unescaped(out)) &&
            !/[\n\r\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/.test(out) &&
            !out.includes('://') &&
            !/[\p{L}\p{N}]\.[\p{L}\p{N}]/u.test(out) &&
            !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out) &&
            // What a reader sees (escapes taken out) is at most `max` characters.
            Array.from(out.replace(/\\([\s\S])/g, '$1')).length <= max
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
