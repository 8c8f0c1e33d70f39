import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('writes a header and quotes cells that need it', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: null }], ['a', 'b', 'c'])).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv([{ a: '=HYPERLINK("x")', b: -3 }], ['a', 'b'])).toBe(`a,b\r\n"'=HYPERLINK(""x"")",-3\r\n`);
  });
});
