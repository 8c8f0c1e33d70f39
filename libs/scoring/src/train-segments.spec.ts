import { adjustedRandIndex } from './adjusted-rand-index';
import { createRng } from './create-rng';
import { gaussianBlobs } from './testing/gaussian-blobs';
import { trainSegments } from './train-segments';

const centers = [
  [0, 0, 0, 0],
  [5, 0, 0, 0],
  [0, 5, 0, 0],
  [0, 0, 5, 0],
  [0, 0, 0, 5],
];

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

  it('finds the same groups from a cold start whatever the order of the rows', () => {
    // Three far-apart pairs of near blobs, where a single k-means++ seeding sometimes merges a pair (fit-kmeans.spec).
    const pairs = gaussianBlobs({
      centers: [
        [0, 0],
        [3, 0],
        [20, 0],
        [23, 0],
        [0, 20],
        [3, 20],
      ],
      perCluster: 30,
      spread: 0.7,
      rng: createRng(1),
    });
    const shuffle = createRng(2);
    for (let run = 0; run < 20; run += 1) {
      const order = pairs.rows.map((_, i) => i).sort(() => shuffle() - 0.5);
      const model = trainSegments({ rows: order.map((i) => pairs.rows[i]!), k: 6, seed: 7 });
      expect(
        adjustedRandIndex(
          model.labels,
          order.map((i) => pairs.labels[i]!),
        ),
      ).toBeGreaterThan(0.9);
    }
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
