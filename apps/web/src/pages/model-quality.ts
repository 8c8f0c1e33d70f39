import type { SegmentModel } from '@segflow/api-contracts';

/** One figure of a model version, formatted for the page; `null` values show as a dash. */
export interface QualityFigures {
  k: number | null;
  silhouette: number | null;
  daviesBouldin: number | null;
  /** Share of leads keeping their segment versus the assignment before it; null for a first model. */
  keptShare: number | null;
  adjustedRand: number | null;
  auc: number | null;
  brier: number | null;
  topDecileLift: number | null;
  baselineAuc: number | null;
  baselineBrier: number | null;
  /** Why there is no propensity model, when there is none. */
  propensityNote: string | null;
}

const numberOr = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The quality figures of a model version: the segmentation's (silhouette, Davies–Bouldin, stability) and its
 * propensity model's holdout scores beside the hand-weighted score's.
 *
 * @example
 * ```ts
 * qualityOf(model).auc; // 0.91
 * ```
 */
export function qualityOf(model: Pick<SegmentModel, 'metrics' | 'propensity'>): QualityFigures {
  const metrics: Record<string, unknown> = model.metrics ?? {};
  const stability = (metrics.stability ?? null) as { keptShare?: unknown; adjustedRand?: unknown } | null;
  const propensity = model.propensity;
  const trained = propensity?.status === 'trained' ? propensity : null;
  return {
    k: numberOr(metrics.k),
    silhouette: numberOr(metrics.silhouette),
    daviesBouldin: numberOr(metrics.daviesBouldin),
    keptShare: numberOr(stability?.keptShare),
    adjustedRand: numberOr(stability?.adjustedRand),
    auc: trained?.metrics.auc ?? null,
    brier: trained?.metrics.brier ?? null,
    topDecileLift: trained?.metrics.topDecileLift ?? null,
    baselineAuc: trained?.metrics.baseline.auc ?? null,
    baselineBrier: trained?.metrics.baseline.brier ?? null,
    propensityNote:
      propensity === null ? 'no propensity model' : propensity.status === 'insufficient' ? propensity.reason : null,
  };
}

/** A figure with `digits` decimals, or a dash. */
export const formatFigure = (value: number | null, digits = 2): string =>
  value === null ? '—' : value.toFixed(digits);

/** A probability as a percentage with one decimal, or a dash. */
export const formatPercent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/**
 * Points of a reliability diagram in an SVG box of `size` (y grows downwards): one per non-empty bin, mean prediction
 * on x and observed rate on y.
 *
 * @example
 * ```ts
 * calibrationPoints([{ lower: 0, upper: 0.1, count: 3, meanPredicted: 0.05, observedRate: 0 }], 100); // [{ x: 5, y: 100, count: 3 }]
 * ```
 */
export function calibrationPoints(
  curve: readonly { count: number; meanPredicted: number | null; observedRate: number | null }[],
  size: number,
): { x: number; y: number; count: number }[] {
  return curve
    .filter((bin) => bin.count > 0 && bin.meanPredicted !== null && bin.observedRate !== null)
    .map((bin) => ({ x: bin.meanPredicted! * size, y: (1 - bin.observedRate!) * size, count: bin.count }));
}
