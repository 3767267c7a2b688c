/**
 * CSV output: RFC 4180 quoting read back by a strict parser (csv-parse, which
 * restify already brings), and spreadsheet formulas defused.
 */
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../../src/domain/csv';

const readBack = (text: string): string[][] => parse(text, { bom: true, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });

describe('CSV files', () => {
  it('writes a BOM, a header row and CRLF line ends, and reads back cell for cell', () => {
    const rows = [
      ['Zoë Łukasz', 'says "hi", then leaves', 3, true],
      ['two\nlines', 'comma, inside', -2.5, false],
      ['', null, undefined, new Date('2026-03-01T09:30:00Z')],
    ];
    const text = toCsv(['name', 'note', 'n', 'flag'], rows);
    expect(text.startsWith('\uFEFFname,note,n,flag\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readBack(text)).toEqual([
      ['name', 'note', 'n', 'flag'],
      ['Zoë Łukasz', 'says "hi", then leaves', '3', 'true'],
      ['two\nlines', 'comma, inside', '-2.5', 'false'],
      ['', '', '', '2026-03-01T09:30:00.000Z'],
    ]);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('quotes only the fields that need it, doubling quotes inside', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('defuses text a spreadsheet would run as a formula, but keeps negative numbers as numbers', () => {
    for (const formula of ['=1+1', '+49 170 1234', '-cmd', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = csvCell(formula);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(readBack(toCsv(['x'], [['=HYPERLINK("http://evil","click")']]))[1]).toEqual([`'=HYPERLINK("http://evil","click")`]);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
