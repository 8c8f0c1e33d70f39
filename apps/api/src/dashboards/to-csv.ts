/** UTF-8 byte order mark: without it Excel reads a UTF-8 CSV as the machine's ANSI code page (mojibake names). */
export const CSV_BOM = '\uFEFF';

// OWASP "CSV Injection": a cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice or
// Google Sheets. A single quote before it makes the spreadsheet show the text instead of running it.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain decimal number (pg returns bigint and numeric as such strings): a spreadsheet reads it as a number and
// runs nothing, so `-3` stays `-3` and sorts and sums as a number. Anything more (`-1+1`, `-2e3+cmd|…`) is escaped.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * One CSV cell: RFC 4180 quoting (cells with commas, quotes or line breaks), and a leading `'` on text a spreadsheet
 * would run as a formula (starting with `= + - @`, tab or CR), except plain negative numbers, which stay numbers.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value !== 'number' && typeof value !== 'bigint' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines (CRLF-terminated) of rows with the given columns. */
export function csvRows<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return rows
    .map((row) => `${columns.map((c) => csvCell((row as Record<string, unknown>)[c])).join(',')}\r\n`)
    .join('');
}

/** A whole CSV document: BOM, header, rows (see {@link csvCell}). */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return `${CSV_BOM}${columns.join(',')}\r\n${csvRows(rows, columns)}`;
}

/** The same document as {@link toCsv}, written batch by batch as the batches arrive, so no export is held in memory. */
export async function* streamCsv<T extends object>(
  batches: AsyncIterable<readonly T[]>,
  columns: readonly (keyof T & string)[],
): AsyncGenerator<string> {
  yield `${CSV_BOM}${columns.join(',')}\r\n`;
  for await (const rows of batches) if (rows.length) yield csvRows(rows, columns);
}
