/**
 * CSV as RFC 4180 describes it: CRLF line ends, a header row, fields quoted
 * when they hold a comma, a quote or a line break, quotes doubled inside.
 *
 * Exports are opened in spreadsheets, which run a cell that starts with
 * = + - @ (or a tab or carriage return, which some strip first) as a formula.
 * Such text cells get a leading apostrophe, as OWASP recommends, so a name
 * like "=HYPERLINK(...)" is shown, never run. Numbers are written as numbers,
 * so a negative number is not mangled.
 */

export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole file: the header row, then one line per row. A byte-order mark lets Excel read it as UTF-8. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `\uFEFF${lines.join('')}`;
}
