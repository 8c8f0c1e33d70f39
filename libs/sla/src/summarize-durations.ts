import { percentile } from './percentile';

/** Distribution summary of durations; statistics are `null` when there are no durations. */
export interface DurationSummary {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  mean: number | null;
}

/**
 * Count, mean and p50/p90/p99 (see {@link percentile} for the interpolation) of durations,
 * in whatever unit they are given (milliseconds or business minutes).
 *
 * @example
 * summarizeDurations([60_000, 120_000, 180_000, 240_000]);
 * // { count: 4, p50: 150_000, p90: 222_000, p99: 238_200, mean: 150_000 }
 * summarizeDurations([]); // { count: 0, p50: null, p90: null, p99: null, mean: null }
 */
export function summarizeDurations(durations: readonly number[]): DurationSummary {
  const count = durations.length;
  const mean = count === 0 ? null : durations.reduce((sum, value) => sum + value, 0) / count;
  return {
    count,
    p50: percentile(durations, 50),
    p90: percentile(durations, 90),
    p99: percentile(durations, 99),
    mean,
  };
}
