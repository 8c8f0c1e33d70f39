import { squaredDistance } from './squared-distance';

describe('squaredDistance', () => {
  it('sums squared differences', () => {
    expect(squaredDistance([0, 0], [3, 4])).toBe(25);
  });
});
