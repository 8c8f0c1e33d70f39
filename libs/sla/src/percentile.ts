/**
 * The `p`-th percentile (0–100) of `values`, by linear interpolation between closest ranks:
 * sort ascending, take rank `h = (p / 100) · (n − 1)` and interpolate between the values at
 * `⌊h⌋` and `⌈h⌉`. This is Hyndman–Fan type 7, the default of NumPy and Excel's `PERCENTILE.INC`,
 * so p0 is the minimum, p100 the maximum and p50 the usual median.
 *
 * Returns `null` for an empty list. Throws `RangeError` for `p` outside 0–100 or a non-finite value,
 * which are programming errors rather than data.
 *
 * @example
 * percentile([10, 20, 30, 40], 50); // 25
 * percentile([10, 20, 30, 40], 90); // 37
 * percentile([], 50); // null
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be within 0–100, got ${p}`);
  if (values.some((value) => !Number.isFinite(value))) throw new RangeError('percentile values must be finite');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lowerValue = sorted[lower] as number;
  const upperValue = sorted[upper] as number;
  return lowerValue + (upperValue - lowerValue) * (rank - lower);
}
