/**
 * Number of rows in each of `k` clusters.
 *
 * @example
 * ```ts
 * clusterSizes([0, 2, 2], 3); // [1, 0, 2]
 * ```
 */
export function clusterSizes(labels: ArrayLike<number>, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i] as number;
    sizes[label] = (sizes[label] ?? 0) + 1;
  }
  return sizes;
}
