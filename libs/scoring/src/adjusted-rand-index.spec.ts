import { adjustedRandIndex, adjustedRandIndexOfTable } from './adjusted-rand-index';
import { createRng } from './create-rng';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toBe(1);
  });

  it('matches a known value', () => {
    // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 12);
  });

  it('is near 0 for independent labelings', () => {
    const rng = createRng(5);
    const a = Array.from({ length: 20_000 }, () => Math.floor(rng() * 4));
    const b = Array.from({ length: 20_000 }, () => Math.floor(rng() * 4));
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
  });

  it('does not confuse the number 1 with the string "1"', () => {
    expect(adjustedRandIndex([1, '1', 1, '1'], [0, 1, 0, 1])).toBe(1);
  });

  it('throws on labelings of different length (a caller bug)', () => {
    expect(() => adjustedRandIndex([0], [0, 1])).toThrow(RangeError);
  });
});

describe('adjustedRandIndexOfTable', () => {
  it('equals adjustedRandIndex on the labelings the table counts', () => {
    const rng = createRng(8);
    const a = Array.from({ length: 5000 }, () => Math.floor(rng() * 5));
    const b = a.map((x) => (rng() < 0.8 ? x : Math.floor(rng() * 6)));
    const table = Array.from({ length: 5 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => a.filter((x, i) => x === r && b[i] === c).length),
    );
    expect(adjustedRandIndexOfTable(table)).toBe(adjustedRandIndex(a, b));
  });

  it('matches a known value and counts one-cluster partitions as identical', () => {
    expect(
      adjustedRandIndexOfTable([
        [2, 0, 0],
        [0, 1, 1],
      ]),
    ).toBeCloseTo(0.5714285714285715, 12);
    expect(adjustedRandIndexOfTable([[4]])).toBe(1);
  });
});
