import { squaredDistance } from './squared-distance';

/**
 * Within-cluster sum of squared distances of each row to its own centroid (lower is tighter).
 *
 * @example
 * ```ts
 * inertia([[0], [2]], [0, 0], [[1]]); // 2
 * ```
 */
export function inertia(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  centroids: readonly (readonly number[])[],
): number {
  let sum = 0;
  rows.forEach((row, i) => {
    sum += squaredDistance(row, centroids[labels[i] as number] as readonly number[]);
  });
  return sum;
}
