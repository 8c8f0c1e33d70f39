import { clusterSizes } from './cluster-sizes';
import { countDistinctRows } from './count-distinct-rows';
import { createRng, type Rng } from './create-rng';
import { daviesBouldin } from './davies-bouldin';
import { fitKmeans } from './fit-kmeans';
import { inertia } from './inertia';
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

// Each ml-kmeans call gets its own seed drawn from the one rng, so the whole training follows from `seed`.
const seedFrom = (rng: Rng) => Math.floor(rng() * 0x7fffffff);

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
  // Silhouette needs k below the sample size, and k-means++ no more centres than distinct rows.
  const high = Math.min(input.kRange[1], sample.length - 1, countDistinctRows(sample, input.kRange[1]));
  const low = Math.max(2, input.kRange[0]);
  let best: Choice = { k: Math.min(Math.max(1, low), n), candidates: [] };
  let bestScore = -Infinity;
  const candidates: Choice['candidates'] = [];
  for (let k = low; k <= high; k += 1) {
    const fit = fitKmeans(sample, k, { seed: seedFrom(rng), maxIterations: input.maxIterations });
    const score = silhouette(sample, fit.labels, { rng, sampleSize });
    candidates.push({ k, silhouette: score });
    // Strictly greater: on a tie the smaller k wins (simpler model).
    if (score > bestScore) [best, bestScore] = [{ k, init: fit.centroids, candidates }, score];
  }
  return { ...best, candidates };
}

/**
 * Trains segments with k-means (`ml-kmeans`: seeded k-means++, or a warm start from the
 * previous model's centroids); the same input and `seed` always give the same model. With
 * `kRange`, each k is fitted on a sample and scored by silhouette; the best k is then
 * refitted on all rows starting from its sample centroids.
 * Handles 100k+ rows: only the sample-based steps are quadratic. k is clamped to the row
 * count (and to the distinct rows); no rows give an empty model (k = 0).
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
  const fit = fitKmeans(input.rows, k, { seed: seedFrom(rng), initialCentroids: init, maxIterations: input.maxIterations });
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
