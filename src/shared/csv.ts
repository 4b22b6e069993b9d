// CSV for course designers who open the download in a spreadsheet; shared by the collector's review
// download and the learner's own feedback download. RFC 4180: fields joined by commas, records ended
// by CRLF, quotes doubled. Every cell is quoted, so a `;` (the separator Finnish spreadsheets guess)
// or a comma inside a cell never splits it.
// Feedback text is written by anyone, so a cell that a spreadsheet would read as a formula is prefixed
// with a single quote: https://owasp.org/www-community/attacks/CSV_Injection. Spreadsheets skip
// leading spaces of any kind (a no-break space, an ideographic space) before they look for the sign,
// and some read the full-width signs ＝＋－＠ as their ASCII forms, so both are checked.

export type CsvValue = string | number | null | undefined;

/** Spaces and invisible characters a spreadsheet may skip before the first sign: \s covers Unicode spaces. */
const LEADING_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]*/u;
/** The signs that start a formula or a DDE call, in ASCII and in full width, and tab or CR. */
const FORMULA_SIGN = /^[=+\-@\t\r|\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** Whether a spreadsheet could read the text as a formula. */
export const looksLikeFormula = (value: string): boolean =>
  FORMULA_SIGN.test(value) || FORMULA_SIGN.test(value.replace(LEADING_SPACE, ''));

/** Escapes one cell: neutralises formulas, then quotes it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  // Numbers come from our own columns (the rating), never from a learner; quoted like every cell.
  if (typeof value === 'number') return `"${String(value)}"`;
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
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
