import { kmeans } from 'ml-kmeans';
import { countDistinctRows } from './count-distinct-rows';

type Rows = readonly (readonly number[])[];

/** Options of {@link fitKmeans}. */
export interface FitKmeansOptions {
  /** Seed of ml-kmeans' k-means++ (the same seed gives the same model). Unused with `initialCentroids`. */
  seed: number;
  /** Start from these centroids (a warm start) instead of k-means++; their count wins over `k`. */
  initialCentroids?: Rows;
  /** Default 100. */
  maxIterations?: number;
}

/** Output of {@link fitKmeans}: the centroids only; label the rows with scanClusters, which measures them too. */
export interface FitKmeansResult {
  centroids: number[][];
  iterations: number;
  converged: boolean;
}

/**
 * Lloyd's k-means by `ml-kmeans`: seeded k-means++ (cold) or a warm start from given centroids. k is clamped to the
 * number of distinct rows (k-means++ cannot place more centres; a warm start with more centroids than rows falls
 * back to it); no rows give no centroids. An empty cluster keeps its centroid (ml-kmeans does not re-seed it), so a
 * warm-started segment that lost its leads stays where it was. ml-kmeans labels rows by the centroids before its last
 * update, so its labels are not returned: scanClusters labels the rows by the final centroids in the pass that also
 * measures them.
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
  const fit = kmeans(data, count, {
    initialization: warm ? init.map((c) => [...c]) : 'kmeans++',
    seed: options.seed,
    maxIterations: options.maxIterations ?? 100,
  });
  return { centroids: fit.centroids, iterations: fit.iterations, converged: fit.converged };
}
