// CSV for course designers who open the download in a spreadsheet. RFC 4180: fields joined by commas,
// records ended by CRLF, a field quoted when it holds a comma, quote, CR or LF, quotes doubled.
// Feedback text is written by anyone, so a cell that a spreadsheet would read as a formula
// (=, +, -, @, and tab or CR, which some spreadsheets skip before parsing) is prefixed with a single
// quote: https://owasp.org/www-community/attacks/CSV_Injection

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Escapes one cell: neutralises formulas, then quotes where RFC 4180 requires it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers come from our own columns (the rating), never from a learner, so they stay numbers.
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, ended by CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * A whole document: a header row, then one row per record. Starts with a UTF-8 byte order mark
 * because Excel otherwise reads UTF-8 as the local code page and mangles ä and ö.
 */
export function toCsv<T>(
  columns: readonly { header: string; value: (row: T) => CsvValue }[],
  rows: Iterable<T>,
): string {
  let out = `\uFEFF${csvRow(columns.map((column) => column.header))}`;
  for (const row of rows) out += csvRow(columns.map((column) => column.value(row)));
  return out;
}
