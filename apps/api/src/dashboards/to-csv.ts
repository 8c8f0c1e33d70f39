/**
 * RFC 4180 CSV of rows with the given columns; cells with commas, quotes or line breaks are quoted, and cells
 * starting with `= + - @` get a leading apostrophe so spreadsheets do not run them as formulas.
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    let text = value instanceof Date ? value.toISOString() : String(value);
    if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])).join(','))].join('\r\n') + '\r\n';
}
