import { adjustedRandIndex } from './adjusted-rand-index';
import { createRng } from './create-rng';
import { fitKmeans } from './fit-kmeans';
import { scanClusters } from './scan-clusters';
import { gaussianBlobs } from './testing/gaussian-blobs';

const centers = [
  [0, 0, 0],
  [6, 0, 0],
  [0, 6, 0],
  [0, 0, 6],
];

describe('fitKmeans', () => {
  const { rows, labels } = gaussianBlobs({ centers, perCluster: 200, spread: 0.7, rng: createRng(1) });

  it('recovers well-separated blobs with seeded k-means++', () => {
    const fit = fitKmeans(rows, 4, { seed: 2 });
    expect(fit.converged).toBe(true);
    expect(adjustedRandIndex(scanClusters({ rows, centroids: fit.centroids }).labels, labels)).toBeGreaterThan(0.99);
  });

  it('gives the same model for the same seed', () => {
    const noisy = gaussianBlobs({ centers, perCluster: 50, spread: 2.5, rng: createRng(1) }).rows;
    const runs = [3, 3, 4].map((seed) => fitKmeans(noisy, 6, { seed }));
    expect(runs[0]).toEqual(runs[1]);
    // The seed is really used: another one starts elsewhere on overlapping blobs.
    expect(runs[2]!.centroids).not.toEqual(runs[0]!.centroids);
  });

  it('keeps the lowest-inertia of its k-means++ restarts, so one bad seeding does not decide the model', () => {
    // Three far-apart pairs of near blobs: now and then k-means++ puts two centres in one pair and one across another.
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
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    const recovers = (seed: number, restarts: number) => {
      const fit = fitKmeans(pairs.rows, 6, { seed, restarts });
      return adjustedRandIndex(scanClusters({ rows: pairs.rows, centroids: fit.centroids }).labels, pairs.labels) > 0.9;
    };
    expect(seeds.filter((seed) => !recovers(seed, 1)).length).toBeGreaterThan(0);
    expect(seeds.filter((seed) => !recovers(seed, 10))).toEqual([]);
    expect(fitKmeans(pairs.rows, 6, { seed: 4, restarts: 10 })).toEqual(
      fitKmeans(pairs.rows, 6, { seed: 4, restarts: 10 }),
    );
  });

  it('converges at once from a warm start at converged centroids', () => {
    const first = fitKmeans(rows, 4, { seed: 2 });
    const warm = fitKmeans(rows, 4, { seed: 99, initialCentroids: first.centroids });
    expect(warm.iterations).toBe(1);
    expect(warm.centroids).toEqual(first.centroids);
  });

  it('stops at maxIterations without converging', () => {
    const fit = fitKmeans(rows, 4, {
      seed: 5,
      initialCentroids: [
        [0, 0, 0],
        [0.1, 0, 0],
        [0.2, 0, 0],
        [0.3, 0, 0],
      ],
      maxIterations: 1,
    });
    expect(fit).toMatchObject({ converged: false, iterations: 1 });
  });

  it('keeps an empty warm-started cluster at its centroid', () => {
    const fit = fitKmeans([[0], [0.2], [10], [10.2]], 3, { seed: 1, initialCentroids: [[0.1], [10.1], [100]] });
    expect(fit.centroids).toEqual([[0.1], [10.1], [100]]);
  });

  it('clamps k to the distinct rows and gives nothing for no rows', () => {
    expect(fitKmeans([[1], [1], [1], [2]], 3, { seed: 1 }).centroids).toHaveLength(2);
    expect(fitKmeans([[1], [2]], 3, { seed: 1, initialCentroids: [[0], [1], [2]] }).centroids).toHaveLength(2);
    expect(fitKmeans([], 3, { seed: 1 })).toEqual({ centroids: [], iterations: 0, converged: true });
  });
});
