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
  // Typed arrays and a plain loop: a retrain fits 100k rows.
  const means = new Float64Array(width);
  const m2 = new Float64Array(width);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] as readonly number[];
    for (let j = 0; j < width; j += 1) {
      const x = row[j] as number;
      const delta = x - (means[j] as number);
      means[j] = (means[j] as number) + delta / (r + 1);
      m2[j] = (m2[j] as number) + delta * (x - (means[j] as number));
    }
  }
  const stds = Array.from(m2, (sum) => {
    const std = rows.length > 0 ? Math.sqrt(sum / rows.length) : 0;
    return std > 1e-12 ? std : 1;
  });
  return { means: Array.from(means), stds };
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
  const { means, stds } = standardizer;
  // A loop rather than row.map: a retrain standardises 100k rows and this runs on every ingested event too.
  const z: number[] = [];
  for (let j = 0; j < row.length; j += 1) z.push(((row[j] as number) - (means[j] ?? 0)) / (stds[j] ?? 1));
  return z;
}
