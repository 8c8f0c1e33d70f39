const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index of two labelings of the same items: 1 for identical partitions
 * (whatever the label names), ≈ 0 for independent ones. O(n). Two partitions that each put
 * everything in one cluster (or each item alone) count as identical (1).
 *
 * @example
 * ```ts
 * adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a']); // 1
 * ```
 */
export function adjustedRandIndex(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  if (a.length !== b.length) throw new RangeError('adjustedRandIndex: labelings differ in length');
  const cells = new Map<string, number>();
  const rowsA = new Map<number | string, number>();
  const colsB = new Map<number | string, number>();
  a.forEach((x, i) => {
    const y = b[i] as number | string;
    const key = `${typeof x}:${x}\u0000${typeof y}:${y}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowsA.set(x, (rowsA.get(x) ?? 0) + 1);
    colsB.set(y, (colsB.get(y) ?? 0) + 1);
  });
  let index = 0;
  cells.forEach((n) => (index += pairs(n)));
  let sumA = 0;
  rowsA.forEach((n) => (sumA += pairs(n)));
  let sumB = 0;
  colsB.forEach((n) => (sumB += pairs(n)));
  const expected = (sumA * sumB) / pairs(a.length);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
