/** Bounds of {@link createCsvRecordReader}: what one record may hold in memory, whatever the input. */
export interface CsvReaderLimits {
  /** Characters kept per field; a longer field is cut to `maxFieldChars + 1` so the caller can tell it was too long. */
  maxFieldChars: number;
  /** Cells kept per record; further cells are dropped after `maxCells + 1` so the caller can tell there were more. */
  maxCells: number;
}

/** An incremental RFC 4180 reader: feed text as it arrives, get the records completed so far. */
export interface CsvRecordReader {
  /** The records that `text` completes, in order. */
  push(text: string): string[][];
  /** The last record when the input does not end with a line break. */
  end(): string[][];
}

const SPECIAL = /[",\r\n]/g;

/**
 * Reads CSV (comma-separated, `"` quoting with `""` escapes, CRLF or LF line ends, a leading BOM ignored) chunk by
 * chunk, so a file is never held whole; blank lines are skipped. The browser preview and the API import use this
 * same reader, so the preview shows the rows and cells the import will see.
 *
 * @example
 * ```ts
 * const reader = createCsvRecordReader({ maxFieldChars: 10_000, maxCells: 100 });
 * reader.push('externalId,name\r\ncrm-1,"Rao, Asha"\r\ncrm-2,Vik'); // [['externalId', 'name'], ['crm-1', 'Rao, Asha']]
 * reader.end(); // [['crm-2', 'Vik']]
 * ```
 */
export function createCsvRecordReader(limits: CsvReaderLimits): CsvRecordReader {
  let cells: string[] = [];
  let field = '';
  let state: 'start' | 'plain' | 'quoted' | 'quote-in-quoted' = 'start';
  let skipLineFeed = false;
  let atFileStart = true;
  let records: string[][] = [];

  const append = (text: string) => {
    if (field.length <= limits.maxFieldChars) field += text.slice(0, limits.maxFieldChars + 1 - field.length);
  };
  const endField = () => {
    if (cells.length <= limits.maxCells) cells.push(field);
    field = '';
    state = 'start';
  };
  const endRecord = () => {
    endField();
    if (cells.length > 1 || cells[0] !== '') records.push(cells);
    cells = [];
  };

  const push = (text: string): string[][] => {
    let i = 0;
    if (atFileStart && text.length) {
      atFileStart = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < text.length) {
      const c = text[i]!;
      if (skipLineFeed) {
        skipLineFeed = false;
        if (c === '\n') {
          i += 1;
          continue;
        }
      }
      if (state === 'quoted') {
        const close = text.indexOf('"', i);
        if (close === -1) {
          append(text.slice(i));
          break;
        }
        append(text.slice(i, close));
        state = 'quote-in-quoted';
        i = close + 1;
        continue;
      }
      if (state === 'quote-in-quoted') {
        if (c === '"') {
          append('"');
          state = 'quoted';
          i += 1;
          continue;
        }
        // Text after a closing quote (`"a"b`) is kept as written rather than refusing the file.
        state = 'plain';
      }
      if (state === 'start' && c === '"') {
        state = 'quoted';
        i += 1;
        continue;
      }
      SPECIAL.lastIndex = i;
      const special = SPECIAL.exec(text);
      const stop = special ? special.index : text.length;
      if (stop > i) {
        append(text.slice(i, stop));
        state = 'plain';
      }
      if (!special) break;
      if (special[0] === ',') endField();
      else if (special[0] === '"') {
        append('"');
        state = 'plain';
      } else {
        endRecord();
        skipLineFeed = special[0] === '\r';
      }
      i = stop + 1;
    }
    const done = records;
    records = [];
    return done;
  };

  return {
    push,
    end() {
      if (state !== 'start' || field !== '' || cells.length) endRecord();
      const done = records;
      records = [];
      return done;
    },
  };
}
