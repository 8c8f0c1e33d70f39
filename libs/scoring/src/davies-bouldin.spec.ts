import { daviesBouldin, daviesBouldinOfScatter } from './davies-bouldin';

describe('daviesBouldin', () => {
  it('computes the ratio of scatter to separation', () => {
    expect(daviesBouldin([[0], [2], [10], [12]], [0, 0, 1, 1], [[1], [11]])).toBeCloseTo(0.2, 12);
  });

  it('is larger for overlapping clusters', () => {
    const tight = daviesBouldin([[0], [2], [10], [12]], [0, 0, 1, 1], [[1], [11]]);
    const loose = daviesBouldin([[0], [6], [4], [10]], [0, 0, 1, 1], [[3], [7]]);
    expect(loose).toBeGreaterThan(tight);
  });

  it('is 0 with fewer than two non-empty clusters', () => {
    expect(daviesBouldin([[0], [1]], [0, 0], [[0.5], [9]])).toBe(0);
  });
});

describe('daviesBouldinOfScatter', () => {
  it('takes the summed distances and sizes daviesBouldin computes from the rows', () => {
    expect(daviesBouldinOfScatter({ centroids: [[1], [11]], scatter: [2, 2], sizes: [2, 2] })).toBeCloseTo(0.2, 12);
    expect(daviesBouldinOfScatter({ centroids: [[1], [11]], scatter: [2, 0], sizes: [2, 0] })).toBe(0);
  });
});
