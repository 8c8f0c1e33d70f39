import { inertia } from './inertia';

describe('inertia', () => {
  it('sums squared distances to own centroids', () => {
    expect(inertia([[0], [2], [10]], [0, 0, 1], [[1], [10]])).toBe(2);
  });
});
