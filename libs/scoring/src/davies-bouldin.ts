import { squaredDistance } from './squared-distance';

// Math is hoisted: in sandboxes such as jest's vm context every global lookup is slow, and these loops are hot.
const { sqrt, max } = Math;

/**
 * Davies–Bouldin index from each cluster's summed distance of its rows to its centroid (`scatter`) and its size: the
 * mean over non-empty clusters of the worst (spreadᵢ + spreadⱼ) / distance(centroidᵢ, centroidⱼ), spread being
 * scatter / size. O(k²·d): a retrain sums the scatter in the same pass that labels the rows.
 *
 * @example
 * ```ts
 * daviesBouldinOfScatter({ centroids: [[1], [11]], scatter: [2, 2], sizes: [2, 2] }); // 0.2
 * ```
 */
export function daviesBouldinOfScatter(input: {
  centroids: readonly (readonly number[])[];
  scatter: ArrayLike<number>;
  sizes: ArrayLike<number>;
}): number {
  const { centroids, scatter, sizes } = input;
  const live = centroids.map((_, c) => c).filter((c) => (sizes[c] as number) > 0);
  if (live.length < 2) return 0;
  const spread = (c: number) => (scatter[c] as number) / (sizes[c] as number);
  let total = 0;
  for (const i of live) {
    let worst = 0;
    for (const j of live) {
      if (i === j) continue;
      const separation = sqrt(squaredDistance(centroids[i] as readonly number[], centroids[j] as readonly number[]));
      worst = max(worst, separation > 0 ? (spread(i) + spread(j)) / separation : Infinity);
    }
    total += worst;
  }
  return total / live.length;
}

/**
 * Davies–Bouldin index (lower is better, 0 is ideal): the mean over clusters of the worst
 * ratio (scatterᵢ + scatterⱼ) / distance(centroidᵢ, centroidⱼ), where scatter is the mean
 * distance of a cluster's rows to its centroid. O(n·d + k²·d). Empty clusters are skipped;
 * fewer than two non-empty clusters give 0.
 *
 * @example
 * ```ts
 * daviesBouldin([[0], [2], [10], [12]], [0, 0, 1, 1], [[1], [11]]); // 0.2
 * ```
 */
export function daviesBouldin(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  centroids: readonly (readonly number[])[],
): number {
  const scatter = new Array<number>(centroids.length).fill(0);
  const sizes = new Array<number>(centroids.length).fill(0);
  rows.forEach((row, i) => {
    const c = labels[i] as number;
    scatter[c] = (scatter[c] as number) + sqrt(squaredDistance(row, centroids[c] as readonly number[]));
    sizes[c] = (sizes[c] as number) + 1;
  });
  return daviesBouldinOfScatter({ centroids, scatter, sizes });
}
