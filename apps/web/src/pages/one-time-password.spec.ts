import { oneTimePassword } from './one-time-password';

describe('oneTimePassword', () => {
  it('is 16 characters of the unambiguous alphabet, different each time', () => {
    const a = oneTimePassword();
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(oneTimePassword()).not.toBe(a);
  });

  it('skips bytes that would bias the alphabet (rejection sampling)', () => {
    // 224 = 4 × 56 is the first byte at or above the limit: it must be skipped, not mapped to the alphabet's start.
    const fixed = (bytes: Uint8Array) => bytes.fill(0).map((_, i) => (i % 2 === 0 ? 224 : 1));
    expect(oneTimePassword(4, fixed)).toBe('bbbb');
  });
});
