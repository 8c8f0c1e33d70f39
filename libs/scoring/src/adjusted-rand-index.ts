const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index from a contingency table: `table[r][c]` is how many items the first labeling puts in its
 * cluster r and the second in its cluster c. 1 for identical partitions, ≈ 0 for independent ones; two partitions
 * that each put everything in one cluster (or each item alone) count as identical (1). O(cells), so a retrain that
 * already counts its moved-leads matrix gets the index without another pass over the leads.
 *
 * @example
 * ```ts
 * adjustedRandIndexOfTable([[2, 0], [0, 2]]); // 1
 * adjustedRandIndexOfTable([[2, 0, 0], [0, 1, 1]]); // ≈ 0.571
 * ```
 */
export function adjustedRandIndexOfTable(table: readonly (readonly number[])[]): number {
  const columns: number[] = [];
  let index = 0;
  let sumA = 0;
  let total = 0;
  for (const row of table) {
    let rowTotal = 0;
    row.forEach((n, c) => {
      index += pairs(n);
      rowTotal += n;
      columns[c] = (columns[c] ?? 0) + n;
    });
    sumA += pairs(rowTotal);
    total += rowTotal;
  }
  let sumB = 0;
  for (const n of columns) sumB += pairs(n ?? 0);
  const expected = (sumA * sumB) / pairs(total);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

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
export function adjustedRandIndex(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number {
  if (a.length !== b.length) throw new RangeError('adjustedRandIndex: labelings differ in length');
  // Labels are keyed with their type, so the number 1 and the string "1" stay apart.
  const codes = (labels: ArrayLike<number | string>) => {
    const seen = new Map<string, number>();
    return Array.from(labels, (x) => {
      const key = `${typeof x}:${x}`;
      const code = seen.get(key) ?? seen.size;
      seen.set(key, code);
      return code;
    });
  };
  const [rows, columns] = [codes(a), codes(b)];
  const table: number[][] = [];
  rows.forEach((r, i) => {
    const row = (table[r] ??= []);
    const c = columns[i] as number;
    row[c] = (row[c] ?? 0) + 1;
  });
  // Rows are sparse where a pair never occurs: count those cells as 0.
  return adjustedRandIndexOfTable(table.map((row) => Array.from(row, (n) => n ?? 0)));
}
