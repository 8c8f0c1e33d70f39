import { ACCUMULATOR_HALF_LIFE_DAYS, decayAccumulators, type FeatureState } from './feature-state';
import { DEFAULT_ICP, scoreFit, type FitInput, type IcpConfig } from './icp-config';

const DAY_MS = 86_400_000;
const RECENCY_HALF_LIFE_DAYS = 14;

/**
 * The order of the numbers in a feature vector. Models store centroids in this order.
 *
 * @example
 * ```ts
 * FEATURE_NAMES.indexOf('intent'); // 3
 * ```
 */
export const FEATURE_NAMES = [
  'recency',
  'frequency',
  'value',
  'intent',
  'fit',
  'velocity',
  'affinity_email',
  'affinity_whatsapp',
  'affinity_linkedin',
  'friction',
] as const;

/** One of {@link FEATURE_NAMES}. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * A lead's raw (unstandardised) features at `now`, in {@link FEATURE_NAMES} order.
 * Formulas (see FEATURES.md), with accumulators `a` first decayed from `lastDecayAt` to `now`:
 * - recency = 2^(−daysSinceLastEngagement / 14), 0 if never engaged
 * - frequency = ln(1 + a.engagementLong); value = log10(1 + a.valueUsd); intent = ln(1 + a.intent)
 * - fit = {@link scoreFit}(lead, icp)
 * - velocity = (s − l) / (s + l + 0.05) with rates s = a.engagementShort·ln2/7, l = a.engagementLong·ln2/30
 * - affinity_c = (a.c + 1/3) / (a.email + a.whatsapp + a.linkedin + 1)
 * - friction = ln(1 + a.friction)
 *
 * @example
 * ```ts
 * const vector = featureVector(state, lead, new Date('2025-03-01T00:00:00Z'));
 * vector[FEATURE_NAMES.indexOf('fit')]; // 0..1
 * ```
 */
export function featureVector(state: FeatureState, lead: FitInput, now: Date, icp: IcpConfig = DEFAULT_ICP): number[] {
  const t = now.getTime();
  const a = decayAccumulators(state.acc, state.lastDecayAt === null ? 0 : t - state.lastDecayAt);
  const recency =
    state.lastEngagedAt === null
      ? 0
      : Math.pow(2, -Math.max(0, t - state.lastEngagedAt) / (RECENCY_HALF_LIFE_DAYS * DAY_MS));
  const shortRate = (a.engagementShort * Math.LN2) / ACCUMULATOR_HALF_LIFE_DAYS.engagementShort;
  const longRate = (a.engagementLong * Math.LN2) / ACCUMULATOR_HALF_LIFE_DAYS.engagementLong;
  const channels = a.email + a.whatsapp + a.linkedin + 1;
  return [
    recency,
    Math.log1p(a.engagementLong),
    Math.log10(1 + a.valueUsd),
    Math.log1p(a.intent),
    scoreFit(lead, icp),
    (shortRate - longRate) / (shortRate + longRate + 0.05),
    (a.email + 1 / 3) / channels,
    (a.whatsapp + 1 / 3) / channels,
    (a.linkedin + 1 / 3) / channels,
    Math.log1p(a.friction),
  ];
}
