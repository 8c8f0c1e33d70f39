import { createCsvRecordReader } from './csv-record-reader';

const LIMITS = { maxFieldChars: 20, maxCells: 5 };
const readAll = (chunks: string[], limits = LIMITS) => {
  const reader = createCsvRecordReader(limits);
  return [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.end()];
};

describe('createCsvRecordReader', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks, CRLF and LF line ends', () => {
    expect(readAll(['id,name\r\n1,"Rao, ""Asha"""\n2,"two\r\nlines"\r\n'])).toEqual([
      ['id', 'name'],
      ['1', 'Rao, "Asha"'],
      ['2', 'two\r\nlines'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries (inside quotes, between CR and LF)', () => {
    const text = '\uFEFFid,name\r\n1,"a ""b"", c"\r\n2,x\r\n';
    const whole = readAll([text]);
    expect(whole).toEqual([
      ['id', 'name'],
      ['1', 'a "b", c'],
      ['2', 'x'],
    ]);
    for (let cut = 1; cut < text.length; cut += 1)
      expect(readAll([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    expect(readAll(text.split(''))).toEqual(whole);
  });

  it('skips blank lines, keeps empty cells and the last record without a line break', () => {
    expect(readAll(['a,b\n\n,\n1,'])).toEqual([
      ['a', 'b'],
      ['', ''],
      ['1', ''],
    ]);
  });

  it('keeps at most one character more than the field limit and one cell more than the cell limit', () => {
    const [record] = readAll([`${'x'.repeat(50)},"${'y'.repeat(50)}",3,4,5,6,7,8\n`]);
    expect(record).toEqual(['x'.repeat(21), 'y'.repeat(21), '3', '4', '5', '6']);
  });

  it('keeps text after a closing quote as written', () => {
    expect(readAll(['"a"b,c\n'])).toEqual([['ab', 'c']]);
  });
});
