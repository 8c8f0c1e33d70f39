import { z } from 'zod';
import { findUnstorableText, jsonByteLength, refuseUnstorableText, unstorableTextReason } from './storable-text';

describe('unstorableTextReason', () => {
  it.each(['', 'plain', 'Ünïcødé', '😀 a pair', '\u0001 control'])('accepts %j', (text) => {
    expect(unstorableTextReason(text)).toBeNull();
  });

  it.each([
    ['a\u0000b', /NUL/],
    ['\uD800', /lone UTF-16 surrogate/],
    ['x\uDC00', /lone UTF-16 surrogate/],
    ['\uDE00\uD83D', /lone UTF-16 surrogate/],
  ])('refuses %j', (text, reason) => {
    expect(unstorableTextReason(text)).toMatch(reason);
  });
});

describe('findUnstorableText', () => {
  it('names the path of every bad string and key, however deep', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\u0000' }], 'k\uD800': 1, n: 5, z: null }).map((f) => f.path)).toEqual(
      [['a', 1, 'b'], ['k\uD800']],
    );
  });

  it('finds nothing in clean values', () => {
    expect(findUnstorableText({ a: [1, true, null, 'ok'] })).toEqual([]);
  });
});

describe('refuseUnstorableText', () => {
  it('turns findings into zod issues with their paths', () => {
    const result = z.record(z.string(), z.unknown()).superRefine(refuseUnstorableText).safeParse({ a: 'x\u0000' });
    expect(result.success ? [] : result.error.issues.map((i) => i.path)).toEqual([['a']]);
  });
});

describe('jsonByteLength', () => {
  it('counts UTF-8 bytes of the JSON text', () => {
    expect(jsonByteLength({ city: 'Pune' })).toBe(15);
    expect(jsonByteLength('é')).toBe(4);
    expect(jsonByteLength({ e: '😀€' })).toBe(Buffer.byteLength(JSON.stringify({ e: '😀€' })));
  });
});
