/**
 * Squared Euclidean distance between two equally long vectors.
 *
 * @example
 * ```ts
 * squaredDistance([0, 0], [3, 4]); // 25
 * ```
 */
export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j += 1) {
    const d = (a[j] as number) - (b[j] as number);
    sum += d * d;
  }
  return sum;
}

/**
 * Index of the closest centroid and its squared distance (ties go to the lower index).
 *
 * @example
 * ```ts
 * nearestCentroid([1, 1], [[0, 0], [2, 2], [1, 2]]); // { index: 2, distance: 1 }
 * ```
 */
export function nearestCentroid(row: readonly number[], centroids: readonly (readonly number[])[]): { index: number; distance: number } {
  let index = -1;
  let distance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centroids.length; c += 1) {
    const d = squaredDistance(row, centroids[c] as readonly number[]);
    if (d < distance) {
      distance = d;
      index = c;
    }
  }
  return { index, distance };
}
