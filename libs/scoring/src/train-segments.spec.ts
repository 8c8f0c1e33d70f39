import { adjustedRandIndex } from './adjusted-rand-index';
import { createRng } from './create-rng';
import { gaussianBlobs } from './testing/gaussian-blobs';
import { trainSegments } from './train-segments';

const centers = [[0, 0, 0, 0], [5, 0, 0, 0], [0, 5, 0, 0], [0, 0, 5, 0], [0, 0, 0, 5]];

describe('trainSegments', () => {
  const { rows, labels } = gaussianBlobs({ centers, perCluster: 400, spread: 0.8, rng: createRng(11) });

  it('picks k by silhouette within a range', () => {
    const model = trainSegments({ rows, kRange: [2, 8], seed: 3, sampleSize: 800 });
    expect(model.k).toBe(5);
    expect(model.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(adjustedRandIndex(model.labels, labels)).toBeGreaterThan(0.95);
  });

  it('reports metrics and sizes', () => {
    const model = trainSegments({ rows, k: 5, seed: 3 });
    expect(model.sizes.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(model.metrics.silhouette).toBeGreaterThan(0.5);
    expect(model.metrics.daviesBouldin).toBeLessThan(1);
    expect(model.metrics.inertia).toBeGreaterThan(0);
  });

  it('is reproducible for a seed', () => {
    expect(trainSegments({ rows, kRange: [3, 6], seed: 9 })).toEqual(trainSegments({ rows, kRange: [3, 6], seed: 9 }));
  });

  it('warm-starts from previous centroids', () => {
    const first = trainSegments({ rows, k: 5, seed: 3 });
    const again = trainSegments({ rows, seed: 99, warmStart: first.centroids });
    expect(again.iterations).toBe(1);
    expect(again.labels).toEqual(first.labels);
  });

  it('clamps k to the number of rows and handles no rows', () => {
    expect(trainSegments({ rows: [[0], [1]], k: 5, seed: 1 }).k).toBe(2);
    expect(trainSegments({ rows: [], k: 3, seed: 1 }).k).toBe(0);
  });

  // Its speed is measured in bench/segments-retrain.bench.mjs; here only that 100k rows give the right k.
  it('picks the true k on 100k rows from a range (silhouette on a sample)', () => {
    const big = gaussianBlobs({ centers, perCluster: 20_000, spread: 1, rng: createRng(12) });
    const model = trainSegments({ rows: big.rows, kRange: [3, 7], seed: 5, sampleSize: 1500 });
    expect(model.k).toBe(5);
    expect(model.labels).toHaveLength(100_000);
  });
});
