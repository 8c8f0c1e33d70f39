import type { Rng } from './create-rng';
import { kmeansPlusPlus } from './kmeans-plus-plus';
import { nearestCentroid, squaredDistance } from './squared-distance';

type Rows = readonly (readonly number[])[];

/** Options of {@link runKmeans}. */
export interface KmeansOptions {
  /** Seeded randomness for k-means++ (unused when `initialCentroids` is given). */
  rng: Rng;
  /** Start from these centroids (a warm start) instead of k-means++. Their count wins over `k`. */
  initialCentroids?: readonly (readonly number[])[];
  /** Default 100. */
  maxIterations?: number;
  /** Stop when no centroid moves more than this (squared distance). Default 1e-8. */
  tolerance?: number;
}

/** Output of {@link runKmeans}. */
export interface KmeansResult {
  centroids: number[][];
  /** Index into `centroids` for every row. */
  labels: number[];
  iterations: number;
  converged: boolean;
}

function assignRows(rows: Rows, centroids: readonly number[][], labels: Int32Array, distances: Float64Array): void {
  rows.forEach((row, i) => {
    const { index, distance } = nearestCentroid(row, centroids);
    labels[i] = index;
    distances[i] = distance;
  });
}

function meanCentroids(rows: Rows, labels: Int32Array, previous: readonly number[][]): { centroids: number[][]; sizes: number[] } {
  const width = previous[0]?.length ?? 0;
  const sums = previous.map(() => new Array<number>(width).fill(0));
  const sizes = previous.map(() => 0);
  rows.forEach((row, i) => {
    const c = labels[i] as number;
    const sum = sums[c] as number[];
    for (let j = 0; j < width; j += 1) sum[j] = (sum[j] as number) + (row[j] as number);
    sizes[c] = (sizes[c] as number) + 1;
  });
  const centroids = sums.map((sum, c) => (sizes[c] === 0 ? [...(previous[c] as number[])] : sum.map((s) => s / (sizes[c] as number))));
  return { centroids, sizes };
}

// An empty cluster would stay empty forever; re-seed it at the row worst served by its centroid.
function reseedEmpty(rows: Rows, centroids: number[][], sizes: readonly number[], distances: Float64Array): void {
  sizes.forEach((size, c) => {
    if (size > 0) return;
    let worst = -1;
    distances.forEach((d, i) => {
      if (worst < 0 || d > (distances[worst] as number)) worst = i;
    });
    if (worst < 0) return;
    centroids[c] = [...(rows[worst] as readonly number[])];
    distances[worst] = 0;
  });
}

/**
 * Lloyd's k-means with k-means++ seeding or a warm start, fully deterministic for a given
 * `rng`. O(n·k·d) per iteration; rows are not copied.
 *
 * @example
 * ```ts
 * const { labels, centroids } = runKmeans([[0], [1], [10], [11]], 2, { rng: createRng(1) });
 * // labels like [0, 0, 1, 1]; centroids like [[0.5], [10.5]]
 * ```
 */
export function runKmeans(rows: Rows, k: number, options: KmeansOptions): KmeansResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  let centroids = options.initialCentroids?.map((c) => [...c]) ?? kmeansPlusPlus(rows, k, options.rng);
  const labels = new Int32Array(rows.length);
  const distances = new Float64Array(rows.length);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged && centroids.length > 0) {
    iterations += 1;
    assignRows(rows, centroids, labels, distances);
    const next = meanCentroids(rows, labels, centroids);
    reseedEmpty(rows, next.centroids, next.sizes, distances);
    converged = next.centroids.every((c, i) => squaredDistance(c, centroids[i] as number[]) <= tolerance);
    centroids = next.centroids;
  }
  assignRows(rows, centroids, labels, distances);
  return { centroids, labels: Array.from(labels), iterations, converged };
}
