import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, utf8Bom } from './csv.js';

describe('csvField', () => {
  it('leaves plain text, numbers, dates and empty cells as they are', () => {
    expect(csvField('Class 7B')).toBe('Class 7B');
    expect(csvField('35')).toBe('35');
    expect(csvField('2026-11-16')).toBe('2026-11-16');
    expect(csvField('')).toBe('');
  });

  it('quotes a field with a comma', () => {
    expect(csvField('Library, upstairs')).toBe('"Library, upstairs"');
  });

  it('quotes a field with a double quote and doubles the quote', () => {
    expect(csvField('The "quiet" room')).toBe('"The ""quiet"" room"');
    expect(csvField('"')).toBe('""""');
  });

  it('quotes a field with a line break of any kind', () => {
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
  });

  it('defuses text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(
      `"'=HYPERLINK(""http://x"",""click"")"`,
    );
    expect(csvField('+44 1234')).toBe("'+44 1234");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });

  it('leaves formula characters alone when they are not first', () => {
    expect(csvField('Year 7 = best')).toBe('Year 7 = best');
    expect(csvField('a@b.example')).toBe('a@b.example');
    expect(csvField('Autumn 2026-27')).toBe('Autumn 2026-27');
  });

  it('keeps Welsh letters as they are', () => {
    expect(csvField('Dosbarth 7B — ŵ ŷ Ŵ Ŷ â ê î ô û')).toBe('Dosbarth 7B — ŵ ŷ Ŵ Ŷ â ê î ô û');
    expect(csvField('Gŵyl, Tŷ')).toBe('"Gŵyl, Tŷ"');
  });
});

describe('csvDocument', () => {
  it('starts with the UTF-8 byte order mark and ends every line, the last too, with CRLF', () => {
    const doc = csvDocument([
      ['level', 'name'],
      ['class', 'Tŷ Gwyn'],
    ]);
    expect(doc).toBe(`${utf8Bom}level,name\r\nclass,Tŷ Gwyn\r\n`);
    expect(utf8Bom).toBe('\uFEFF');
  });

  it('encodes as UTF-8 with the bytes EF BB BF first, so Excel shows ŵ and ŷ', () => {
    const bytes = new TextEncoder().encode(csvDocument([['ŵ', 'ŷ']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3)]).toEqual([0xc5, 0xb5, 0x2c, 0xc5, 0xb7, 0x0d, 0x0a]);
  });

  it('quotes and defuses every field, and a reader gets the fields back', () => {
    const rows = [
      ['date', 'place', 'ambassador'],
      ['2026-11-25', 'Library, upstairs', '=cmd|"/c calc"!A1'],
      ['2026-11-26', 'Two\nlines', 'Siân "Sy" Ŵyn'],
    ];
    const doc = csvDocument(rows);
    expect(doc).toBe(
      `${utf8Bom}date,place,ambassador\r\n` +
        `2026-11-25,"Library, upstairs","'=cmd|""/c calc""!A1"\r\n` +
        `2026-11-26,"Two\nlines","Siân ""Sy"" Ŵyn"\r\n`,
    );
    expect(parse(doc)).toEqual([
      rows[0],
      ['2026-11-25', 'Library, upstairs', `'=cmd|"/c calc"!A1`],
      rows[2],
    ]);
  });

  it('is only the byte order mark when there are no rows', () => {
    expect(csvDocument([])).toBe(utf8Bom);
  });
});

/** A small RFC 4180 reader, to show the writer's output reads back into the same fields. */
function parse(doc: string): string[][] {
  expect(doc.startsWith(utf8Bom)).toBe(true);
  const text = doc.slice(utf8Bom.length);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(row).toEqual([]);
  expect(field).toBe('');
  return rows;
}
