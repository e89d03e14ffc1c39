/**
 * CSV as RFC 4180 writes it (CRLF rows, fields with a comma, quote or line break quoted, quotes
 * doubled), safe to open in a spreadsheet: a cell that starts like a formula (= + - @, tab, CR)
 * gets a leading apostrophe, so user text is never evaluated.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
