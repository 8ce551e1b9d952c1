/**
 * The one CSV writer (the rota export and the school's check-in trends). RFC 4180: a field with
 * a comma, a double quote or a line break is quoted and its quotes doubled; lines end in CRLF,
 * the last one too. The document starts with a UTF-8 byte order mark, because without it Excel
 * reads the file as Windows-1252 and turns the Welsh ŵ and ŷ (and any accented name) into
 * mojibake.
 */

/** U+FEFF: sent as the bytes EF BB BF at the start of a UTF-8 file. */
export const utf8Bom = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection");
 * class names and display names come from Teams, so anyone could write one.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One field, ready to join with commas. Text that would start a formula gets a leading
 * apostrophe, which the spreadsheet shows as text and does not run.
 */
export function csvField(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole document: the byte order mark, then every row (the header first), each ending CRLF. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return utf8Bom + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
