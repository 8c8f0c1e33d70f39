import type { SegmentModel, SegmentModelDiff, SegmentModelMetrics } from '@segflow/api-contracts';
import type { RetrainResult } from './retrain-job';

export type { SegmentModelStatus } from '@segflow/api-contracts';

/** A model version as `GET /api/segment-models/:id` returns it (libs/api-contracts). */
export type SegmentModelDto = Omit<SegmentModel, 'metrics'> & { metrics: StoredMetrics | null };

/** The metrics a retrain stores: libs/scoring's figures with the lead count and sizes (the contract's open shape). */
type StoredMetrics = RetrainResult['metrics'] & SegmentModelMetrics;

/** What approving a candidate would change, stored when it is trained (libs/api-contracts). */
export type SegmentModelDiffDto = SegmentModelDiff;
