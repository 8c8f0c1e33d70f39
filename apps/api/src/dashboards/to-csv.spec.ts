import { csvCell, streamCsv, toCsv } from './to-csv';

describe('toCsv', () => {
  it('writes a BOM, a header and quotes cells that need it', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: null }], ['a', 'b', 'c'])).toBe(
      '\uFEFFa,b,c\r\n"x,y","say ""hi""",\r\n',
    );
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv([{ a: '=HYPERLINK("x")', b: -3 }], ['a', 'b'])).toBe(`\uFEFFa,b\r\n"'=HYPERLINK(""x"")",-3\r\n`);
  });
});

describe('csvCell', () => {
  it.each([
    ["-1+1+cmd|' /C calc'!A0", `'-1+1+cmd|' /C calc'!A0`],
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-2e3+cmd', "'-2e3+cmd"],
    ['-', "'-"],
    ['=cmd|"/c calc"!A0', `"'=cmd|""/c calc""!A0"`],
  ])('escapes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    [-3, '-3'],
    [-0.25, '-0.25'],
    ['-42', '-42'],
    ['-1.5e-7', '-1.5e-7'],
    [1500000, '1500000'],
    ['plain', 'plain'],
    ['a-b=c', 'a-b=c'],
    [true, 'true'],
    [new Date('2026-01-02T03:04:05Z'), '2026-01-02T03:04:05.000Z'],
  ])('keeps %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('streamCsv', () => {
  it('writes the same document as toCsv, batch by batch', async () => {
    async function* batches() {
      yield [{ a: '=1', b: 1 }];
      yield [];
      yield [
        { a: 'x', b: -2 },
        { a: null, b: 3 },
      ];
    }
    let text = '';
    for await (const chunk of streamCsv(batches(), ['a', 'b'])) text += chunk;
    expect(text).toBe(
      toCsv(
        [
          { a: '=1', b: 1 },
          { a: 'x', b: -2 },
          { a: null, b: 3 },
        ],
        ['a', 'b'],
      ),
    );
  });
});
