/** Column means and standard deviations learnt from training rows. */
export interface Standardizer {
  means: number[];
  stds: number[];
}

/**
 * Learns per-column mean and (population) standard deviation with Welford's one-pass
 * update, so 100k rows need O(columns) memory. Constant columns get std 1 (their
 * z-score is then 0 rather than NaN).
 *
 * @example
 * ```ts
 * fitStandardizer([[1, 10], [3, 10]]); // { means: [2, 10], stds: [1, 1] }
 * ```
 */
export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const width = rows[0]?.length ?? 0;
  const means = new Array<number>(width).fill(0);
  const m2 = new Array<number>(width).fill(0);
  rows.forEach((row, r) => {
    for (let j = 0; j < width; j += 1) {
      const x = row[j] as number;
      const delta = x - (means[j] as number);
      means[j] = (means[j] as number) + delta / (r + 1);
      m2[j] = (m2[j] as number) + delta * (x - (means[j] as number));
    }
  });
  const stds = m2.map((sum) => {
    const std = rows.length > 0 ? Math.sqrt(sum / rows.length) : 0;
    return std > 1e-12 ? std : 1;
  });
  return { means, stds };
}

/**
 * Z-scores one row with a fitted {@link Standardizer}: `(x − mean) / std` per column.
 *
 * @example
 * ```ts
 * standardize([3, 10], { means: [2, 10], stds: [1, 1] }); // [1, 0]
 * ```
 */
export function standardize(row: readonly number[], standardizer: Standardizer): number[] {
  return row.map((x, j) => (x - (standardizer.means[j] ?? 0)) / (standardizer.stds[j] ?? 1));
}
