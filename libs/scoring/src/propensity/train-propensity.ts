import { FEATURE_NAMES } from '../feature-vector';
import { leadScore } from '../lead-score';
import { squaredDistance } from '../squared-distance';
import { fitStandardizer, standardize, type Standardizer } from '../standardizer';
import { calibrate, fitCalibration, type Calibration } from './calibration';
import {
  brierScore,
  calibrationCurve,
  rocAuc,
  topDecileLift,
  rateWithInterval,
  type CalibrationBin,
} from './classifier-metrics';
import { fitLogisticRegression, logOdds } from './logistic-regression';
import { PROPENSITY_FEATURE_NAMES, type ConversionLabel, type PropensitySample } from './propensity-samples';

/** Options of {@link trainPropensity}. */
export interface TrainPropensityOptions {
  label: ConversionLabel;
  /** Latest share of the entries (by entry time) held out for evaluation. Default 0.25. */
  holdoutShare?: number;
  /** Latest share of the remaining entries used to fit the calibration. Default 0.2. */
  calibrationShare?: number;
  /** L2 penalty on the standardised weights. Default 1. */
  l2?: number;
  calibration?: Calibration['method'];
  /**
   * The segment model the per-segment figures are for: each entry counts for the segment nearest to its features at
   * entry time (so a candidate's new segments get figures too). Without it, the segment each entry was recorded in.
   */
  segmentModel?: {
    standardizer: Standardizer;
    centroids: readonly { id: string; centroid: readonly number[] }[];
  };
}

/** How a score does on the held-out entries. */
export interface HoldoutScores {
  auc: number | null;
  brier: number | null;
  topDecileLift: number | null;
}

/**
 * Observed conversion of a segment's held-out entries, with its Wilson 95 % interval, and the model's mean predicted
 * probability on the same entries: what the segment converts at on entries the model never saw, beside what it expects.
 */
export interface SegmentConversion {
  segmentId: string;
  entries: number;
  conversions: number;
  rate: number;
  low: number;
  high: number;
  predicted: number;
}

/** A trained, calibrated propensity model with its time-based holdout evaluation. */
export interface PropensityModel {
  status: 'trained';
  label: ConversionLabel;
  featureNames: string[];
  standardizer: Standardizer;
  weights: number[];
  intercept: number;
  calibration: Calibration;
  /** Entries at or after this instant were held out (ISO). */
  holdoutFrom: string;
  counts: { fit: number; calibration: number; holdout: number; positives: number };
  metrics: HoldoutScores & {
    baseRate: number;
    calibrationCurve: CalibrationBin[];
    /** The hand-weighted lead score on the same entries, calibrated the same way. */
    baseline: HoldoutScores;
  };
  segments: SegmentConversion[];
}

/** Why no model was trained. */
export interface PropensityNotTrained {
  status: 'insufficient';
  label: ConversionLabel;
  reason: string;
  counts: { samples: number; positives: number };
}

/** Fewer closed entries than this train no model. */
export const MIN_PROPENSITY_SAMPLES = 50;

const hasBothClasses = (labels: readonly number[]) => labels.includes(0) && labels.includes(1);

/**
 * The calibrated probability that a lead with this (raw) propensity row converts.
 *
 * @example
 * ```ts
 * predictConversion(model, propensityVector(state, lead, now)); // e.g. 0.12
 * ```
 */
export function predictConversion(
  model: Pick<PropensityModel, 'standardizer' | 'weights' | 'intercept' | 'calibration'>,
  vector: readonly number[],
): number {
  return calibrate(model.calibration, logOdds(model, standardize(vector, model.standardizer)));
}

function holdoutScores(probabilities: number[], labels: number[]): HoldoutScores {
  return {
    auc: rocAuc(probabilities, labels),
    brier: brierScore(probabilities, labels),
    topDecileLift: topDecileLift(probabilities, labels),
  };
}

// The nearest centroid to the entry's scoring features (the first FEATURE_NAMES.length columns), standardised.
function nearestSegment(vector: readonly number[], model: NonNullable<TrainPropensityOptions['segmentModel']>): string {
  const z = standardize(vector.slice(0, FEATURE_NAMES.length), model.standardizer);
  let [best, bestDistance] = ['', Infinity];
  for (const { id, centroid } of model.centroids) {
    const distance = squaredDistance(z, centroid);
    if (distance < bestDistance) [best, bestDistance] = [id, distance];
  }
  return best;
}

function segmentConversions(
  samples: readonly PropensitySample[],
  predicted: readonly number[],
  segmentModel: TrainPropensityOptions['segmentModel'],
): SegmentConversion[] {
  const bySegment = new Map<string, { entries: number; conversions: number; predicted: number }>();
  samples.forEach((sample, i) => {
    const segmentId = segmentModel?.centroids.length ? nearestSegment(sample.vector, segmentModel) : sample.segmentId;
    const sums = bySegment.get(segmentId) ?? { entries: 0, conversions: 0, predicted: 0 };
    bySegment.set(segmentId, {
      entries: sums.entries + 1,
      conversions: sums.conversions + sample.label,
      predicted: sums.predicted + (predicted[i] as number),
    });
  });
  return [...bySegment].map(([segmentId, s]) => ({
    segmentId,
    entries: s.entries,
    conversions: s.conversions,
    ...rateWithInterval(s.conversions, s.entries)!,
    predicted: s.predicted / s.entries,
  }));
}

/**
 * Trains the conversion propensity model on labelled segment entries with a time-based split: the latest
 * `holdoutShare` of entries is held out for evaluation, the latest `calibrationShare` of the rest fits the calibration
 * (Platt or isotonic, on the log-odds), the earlier entries fit the standardiser and an L2 logistic regression. Reports
 * AUC, Brier score, a 10-bin calibration curve and top-decile lift on the holdout, the same for the hand-weighted
 * {@link leadScore} calibrated the same way, and each segment's observed conversion (Wilson interval) and mean prediction
 * on the holdout (the segment an entry was recorded in, or its nearest one in `segmentModel`).
 * Deterministic: the same samples give the same model.
 *
 * @example
 * ```ts
 * const model = trainPropensity(samples, { label: { goalEventType: 'purchase', horizonDays: 30 } });
 * if (model.status === 'trained') model.metrics.auc;
 * ```
 */
export function trainPropensity(
  samples: readonly PropensitySample[],
  options: TrainPropensityOptions,
): PropensityModel | PropensityNotTrained {
  const { label, holdoutShare = 0.25, calibrationShare = 0.2, l2 = 1, calibration = 'platt' } = options;
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const positives = sorted.reduce((sum, s) => sum + s.label, 0);
  const notTrained = (reason: string): PropensityNotTrained => ({
    status: 'insufficient',
    label,
    reason,
    counts: { samples: sorted.length, positives },
  });
  if (sorted.length < MIN_PROPENSITY_SAMPLES)
    return notTrained(`${sorted.length} closed segment entries; at least ${MIN_PROPENSITY_SAMPLES} are needed`);
  // Split on entry time, not on position: entries at one instant stay on one side.
  const holdoutFrom = sorted[Math.floor(sorted.length * (1 - holdoutShare))]!.at;
  const earlier = sorted.filter((s) => s.at < holdoutFrom);
  const holdout = sorted.filter((s) => s.at >= holdoutFrom);
  const calibrationFrom = earlier[Math.floor(earlier.length * (1 - calibrationShare))]?.at ?? holdoutFrom;
  const fit = earlier.filter((s) => s.at < calibrationFrom);
  const calibrationSet = earlier.filter((s) => s.at >= calibrationFrom);
  if (!hasBothClasses(fit.map((s) => s.label)) || !hasBothClasses(calibrationSet.map((s) => s.label)))
    return notTrained('the training or calibration period has no conversions (or only conversions)');

  const standardizer = fitStandardizer(fit.map((s) => s.vector));
  const regression = fitLogisticRegression(
    fit.map((s) => standardize(s.vector, standardizer)),
    fit.map((s) => s.label),
    { l2 },
  );
  const model = { standardizer, weights: regression.weights, intercept: regression.intercept };
  const logit = (s: PropensitySample) => logOdds(model, standardize(s.vector, standardizer));
  const calibrationLabels = calibrationSet.map((s) => s.label);
  const fitted = fitCalibration(calibration, calibrationSet.map(logit), calibrationLabels);
  const scoreCalibration = fitCalibration(
    calibration,
    calibrationSet.map((s) => leadScore(s.vector)),
    calibrationLabels,
  );

  const holdoutLabels = holdout.map((s) => s.label as number);
  const predicted = holdout.map((s) => calibrate(fitted, logit(s)));
  const baseline = holdout.map((s) => leadScore(s.vector));
  const baselineProbabilities = baseline.map((score) => calibrate(scoreCalibration, score));
  return {
    status: 'trained',
    label,
    featureNames: [...PROPENSITY_FEATURE_NAMES],
    ...model,
    calibration: fitted,
    holdoutFrom: new Date(holdoutFrom).toISOString(),
    counts: { fit: fit.length, calibration: calibrationSet.length, holdout: holdout.length, positives },
    metrics: {
      ...holdoutScores(predicted, holdoutLabels),
      baseRate: holdoutLabels.reduce((a, b) => a + b, 0) / holdout.length,
      calibrationCurve: calibrationCurve(predicted, holdoutLabels, 10),
      baseline: {
        // AUC and lift rank by the score itself; only the Brier score needs it as a probability.
        ...holdoutScores(baseline, holdoutLabels),
        brier: brierScore(baselineProbabilities, holdoutLabels),
      },
    },
    // Held-out entries only: over all of them the training entries' own outcomes would flatter the figures.
    segments: segmentConversions(holdout, predicted, options.segmentModel),
  };
}
