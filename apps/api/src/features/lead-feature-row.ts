import { FeatureName, FEATURE_NAMES, featureVector, FitInput, FeatureState } from '@segflow/scoring/features';
import type { FundingStage, RevenueBand } from '@segflow/scoring';

/** The lead columns the fit feature reads, as SQL returns them. */
export interface LeadFirmographicsRow {
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
}

/** Maps nullable columns to the lib's optional fields. */
export function fitInputOf(row: LeadFirmographicsRow): FitInput {
  return {
    industry: row.industry ?? undefined,
    headcount: row.headcount ?? undefined,
    revenueBand: (row.revenue_band ?? undefined) as RevenueBand | undefined,
    fundingStage: (row.funding_stage ?? undefined) as FundingStage | undefined,
  };
}

/** A raw feature vector as `{ recency: 0.8, … }` for API responses. */
export function namedFeatures(vector: readonly number[]): Record<FeatureName, number> {
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, vector[i] ?? 0])) as Record<FeatureName, number>;
}

/** The raw feature vector of a stored state at `now`. */
export function vectorOf(state: FeatureState, lead: LeadFirmographicsRow, now: Date): number[] {
  return featureVector(state, fitInputOf(lead), now);
}
