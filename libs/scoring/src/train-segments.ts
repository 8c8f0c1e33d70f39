import { clusterSizes } from './cluster-sizes';
import { createRng, type Rng } from './create-rng';
import { daviesBouldin } from './davies-bouldin';
import { inertia } from './inertia';
import { runKmeans } from './kmeans';
import { sampleIndices } from './sample-indices';
import { silhouette } from './silhouette';

type Rows = readonly (readonly number[])[];

/** Input of {@link trainSegments}. Rows should already be standardised. */
export interface TrainSegmentsInput {
  rows: Rows;
  /** Fixed number of segments. Ignored when `warmStart` is given. */
  k?: number;
  /** Inclusive [min, max]: pick k by silhouette on a sample. Used when `k` is absent. */
  kRange?: readonly [number, number];
  seed: number;
  /** Previous model's centroids (same feature space): k = their count, no k-means++. */
  warmStart?: readonly (readonly number[])[];
  /** Rows used for choosing k and for the silhouette metric. Default 2000. */
  sampleSize?: number;
  maxIterations?: number;
}

/** A trained segmentation with its quality metrics. */
export interface TrainedSegments {
  k: number;
  centroids: number[][];
  labels: number[];
  sizes: number[];
  iterations: number;
  converged: boolean;
  metrics: { inertia: number; silhouette: number; daviesBouldin: number };
  /** Silhouette of each k tried when `kRange` was used (on the sample), else empty. */
  candidates: { k: number; silhouette: number }[];
}

interface Choice {
  k: number;
  init?: readonly (readonly number[])[];
  candidates: TrainedSegments['candidates'];
}

function chooseK(input: TrainSegmentsInput, rng: Rng, sampleSize: number): Choice {
  const n = input.rows.length;
  if (input.warmStart) return { k: input.warmStart.length, init: input.warmStart, candidates: [] };
  if (input.k !== undefined || !input.kRange) return { k: Math.min(Math.max(1, input.k ?? 1), n), candidates: [] };
  const sample = sampleIndices(n, sampleSize, rng).map((i) => input.rows[i] as readonly number[]);
  const [low, high] = [Math.max(2, input.kRange[0]), Math.min(input.kRange[1], sample.length - 1)];
  let best: Choice = { k: Math.min(Math.max(1, low), n), candidates: [] };
  let bestScore = -Infinity;
  const candidates: Choice['candidates'] = [];
  for (let k = low; k <= high; k += 1) {
    const fit = runKmeans(sample, k, { rng, maxIterations: input.maxIterations });
    const score = silhouette(sample, fit.labels, { rng, sampleSize });
    candidates.push({ k, silhouette: score });
    // Strictly greater: on a tie the smaller k wins (simpler model).
    if (score > bestScore) [best, bestScore] = [{ k, init: fit.centroids, candidates }, score];
  }
  return { ...best, candidates };
}

/**
 * Trains segments with k-means (k-means++ seeding from a seeded rng, or a warm start from
 * the previous model's centroids). With `kRange`, each k is fitted on a sample and scored
 * by silhouette; the best k is then refitted on all rows starting from its sample centroids.
 * Handles 100k+ rows: only the sample-based steps are quadratic. k is clamped to the row
 * count; no rows give an empty model (k = 0).
 *
 * @example
 * ```ts
 * const standardizer = fitStandardizer(vectors);
 * const rows = vectors.map((v) => standardize(v, standardizer));
 * const model = trainSegments({ rows, kRange: [3, 8], seed: 7 });
 * const next = trainSegments({ rows: newRows, seed: 8, warmStart: model.centroids });
 * ```
 */
export function trainSegments(input: TrainSegmentsInput): TrainedSegments {
  const rng = createRng(input.seed);
  const sampleSize = input.sampleSize ?? 2000;
  const { k, init, candidates } = chooseK(input, rng, sampleSize);
  const fit = runKmeans(input.rows, k, { rng, initialCentroids: init, maxIterations: input.maxIterations });
  return {
    k: fit.centroids.length,
    centroids: fit.centroids,
    labels: fit.labels,
    sizes: clusterSizes(fit.labels, fit.centroids.length),
    iterations: fit.iterations,
    converged: fit.converged,
    metrics: {
      inertia: inertia(input.rows, fit.labels, fit.centroids),
      silhouette: silhouette(input.rows, fit.labels, { rng, sampleSize }),
      daviesBouldin: daviesBouldin(input.rows, fit.labels, fit.centroids),
    },
    candidates,
  };
}
