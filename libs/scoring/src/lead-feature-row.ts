import { emptyFeatureState, type FeatureState } from './feature-state';
import { FEATURE_NAMES, featureVector, type FeatureName } from './feature-vector';
import type { FitInput } from './icp-config';
import type { FundingStage, RevenueBand } from './lead-input-schema';

/** The lead columns the fit feature reads, as SQL returns them. */
export interface LeadFirmographicsRow {
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
}

/**
 * Maps nullable columns to the fit score's optional fields.
 * @example fitInputOf({ industry: 'SaaS', headcount: null, revenue_band: null, funding_stage: null }); // { industry: 'SaaS', … }
 */
export function fitInputOf(row: LeadFirmographicsRow): FitInput {
  return {
    industry: row.industry ?? undefined,
    headcount: row.headcount ?? undefined,
    revenueBand: (row.revenue_band ?? undefined) as RevenueBand | undefined,
    fundingStage: (row.funding_stage ?? undefined) as FundingStage | undefined,
  };
}

/**
 * A raw feature vector as `{ recency: 0.8, … }`.
 * @example namedFeatures(vectorOf(state, lead, now)).intent;
 */
export function namedFeatures(vector: readonly number[]): Record<FeatureName, number> {
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, vector[i] ?? 0])) as Record<FeatureName, number>;
}

/**
 * The raw feature vector of a stored state at `now`.
 * @example vectorOf(row.state, row, now)[FEATURE_NAMES.indexOf('fit')];
 */
export function vectorOf(state: FeatureState, lead: LeadFirmographicsRow, now: Date): number[] {
  return featureVector(state, fitInputOf(lead), now);
}

/**
 * A lead's features by name at `now`, as playbook runs read them; a lead without events yet (`state` null) has the
 * features of no activity (its fit still counts).
 * @example currentFeatures(row.feature_state, row, now).intent; // 0.69…
 */
export function currentFeatures(
  state: FeatureState | null,
  lead: LeadFirmographicsRow,
  now: Date,
): Record<FeatureName, number> {
  return namedFeatures(vectorOf(state ?? emptyFeatureState(), lead, now));
}
