import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { BinaryCopyParser, textAt, type CopyTuple } from './binary-copy-parser';

const fieldsOf = (t: CopyTuple) => Array.from(t.lengths, (_, i) => textAt(t, i));

function parse(chunks: Uint8Array[], fieldCount = 3): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const parser = new BinaryCopyParser(fieldCount, (t) => rows.push(fieldsOf(t)));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

describe('BinaryCopyParser', () => {
  let stream: Buffer;
  const expected = [
    ['plain', '', null],
    ['tab\tnew\nline\\back', 'ünïcode — ✓', '42'],
    [null, null, 'x'.repeat(5000)],
  ];

  beforeAll(async () => {
    const client = new Client({ connectionString: await createTestDatabase('binary_copy') });
    await client.connect();
    try {
      const chunks: Buffer[] = [];
      const sql = `COPY (SELECT * FROM (VALUES ('plain', '', NULL), (E'tab\\tnew\\nline\\\\back', 'ünïcode — ✓', '42'), (NULL, NULL, repeat('x', 5000))) v) TO STDOUT (FORMAT binary)`;
      for await (const chunk of client.query(copyTo(sql)) as AsyncIterable<Buffer>) chunks.push(chunk);
      stream = Buffer.concat(chunks);
    } finally {
      await client.end();
    }
  });

  it('reads each tuple with its NULLs and raw bytes (no escapes), whole', () => {
    expect(parse([stream])).toEqual(expected);
  });

  it('reads the same tuples however the stream is cut: one byte at a time, and at every single cut', () => {
    expect(parse(Array.from(stream, (byte) => Uint8Array.of(byte)))).toEqual(expected);
    for (let cut = 0; cut <= stream.length; cut += 1)
      expect(parse([stream.subarray(0, cut), stream.subarray(cut)])).toEqual(expected);
  });

  it('rejects a stream that stops before its trailer, a wrong field count, a bad signature and bytes after the trailer', () => {
    expect(() => parse([stream.subarray(0, stream.length - 2)])).toThrow('the stream ended before its trailer');
    expect(() => parse([stream], 2)).toThrow('a tuple has 3 fields, expected 2');
    expect(() => parse([Buffer.concat([Buffer.from('NOTCOPY'), stream.subarray(7)])])).toThrow('bad signature');
    expect(() => parse([stream, Uint8Array.of(0)])).toThrow('data after the trailer');
  });
});
