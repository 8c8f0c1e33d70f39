import { kmeans } from 'ml-kmeans';
import { countDistinctRows } from './count-distinct-rows';
import { createRng } from './create-rng';
import { scanClusters } from './scan-clusters';

type Rows = readonly (readonly number[])[];

/** Options of {@link fitKmeans}. */
export interface FitKmeansOptions {
  /** Seed of ml-kmeans' k-means++ (the same seed gives the same model). Unused with `initialCentroids`. */
  seed: number;
  /** Start from these centroids (a warm start) instead of k-means++; their count wins over `k`. */
  initialCentroids?: Rows;
  /** Default 100. */
  maxIterations?: number;
  /**
   * Cold starts only: run k-means++ this many times (seeds drawn from `seed`) and keep the fit with the lowest
   * inertia. One seeding can land two centres in one group and leave another group split; Lloyd's iterations never
   * undo that. Default 1.
   */
  restarts?: number;
}

/** Output of {@link fitKmeans}: the centroids only; label the rows with scanClusters, which measures them too. */
export interface FitKmeansResult {
  centroids: number[][];
  iterations: number;
  converged: boolean;
}

/**
 * Lloyd's k-means by `ml-kmeans`: seeded k-means++ (cold, best of `restarts` by inertia) or a warm start from given
 * centroids. k is clamped to the number of distinct rows (k-means++ cannot place more centres; a warm start with more
 * centroids than rows falls back to it); no rows give no centroids. An empty cluster keeps its centroid (ml-kmeans
 * does not re-seed it), so a warm-started segment that lost its leads stays where it was. ml-kmeans labels rows by the
 * centroids before its last update, so its labels are not returned: scanClusters labels the rows by the final
 * centroids in the pass that also measures them.
 *
 * @example
 * ```ts
 * const { centroids } = fitKmeans([[0], [1], [10], [11]], 2, { seed: 1 });
 * // centroids like [[0.5], [10.5]]
 * ```
 */
export function fitKmeans(rows: Rows, k: number, options: FitKmeansOptions): FitKmeansResult {
  if (rows.length === 0) return { centroids: [], iterations: 0, converged: true };
  const init = options.initialCentroids;
  // ml-kmeans needs k ≤ rows; k-means++ would also pick duplicate seeds when there are fewer distinct rows than k.
  const warm = init !== undefined && init.length <= rows.length;
  const count = warm ? init.length : countDistinctRows(rows, init?.length ?? k);
  // ml-kmeans takes mutable arrays but does not write to them.
  const data = rows as number[][];
  const maxIterations = options.maxIterations ?? 100;
  const fitFrom = (initialization: number[][] | 'kmeans++', seed: number): FitKmeansResult => {
    const fit = kmeans(data, count, { initialization, seed, maxIterations });
    return { centroids: fit.centroids, iterations: fit.iterations, converged: fit.converged };
  };
  if (warm)
    return fitFrom(
      init.map((c) => [...c]),
      options.seed,
    );
  const restarts = Math.max(1, Math.floor(options.restarts ?? 1));
  if (restarts === 1) return fitFrom('kmeans++', options.seed);
  const seeds = createRng(options.seed);
  let best: { fit: FitKmeansResult; inertia: number } | null = null;
  for (let run = 0; run < restarts; run += 1) {
    const fit = fitFrom('kmeans++', Math.floor(seeds() * 0x7fffffff));
    const { inertia } = scanClusters({ rows, centroids: fit.centroids });
    // Strictly lower: on a tie the earlier run wins, so the result depends only on the seed.
    if (best === null || inertia < best.inertia) best = { fit, inertia };
  }
  return best!.fit;
}
