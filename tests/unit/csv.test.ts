import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, toCsv } from '../../src/shared/csv';

describe('CSV cells (RFC 4180)', () => {
  it('quotes every cell, numbers and empty values included', () => {
    expect(csvCell('Hyvä oppitunti')).toBe('"Hyvä oppitunti"');
    expect(csvCell(4)).toBe('"4"');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell('')).toBe('""');
  });

  it('doubles quotes and keeps commas, semicolons and line breaks inside the cell', () => {
    expect(csvCell('a, b; c')).toBe('"a, b; c"');
    expect(csvCell('she said "hi"')).toBe('"she said ""hi"""');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it.each([
    '=SUM(A1:A2)',
    '+358 40 123',
    '-1+1',
    '@cmd',
    '\t=1',
    '\r=1',
    ' =1',
    '\u00A0=1',
    '\u3000+1',
    '\u200B@x',
    '\uFF1D1+1',
    '\uFF0B1',
    '\uFF0D1',
    '\uFF20SUM(A1)',
    ' \u00A0\uFF1DHYPERLINK("x")',
    '|cmd',
  ])('prefixes %j with a single quote so a spreadsheet shows it instead of evaluating it', (value) => {
    expect(csvCell(value)).toBe(`"'${value.replaceAll('"', '""')}"`);
  });

  it('does not prefix a formula character that is not at the start', () => {
    expect(csvCell('1 = 1')).toBe('"1 = 1"');
    expect(csvCell('a -b')).toBe('"a -b"');
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['a', 1, undefined, 'b,c'])).toBe('"a","1","","b,c"\r\n');
  });

  it('writes a byte order mark, a header row and one row per record', () => {
    const columns = [
      { header: 'id', value: (row: { id: string; n: number }) => row.id },
      { header: 'n', value: (row: { id: string; n: number }) => row.n },
    ];
    expect(
      toCsv(columns, [
        { id: 'x', n: 1 },
        { id: '=y', n: 2 },
      ]),
    ).toBe('\uFEFF"id","n"\r\n"x","1"\r\n"\'=y","2"\r\n');
  });
});
