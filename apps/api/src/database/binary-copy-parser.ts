import { slicersOf } from './buffer-slicers';
import { parseDecimal } from './parse-decimal';

// `COPY … TO STDOUT (FORMAT binary)` as it arrives in chunks of any size: an 11-byte signature, flags, a header
// extension, then per tuple an int16 field count and per field an int32 length (-1: NULL) and that many bytes, then
// an int16 -1. Length-prefixed fields need no unescaping (text format's backslashes) and numbers no formatting.
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_FIXED = SIGNATURE.length + 8;

/** One tuple: field i is `bytes[offsets[i] … offsets[i] + lengths[i])`, NULL when `lengths[i]` is -1. Valid only during the callback. */
export interface CopyTuple {
  bytes: Buffer;
  offsets: Int32Array;
  lengths: Int32Array;
}

/**
 * Splits a binary COPY stream into tuples of `fieldCount` fields, calling `onTuple` for each one as soon as its last
 * byte has arrived. Throws on a malformed stream; call {@link BinaryCopyParser.end} after the last chunk.
 *
 * @example
 * ```ts
 * const parser = new BinaryCopyParser(2, (t) => rows.push(int32At(t, 0)));
 * for await (const chunk of client.query(copyTo('COPY (SELECT 1, 2) TO STDOUT (FORMAT binary)'))) parser.push(chunk);
 * parser.end();
 * ```
 */
export class BinaryCopyParser {
  private pending: Buffer | null = null;
  private headerRead = false;
  private ended = false;
  private readonly tuple: CopyTuple;

  constructor(
    private readonly fieldCount: number,
    private readonly onTuple: (tuple: CopyTuple) => void,
  ) {
    this.tuple = { bytes: Buffer.alloc(0), offsets: new Int32Array(fieldCount), lengths: new Int32Array(fieldCount) };
  }

  push(chunk: Uint8Array): void {
    if (this.ended && chunk.byteLength > 0) throw new Error('binary COPY: data after the trailer');
    const incoming = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Only a tuple cut by the previous chunk is carried over (a few hundred bytes), never the whole stream.
    const bytes = this.pending ? Buffer.concat([this.pending, incoming]) : incoming;
    let at = this.headerRead ? 0 : this.skipHeader(bytes);
    if (at < 0) {
      this.pending = bytes;
      return;
    }
    for (;;) {
      const next = this.readTuple(bytes, at);
      if (next < 0) break;
      at = next;
      if (this.ended) break;
    }
    if (this.ended && at < bytes.length) throw new Error('binary COPY: data after the trailer');
    this.pending = at < bytes.length ? bytes.subarray(at) : null;
  }

  /** Throws unless the stream ended with its trailer. */
  end(): void {
    if (!this.ended) throw new Error('binary COPY: the stream ended before its trailer');
  }

  // Offset of the first tuple, or -1 while the header is incomplete.
  private skipHeader(bytes: Buffer): number {
    if (bytes.length < HEADER_FIXED) return -1;
    if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('binary COPY: bad signature');
    const start = HEADER_FIXED + bytes.readInt32BE(SIGNATURE.length + 4);
    if (start > bytes.length) return -1;
    this.headerRead = true;
    return start;
  }

  // Reads the tuple (or trailer) at `at` and returns the offset after it, or -1 if it is not complete yet.
  private readTuple(bytes: Buffer, at: number): number {
    if (at + 2 > bytes.length) return -1;
    const count = bytes.readInt16BE(at);
    if (count === -1) {
      this.ended = true;
      return at + 2;
    }
    if (count !== this.fieldCount)
      throw new Error(`binary COPY: a tuple has ${count} fields, expected ${this.fieldCount}`);
    const { offsets, lengths } = this.tuple;
    let cursor = at + 2;
    for (let i = 0; i < count; i++) {
      if (cursor + 4 > bytes.length) return -1;
      const length = bytes.readInt32BE(cursor);
      cursor += 4;
      offsets[i] = cursor;
      lengths[i] = length;
      if (length > 0) cursor += length;
    }
    if (cursor > bytes.length) return -1;
    this.tuple.bytes = bytes;
    this.onTuple(this.tuple);
    return cursor;
  }
}

/** Field `i` of a tuple as UTF-8 text; null for NULL. */
export const textAt = (t: CopyTuple, i: number): string | null =>
  t.lengths[i] < 0 ? null : slicersOf(t.bytes).utf8Slice(t.offsets[i], t.offsets[i] + t.lengths[i]);

/** Field `i` of a tuple, an int4, as a number; null for NULL. */
export const int32At = (t: CopyTuple, i: number): number | null =>
  t.lengths[i] < 0 ? null : t.bytes.readInt32BE(t.offsets[i]);

/** Field `i` of a tuple, a decimal printed as text (a jsonb number through `->>`), as {@link parseDecimal} reads it; null for NULL. */
export const decimalAt = (t: CopyTuple, i: number): number | null =>
  t.lengths[i] < 0 ? null : parseDecimal(t.bytes, t.offsets[i], t.offsets[i] + t.lengths[i]);
