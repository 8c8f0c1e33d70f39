import { sigmoid } from './logistic-regression';

/** Platt scaling: `P = σ(a·score + b)`. */
export interface PlattCalibration {
  method: 'platt';
  a: number;
  b: number;
}

/** Isotonic regression: a non-decreasing step function, `values[i]` from `thresholds[i]` up to the next threshold. */
export interface IsotonicCalibration {
  method: 'isotonic';
  thresholds: number[];
  values: number[];
}

/** A fitted map from a raw score (e.g. log-odds) to a calibrated probability. */
export type Calibration = PlattCalibration | IsotonicCalibration;

/** Calibration methods {@link fitCalibration} knows. */
export const CALIBRATION_METHODS = ['platt', 'isotonic'] as const;

/**
 * Platt scaling fitted by Newton's method on Platt's smoothed targets (`(N₊ + 1)/(N₊ + 2)` for positives,
 * `1/(N₋ + 2)` for negatives), which keep `a` finite when the scores separate the classes.
 *
 * @example
 * ```ts
 * const platt = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]);
 * calibrate(platt, 0); // 0.5
 * ```
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): PlattCalibration {
  const positives = labels.reduce((sum: number, y) => sum + y, 0);
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let a = 0;
  let b = Math.log((positives + 1) / (negatives + 1));
  for (let iteration = 0; iteration < 100; iteration += 1) {
    // Gradient and Hessian of the log-loss in (a, b), with a tiny ridge so the 2×2 system stays solvable.
    let [ga, gb, haa, hab, hbb] = [0, 0, 1e-12, 0, 1e-12];
    for (let i = 0; i < scores.length; i += 1) {
      const s = scores[i] as number;
      const p = sigmoid(a * s + b);
      const residual = p - (labels[i] === 1 ? high : low);
      const w = p * (1 - p);
      ga += residual * s;
      gb += residual;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { method: 'platt', a, b };
}

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of the score that fits the labels
 * best in squared error. Tied scores are pooled first, so one score always maps to one value.
 *
 * @example
 * ```ts
 * const iso = fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1]);
 * iso.values; // [0, 0.5, 1]
 * ```
 */
export function fitIsotonic(scores: readonly number[], labels: readonly number[]): IsotonicCalibration {
  const order = scores.map((_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number) || i - j);
  const blocks: { start: number; sum: number; count: number }[] = [];
  for (const i of order) {
    const score = scores[i] as number;
    const last = blocks[blocks.length - 1];
    if (last && scores[order[last.start + last.count - 1] as number] === score)
      [last.sum, last.count] = [last.sum + (labels[i] as number), last.count + 1];
    else
      blocks.push({ start: blocks.length === 0 ? 0 : last!.start + last!.count, sum: labels[i] as number, count: 1 });
    // Pool while the previous block's mean is not below this one's.
    while (blocks.length > 1) {
      const top = blocks[blocks.length - 1]!;
      const below = blocks[blocks.length - 2]!;
      if (below.sum / below.count < top.sum / top.count) break;
      blocks.pop();
      [below.sum, below.count] = [below.sum + top.sum, below.count + top.count];
    }
  }
  return {
    method: 'isotonic',
    thresholds: blocks.map((block) => scores[order[block.start] as number] as number),
    values: blocks.map((block) => block.sum / block.count),
  };
}

/**
 * Fits the named calibration.
 *
 * @example
 * ```ts
 * fitCalibration('platt', logits, labels);
 * ```
 */
export function fitCalibration(
  method: Calibration['method'],
  scores: readonly number[],
  labels: readonly number[],
): Calibration {
  return method === 'platt' ? fitPlatt(scores, labels) : fitIsotonic(scores, labels);
}

/**
 * The calibrated probability of a raw score. Isotonic: the value of the last threshold at or below the score (the
 * first value below every threshold).
 *
 * @example
 * ```ts
 * calibrate({ method: 'platt', a: 1, b: 0 }, 0); // 0.5
 * ```
 */
export function calibrate(calibration: Calibration, score: number): number {
  if (calibration.method === 'platt') return sigmoid(calibration.a * score + calibration.b);
  const { thresholds, values } = calibration;
  let [low, high] = [0, thresholds.length - 1];
  if (high < 0) return 0;
  if (score < (thresholds[0] as number)) return values[0] as number;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((thresholds[mid] as number) <= score) low = mid;
    else high = mid - 1;
  }
  return values[low] as number;
}
