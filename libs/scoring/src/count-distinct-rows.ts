/**
 * How many distinct rows there are, counting no further than `limit` (so it usually stops after a few rows).
 * k-means cannot place more centres than there are distinct points: k is clamped to this.
 *
 * @example
 * ```ts
 * countDistinctRows([[1, 2], [1, 2], [3, 4]], 10); // 2
 * countDistinctRows([[1], [2], [3], [4]], 2); // 2
 * ```
 */
export function countDistinctRows(rows: readonly (readonly number[])[], limit: number): number {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.size >= limit) break;
    seen.add(row.join(','));
  }
  return Math.min(seen.size, limit);
}
