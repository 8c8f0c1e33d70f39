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
