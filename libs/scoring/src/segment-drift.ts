import type { Standardizer } from './standardizer';

/** Plain-words drift: `high` when any signal reaches its high threshold, `medium` from 40 % of it. */
export type DriftLevel = 'low' | 'medium' | 'high';

/** The signal that set the score. */
export type DriftSignal = 'segmentShares' | 'movedLeads' | 'features';

/** How far a candidate model has drifted from the active one (see {@link measureSegmentDrift}). */
export interface SegmentDrift {
  /** max(psi / 0.25, movedShare / 0.15, featureShift.max / 0.5): 1 is the high threshold of the strongest signal. */
  score: number;
  level: DriftLevel;
  drivenBy: DriftSignal;
  /** Population stability index of the segment shares, active model at its training vs the candidate now. */
  psi: number;
  /** Share of leads that approving the candidate would move (with hysteresis). */
  movedShare: number;
  /** Adjusted Rand index of the current assignment vs the candidate's (context; not scored: movedShare says it). */
  adjustedRand: number | null;
  /** |mean now − mean at the active model's training| in the active model's standard deviations, per feature. */
  featureShift: { max: number; feature: string | null; byFeature: Record<string, number> };
}

/** What {@link measureSegmentDrift} compares. */
export interface SegmentDriftInput {
  /** Leads per segment id when the active model was trained. */
  activeSizes: Readonly<Record<string, number>>;
  /** Leads per segment id in the candidate (same ids for kept segments). */
  candidateSizes: Readonly<Record<string, number>>;
  movedLeads: number;
  leadCount: number;
  adjustedRand: number | null;
  activeStandardizer: Standardizer;
  candidateStandardizer: Standardizer;
  /** Names of the standardiser's columns, in order. */
  featureNames: readonly string[];
}

/** Each signal's high threshold; medium starts at {@link MEDIUM_FRACTION} of it. */
export const DRIFT_HIGH_THRESHOLDS = { psi: 0.25, movedShare: 0.15, featureShift: 0.5 } as const;
/** PSI's usual rule of thumb (0.1 / 0.25) and Cohen's d (0.2 / 0.5) both put medium at 40 % of high. */
export const MEDIUM_FRACTION = 0.4;
/** The share a segment missing from one side counts with, so a new or emptied segment weighs in without ln(0). */
export const PSI_MIN_SHARE = 0.001;

const sharesOf = (sizes: Readonly<Record<string, number>>): Map<string, number> => {
  const total = Object.values(sizes).reduce((sum, n) => sum + n, 0);
  return new Map(Object.entries(sizes).map(([id, n]) => [id, total > 0 ? n / total : 0]));
};

/**
 * Population stability index Σ (a − c) · ln(a / c) over every segment id of either side, shares floored at
 * {@link PSI_MIN_SHARE}. 0 for identical shares.
 *
 * @example
 * ```ts
 * populationStabilityIndex({ a: 50, b: 50 }, { a: 50, b: 50 }); // 0
 * populationStabilityIndex({ a: 50, b: 50 }, { a: 25, b: 75 }); // ≈ 0.275
 * ```
 */
export function populationStabilityIndex(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): number {
  const a = sharesOf(before);
  const c = sharesOf(after);
  let psi = 0;
  for (const id of new Set([...a.keys(), ...c.keys()])) {
    const p = Math.max(a.get(id) ?? 0, PSI_MIN_SHARE);
    const q = Math.max(c.get(id) ?? 0, PSI_MIN_SHARE);
    psi += (p - q) * Math.log(p / q);
  }
  return psi;
}

/**
 * The level of a drift score: low below {@link MEDIUM_FRACTION}, medium below 1, high from 1.
 *
 * @example
 * ```ts
 * driftLevel(0.5); // 'medium'
 * ```
 */
export function driftLevel(score: number): DriftLevel {
  if (score >= 1) return 'high';
  return score >= MEDIUM_FRACTION ? 'medium' : 'low';
}

/**
 * How far a retrained candidate has drifted from the active model: segment shares (PSI), the leads approval would
 * move, and the features' mean shift since the active model was trained, each divided by its high threshold; the
 * largest is the score.
 *
 * @example
 * ```ts
 * const drift = measureSegmentDrift({ activeSizes, candidateSizes, movedLeads: 12, leadCount: 400, adjustedRand: 0.9,
 *   activeStandardizer, candidateStandardizer, featureNames: FEATURE_NAMES });
 * drift.level; // 'low'
 * ```
 */
export function measureSegmentDrift(input: SegmentDriftInput): SegmentDrift {
  const psi = populationStabilityIndex(input.activeSizes, input.candidateSizes);
  const movedShare = input.leadCount > 0 ? input.movedLeads / input.leadCount : 0;
  const byFeature: Record<string, number> = {};
  let featureShift: SegmentDrift['featureShift'] = { max: 0, feature: null, byFeature };
  input.featureNames.forEach((name, i) => {
    const std = input.activeStandardizer.stds[i] || 1;
    const shift =
      Math.abs((input.candidateStandardizer.means[i] ?? 0) - (input.activeStandardizer.means[i] ?? 0)) / std;
    byFeature[name] = shift;
    if (shift > featureShift.max) featureShift = { max: shift, feature: name, byFeature };
  });
  const signals: [DriftSignal, number][] = [
    ['segmentShares', psi / DRIFT_HIGH_THRESHOLDS.psi],
    ['movedLeads', movedShare / DRIFT_HIGH_THRESHOLDS.movedShare],
    ['features', featureShift.max / DRIFT_HIGH_THRESHOLDS.featureShift],
  ];
  const [drivenBy, score] = signals.reduce((best, s) => (s[1] > best[1] ? s : best));
  return { score, level: driftLevel(score), drivenBy, psi, movedShare, adjustedRand: input.adjustedRand, featureShift };
}
