import { createRng } from './create-rng';
import { silhouette } from './silhouette';
import { gaussianBlobs } from './testing/gaussian-blobs';

describe('silhouette', () => {
  it('is close to 1 for tight, distant clusters', () => {
    expect(silhouette([[0], [1], [10], [11]], [0, 0, 1, 1], { rng: createRng(1) })).toBeCloseTo((1 - 1 / 10 + 1 - 1 / 10 + 1 - 1 / 10 + 1 - 1 / 10) / 4, 1);
  });

  it('is negative for a deliberately wrong labeling', () => {
    expect(silhouette([[0], [1], [10], [11]], [0, 1, 0, 1], { rng: createRng(1) })).toBeLessThan(0);
  });

  it('is 0 with a single cluster', () => {
    expect(silhouette([[0], [1]], [0, 0], { rng: createRng(1) })).toBe(0);
  });

  it('samples large inputs and agrees with the full value', () => {
    const { rows, labels } = gaussianBlobs({ centers: [[0, 0], [4, 0]], perCluster: 1500, spread: 1, rng: createRng(2) });
    const full = silhouette(rows, labels, { rng: createRng(3), sampleSize: 3000 });
    const sampled = silhouette(rows, labels, { rng: createRng(3), sampleSize: 500 });
    expect(Math.abs(full - sampled)).toBeLessThan(0.05);
  });
});
