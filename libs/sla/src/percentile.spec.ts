import fc from 'fast-check';
import { percentile } from './percentile';

describe('percentile', () => {
  it.each([
    [[10, 20, 30, 40], 0, 10],
    [[10, 20, 30, 40], 25, 17.5],
    [[10, 20, 30, 40], 50, 25],
    [[10, 20, 30, 40], 90, 37],
    [[10, 20, 30, 40], 100, 40],
    [[40, 10, 30, 20], 50, 25],
    [[1, 2, 3, 4, 5], 50, 3],
    [[7], 99, 7],
    [[5, 5, 5], 90, 5],
    [[0, 100], 99, 99],
  ])('percentile(%j, %d) = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('returns null for no values', () => {
    expect(percentile([], 50)).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([-1, 101, Number.NaN])('throws RangeError for p = %p', (p) => {
    expect(() => percentile([1, 2], p)).toThrow(RangeError);
  });

  it('throws RangeError for a non-finite value', () => {
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
  });

  it('is monotone in p and bounded by min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const atLow = percentile(values, low) as number;
          const atHigh = percentile(values, high) as number;
          expect(atLow).toBeLessThanOrEqual(atHigh + 1e-9);
          expect(atLow).toBeGreaterThanOrEqual(Math.min(...values));
          expect(atHigh).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });
});
