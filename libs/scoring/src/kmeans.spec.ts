import { adjustedRandIndex } from './adjusted-rand-index';
import { createRng } from './create-rng';
import { runKmeans } from './kmeans';
import { gaussianBlobs } from './testing/gaussian-blobs';

const centers = [[0, 0, 0], [6, 0, 0], [0, 6, 0], [0, 0, 6]];

describe('runKmeans', () => {
  it('recovers well-separated blobs', () => {
    const { rows, labels } = gaussianBlobs({ centers, perCluster: 200, spread: 0.7, rng: createRng(1) });
    const fit = runKmeans(rows, 4, { rng: createRng(2) });
    expect(fit.converged).toBe(true);
    expect(adjustedRandIndex(fit.labels, labels)).toBeGreaterThan(0.99);
  });

  it('is deterministic for the same rng seed', () => {
    const { rows } = gaussianBlobs({ centers, perCluster: 50, spread: 2, rng: createRng(1) });
    expect(runKmeans(rows, 4, { rng: createRng(9) })).toEqual(runKmeans(rows, 4, { rng: createRng(9) }));
  });

  it('converges at once from a warm start at the true centres', () => {
    const { rows } = gaussianBlobs({ centers, perCluster: 200, spread: 0.5, rng: createRng(1) });
    const first = runKmeans(rows, 4, { rng: createRng(2) });
    const warm = runKmeans(rows, 4, { rng: () => 0, initialCentroids: first.centroids });
    expect(warm.iterations).toBe(1);
    expect(warm.labels).toEqual(first.labels);
  });

  it('re-seeds an empty cluster instead of keeping it empty', () => {
    const rows = [[0], [0.2], [10], [10.2]];
    const fit = runKmeans(rows, 2, { rng: () => 0, initialCentroids: [[0.1], [100]] });
    expect(new Set(fit.labels).size).toBe(2);
  });

  it('labels every one of 100k rows and converges', () => {
    const { rows } = gaussianBlobs({ centers, perCluster: 25_000, spread: 1, rng: createRng(4) });
    const fit = runKmeans(rows, 4, { rng: createRng(5) });
    expect(fit.labels).toHaveLength(100_000);
    expect(fit.converged).toBe(true);
  });
});
