import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, toCsv } from '../../src/features/feedback/csv';

describe('CSV cells (RFC 4180)', () => {
  it('leaves plain text, numbers and empty values as they are', () => {
    expect(csvCell('Hyvä oppitunti')).toBe('Hyvä oppitunti');
    expect(csvCell(4)).toBe('4');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell with a comma, a quote or a line break and doubles its quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('she said "hi"')).toBe('"she said ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it.each(['=SUM(A1:A2)', '+358 40 123', '-1+1', '@cmd', '\t=1', '\r=1'])(
    'prefixes %j with a single quote so a spreadsheet shows it instead of evaluating it',
    (value) => {
      expect(
        csvCell(value)
          .replace(/^"/, '')
          .startsWith(`'${value.slice(0, 1)}`),
      ).toBe(true);
    },
  );

  it('neutralises a formula and still quotes it when it holds a comma or a quote', () => {
    expect(csvCell('=HYPERLINK("http://x.example","click")')).toBe('"\'=HYPERLINK(""http://x.example"",""click"")"');
  });

  it('does not prefix a formula character that is not at the start', () => {
    expect(csvCell('1 = 1')).toBe('1 = 1');
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['a', 1, undefined, 'b,c'])).toBe('a,1,,"b,c"\r\n');
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
    ).toBe("\uFEFFid,n\r\nx,1\r\n'=y,2\r\n");
  });
});
