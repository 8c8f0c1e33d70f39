import { nearestCentroid, squaredDistance } from './squared-distance';

describe('squaredDistance', () => {
  it('sums squared differences', () => {
    expect(squaredDistance([0, 0], [3, 4])).toBe(25);
  });
});

describe('nearestCentroid', () => {
  it('finds the closest centroid, ties to the lower index', () => {
    expect(nearestCentroid([1, 1], [[0, 0], [2, 2], [1, 2]])).toEqual({ index: 2, distance: 1 });
    expect(nearestCentroid([1], [[0], [2]]).index).toBe(0);
  });

  it('returns -1 without centroids', () => {
    expect(nearestCentroid([1], []).index).toBe(-1);
  });
});
