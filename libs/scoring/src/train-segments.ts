import { countDistinctRows } from './count-distinct-rows';
import { createRng, type Rng } from './create-rng';
import { daviesBouldinOfScatter } from './davies-bouldin';
import { fitKmeans } from './fit-kmeans';
import { sampleIndices } from './sample-indices';
import { scanClusters, type ClusterScan } from './scan-clusters';
import { silhouette } from './silhouette';

type Rows = readonly (readonly number[])[];

/** Input of {@link trainSegments} and {@link fitSegments}. Rows should already be standardised. */
export interface TrainSegmentsInput {
  rows: Rows;
  /** Fixed number of segments. Ignored when `warmStart` is given. */
  k?: number;
  /** Inclusive [min, max]: pick k by silhouette on a sample. Used when `k` is absent. */
  kRange?: readonly [number, number];
  seed: number;
  /** Previous model's centroids (same feature space): k = their count, no k-means++. */
  warmStart?: readonly (readonly number[])[];
  /** Rows used for the cold start's k-means++ restarts, for choosing k and for the silhouette metric. Default 2000. */
  sampleSize?: number;
  maxIterations?: number;
}

/** Quality metrics of a segmentation. */
export interface SegmentMetrics {
  inertia: number;
  /** On a sample of `sampleSize` rows. */
  silhouette: number;
  daviesBouldin: number;
}

/** Fitted centroids, before the rows are labelled and measured. */
export interface FittedSegments {
  k: number;
  centroids: number[][];
  iterations: number;
  converged: boolean;
  /** Silhouette of each k tried when `kRange` was used (on the sample), else empty. */
  candidates: { k: number; silhouette: number }[];
}

/** A trained segmentation with its quality metrics. */
export interface TrainedSegments extends FittedSegments {
  labels: Int32Array;
  sizes: number[];
  metrics: SegmentMetrics;
}

// Each ml-kmeans call gets its own seed drawn from the one rng, so the whole training follows from `seed`.
const seedFrom = (rng: Rng) => Math.floor(rng() * 0x7fffffff);

interface Choice {
  k: number;
  init?: readonly (readonly number[])[];
  candidates: FittedSegments['candidates'];
}

/**
 * k-means++ runs per cold start, on the sample, keeping the lowest inertia (see fitKmeans' `restarts`): one seeding in
 * a few lands two centres in one group of leads and splits another, and Lloyd's iterations never undo that.
 */
export const COLD_RESTARTS = 10;

function chooseK(input: TrainSegmentsInput, rng: Rng, sampleSize: number): Choice {
  const n = input.rows.length;
  if (input.warmStart) return { k: input.warmStart.length, init: input.warmStart, candidates: [] };
  const sample = sampleIndices(n, sampleSize, rng).map((i) => input.rows[i] as readonly number[]);
  const fitSample = (k: number) =>
    fitKmeans(sample, k, { seed: seedFrom(rng), maxIterations: input.maxIterations, restarts: COLD_RESTARTS });
  if (input.k !== undefined || !input.kRange) {
    const k = Math.min(Math.max(1, input.k ?? 1), n);
    const { centroids } = fitSample(k);
    // A sample with fewer distinct rows than k gives fewer centroids: then the full fit seeds itself.
    return { k, init: centroids.length === k ? centroids : undefined, candidates: [] };
  }
  // Silhouette needs k below the sample size, and k-means++ no more centres than distinct rows.
  const high = Math.min(input.kRange[1], sample.length - 1, countDistinctRows(sample, input.kRange[1]));
  const low = Math.max(2, input.kRange[0]);
  let best: Choice = { k: Math.min(Math.max(1, low), n), candidates: [] };
  let bestScore = -Infinity;
  const candidates: Choice['candidates'] = [];
  for (let k = low; k <= high; k += 1) {
    const fit = fitSample(k);
    const score = silhouette(sample, scanClusters({ rows: sample, centroids: fit.centroids }).labels, {
      rng,
      sampleSize,
    });
    candidates.push({ k, silhouette: score });
    // Strictly greater: on a tie the smaller k wins (simpler model).
    if (score > bestScore) [best, bestScore] = [{ k, init: fit.centroids, candidates }, score];
  }
  return { ...best, candidates };
}

/**
 * The k-means part of {@link trainSegments}, drawing from the caller's `rng` (seeded from `input.seed` by
 * trainSegments), so a caller that measures the rows itself — in one pass with other work, as buildSegmentModel
 * does — draws the silhouette sample from the same sequence and gets the same model and metrics.
 *
 * @example
 * ```ts
 * const rng = createRng(7);
 * const fitted = fitSegments({ rows, kRange: [3, 8], seed: 7 }, rng);
 * const metrics = measureSegments(rows, scanClusters({ rows, centroids: fitted.centroids }), fitted.centroids, rng);
 * ```
 */
export function fitSegments(input: TrainSegmentsInput, rng: Rng): FittedSegments {
  const { k, init, candidates } = chooseK(input, rng, input.sampleSize ?? 2000);
  const fit = fitKmeans(input.rows, k, {
    seed: seedFrom(rng),
    initialCentroids: init,
    maxIterations: input.maxIterations,
    restarts: COLD_RESTARTS,
  });
  return {
    k: fit.centroids.length,
    centroids: fit.centroids,
    iterations: fit.iterations,
    converged: fit.converged,
    candidates,
  };
}

/**
 * Inertia and Davies–Bouldin from a {@link scanClusters} pass, silhouette on a sample drawn with `rng`.
 *
 * @example
 * ```ts
 * measureSegments(rows, scanClusters({ rows, centroids }), centroids, createRng(1)).daviesBouldin;
 * ```
 */
export function measureSegments(
  rows: Rows,
  scan: ClusterScan,
  centroids: readonly (readonly number[])[],
  rng: Rng,
  sampleSize = 2000,
): SegmentMetrics {
  return {
    inertia: scan.inertia,
    silhouette: silhouette(rows, scan.labels, { rng, sampleSize }),
    daviesBouldin: daviesBouldinOfScatter({ centroids, scatter: scan.scatter, sizes: scan.sizes }),
  };
}

/**
 * Trains segments with k-means (`ml-kmeans`: seeded k-means++, or a warm start from the
 * previous model's centroids); the same input and `seed` always give the same model. A cold
 * start fits a sample of `sampleSize` rows {@link COLD_RESTARTS} times and keeps the lowest
 * inertia; with `kRange`, each k is fitted so and scored by silhouette on the sample. The
 * chosen centroids are then refined on all rows.
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
  const fitted = fitSegments(input, rng);
  const scan = scanClusters({ rows: input.rows, centroids: fitted.centroids });
  return {
    ...fitted,
    labels: scan.labels,
    sizes: scan.sizes,
    metrics: measureSegments(input.rows, scan, fitted.centroids, rng, input.sampleSize),
  };
}
