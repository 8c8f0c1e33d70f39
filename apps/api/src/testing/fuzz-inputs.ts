import fc from 'fast-check';

/** Strings that have broken real endpoints or sit on a boundary: empty, NUL, lone surrogates, odd dates, huge. */
export const BOUNDARY_STRINGS = [
  '',
  ' ',
  'a',
  '\u0000',
  'x\u0000y',
  '\ud800',
  'x\udfffy',
  'नमस्ते 🙏',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  'not-a-date',
  '00000000-0000-0000-0000-000000000000',
  '=1+1',
  '<script>',
  "' OR 1=1 --",
  'a'.repeat(10_000),
];

/** Numbers on the edges of integer columns, JS precision and sign. */
export const BOUNDARY_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
];

const boundaryString = fc.constantFrom(...BOUNDARY_STRINGS);
const anyString = fc.oneof(boundaryString, fc.string({ unit: 'binary', maxLength: 40 }), fc.uuid());
const scalar = fc.oneof(
  anyString,
  fc.constantFrom(...BOUNDARY_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value, small, with strings and numbers biased to the boundaries. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A body for a route whose documented keys are `keys`: mostly objects with those keys holding wrong or edge values. */
export function bodyFor(keys: string[]): fc.Arbitrary<unknown> {
  const key =
    keys.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: anyString })
      : anyString;
  return fc.oneof(
    { weight: 3, arbitrary: fc.dictionary(key, jsonValue, { maxKeys: 6 }) },
    { weight: 1, arbitrary: jsonValue },
  );
}

/** A query for a route whose documented keys are `keys`: each value one string or a repeated key. */
export function queryFor(keys: string[]): fc.Arbitrary<Record<string, string | string[]>> {
  const key =
    keys.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: anyString })
      : anyString;
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.oneof(anyString, fc.constantFrom(...BOUNDARY_NUMBERS).map(String)) },
    { weight: 1, arbitrary: fc.array(anyString, { minLength: 2, maxLength: 3 }) },
  );
  return fc.dictionary(key, value, { maxKeys: 4 });
}

/**
 * Path parameter values, as they go into the URL: ids of rows that exist (so the body reaches the service), UUIDs,
 * non-UUIDs, integers, huge, unicode, broken escapes.
 */
export function pathValueFrom(existingIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...existingIds).map(encodeURIComponent),
    fc.uuid().map(encodeURIComponent),
    // Lone surrogates cannot be percent-encoded; the raw escapes below stand for them.
    fc
      .constantFrom(
        ...BOUNDARY_STRINGS.filter((s) => s !== '' && s.length < 5000 && !/[\ud800-\udfff]/.test(s)),
        'x'.repeat(4100),
        '1',
        '2147483648',
        '99999999999999999999',
      )
      .map(encodeURIComponent),
    // Raw escapes that do not decode (a lone surrogate, a cut UTF-8 sequence, NUL).
    fc.constantFrom('%ED%A0%80', '%E0%A4%A', '%00', '%'),
  );
}

/** Path values every route with parameters gets once, whatever the seed: NUL, a lone surrogate, past the 4200 limit. */
export const EXTREME_PATH_VALUES = ['%00', '%ED%A0%80', 'x'.repeat(4300)];

/** JSON bodies no generator would reach in a bounded number of runs (as text: deep nesting defeats JSON.stringify). */
export const EXTREME_BODIES: { label: string; json: () => string }[] = [
  { label: '1 MB string', json: () => JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) },
  // Far past any recursion limit, yet cheap enough to send to every body route.
  { label: 'arrays nested 100 000 deep', json: () => '['.repeat(100_000) + ']'.repeat(100_000) },
  { label: 'objects nested 10 000 deep', json: () => '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) },
  {
    label: '20 000 keys',
    json: () => JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))),
  },
];
