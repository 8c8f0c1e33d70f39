import { FEATURE_NAMES, measureSegmentDrift, type SegmentDrift, type Standardizer } from '@segflow/scoring';
import type { RetrainResult } from './retrain-job';
import type { SegmentModelDiffDto } from './segment-model.dto';

/**
 * The candidate's drift from the model active when it was trained (libs/scoring measureSegmentDrift): that model's
 * training-time sizes and standardiser against the candidate's. Null for a first model (nothing to drift from).
 */
export function measureCandidateDrift(
  result: RetrainResult,
  diff: SegmentModelDiffDto,
  activeStandardizer: Standardizer | undefined,
): SegmentDrift | null {
  const active = diff.metrics.active;
  const candidate = diff.metrics.candidate;
  if (!active || !candidate || !activeStandardizer) return null;
  return measureSegmentDrift({
    activeSizes: active.sizes,
    candidateSizes: candidate.sizes,
    movedLeads: diff.movedLeads,
    leadCount: result.leadCount,
    adjustedRand: result.metrics.stability?.adjustedRand ?? null,
    activeStandardizer,
    candidateStandardizer: result.standardizer,
    featureNames: FEATURE_NAMES,
  });
}
