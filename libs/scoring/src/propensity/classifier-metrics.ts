import { wilsonInterval } from '../proportion-statistics';
/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative, ties counting
 * half (Mann–Whitney U with average ranks). Null when either class is missing.
 *
 * @example
 * ```ts
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 * ```
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const order = scores.map((_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number]) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) {
      if (labels[order[k] as number] === 1) [positives, rankSum] = [positives + 1, rankSum + averageRank];
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Brier score: the mean squared difference between predicted probability and outcome (0 is perfect). Null for no rows.
 *
 * @example
 * ```ts
 * brierScore([0.5, 0.5], [0, 1]); // 0.25
 * ```
 */
export function brierScore(probabilities: readonly number[], labels: readonly number[]): number | null {
  if (probabilities.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i += 1) sum += ((probabilities[i] as number) - (labels[i] as number)) ** 2;
  return sum / probabilities.length;
}

/** One bin of a {@link calibrationCurve}. */
export interface CalibrationBin {
  /** The bin holds predictions in [lower, upper) (the last one includes 1). */
  lower: number;
  upper: number;
  count: number;
  /** Mean prediction and observed positive share in the bin; null when it is empty. */
  meanPredicted: number | null;
  observedRate: number | null;
}

/**
 * Reliability diagram data: predictions grouped into `bins` equal-width bins of [0, 1], each with its mean prediction
 * and the share of positives. A calibrated model has the two close in every well-filled bin.
 *
 * @example
 * ```ts
 * calibrationCurve([0.05, 0.95], [0, 1], 10)[9]; // { lower: 0.9, upper: 1, count: 1, meanPredicted: 0.95, observedRate: 1 }
 * ```
 */
export function calibrationCurve(
  probabilities: readonly number[],
  labels: readonly number[],
  bins = 10,
): CalibrationBin[] {
  const sums = Array.from({ length: bins }, () => ({ count: 0, predicted: 0, positives: 0 }));
  probabilities.forEach((p, i) => {
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))]!;
    bin.count += 1;
    bin.predicted += p;
    bin.positives += labels[i] as number;
  });
  return sums.map((bin, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: bin.count,
    meanPredicted: bin.count ? bin.predicted / bin.count : null,
    observedRate: bin.count ? bin.positives / bin.count : null,
  }));
}

/**
 * Lift in the top decile: the positive share among the 10 % highest-scored rows (at least one row) over the positive
 * share of all rows. Ties at the boundary are broken by row order. Null when there are no rows or no positives.
 *
 * @example
 * ```ts
 * topDecileLift([0.9, 0.1, 0.2, 0.3, 0.1, 0.2, 0.1, 0.2, 0.3, 0.1], [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]); // 5
 * ```
 */
export function topDecileLift(scores: readonly number[], labels: readonly number[]): number | null {
  const positives = labels.reduce((sum: number, y) => sum + y, 0);
  if (scores.length === 0 || positives === 0) return null;
  const top = Math.max(1, Math.round(scores.length / 10));
  const order = scores.map((_, i) => i).sort((i, j) => (scores[j] as number) - (scores[i] as number) || i - j);
  const topPositives = order.slice(0, top).reduce((sum, i) => sum + (labels[i] as number), 0);
  return topPositives / top / (positives / scores.length);
}

/**
 * A binomial proportion with its Wilson score interval (95 %, {@link wilsonInterval}); null for n = 0.
 *
 * @example
 * ```ts
 * rateWithInterval(5, 10); // { rate: 0.5, low: 0.2366…, high: 0.7634… }
 * ```
 */
export function rateWithInterval(successes: number, n: number): { rate: number; low: number; high: number } | null {
  const interval = wilsonInterval({ successes, n });
  return interval && { rate: successes / n, ...interval };
}
