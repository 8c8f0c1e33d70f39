import { countDistinctRows } from './count-distinct-rows';

describe('countDistinctRows', () => {
  it('counts rows with equal values once', () => {
    expect(
      countDistinctRows(
        [
          [1, 2],
          [1, 2],
          [2, 1],
        ],
        10,
      ),
    ).toBe(2);
  });

  it('stops at the limit', () => {
    expect(countDistinctRows([[1], [2], [3], [4]], 3)).toBe(3);
  });

  it('gives 0 for no rows', () => {
    expect(countDistinctRows([], 5)).toBe(0);
  });
});
