import type { RetrainResult } from './retrain-job';

/** Lifecycle of a model version. */
export type SegmentModelStatus = 'training' | 'candidate' | 'active' | 'retired' | 'discarded' | 'failed';

/** A model version as `GET /api/segment-models/:id` returns it. */
export interface SegmentModelDto {
  id: string;
  status: SegmentModelStatus;
  params: { k?: number; kRange?: [number, number]; seed: number };
  progress: { phase: string; fraction: number };
  metrics: (RetrainResult['metrics'] & { leadCount: number; sizes: Record<string, number> }) | null;
  segments: { id: string; name: string; size: number; description: string; centroid: Record<string, number> }[];
  error: string | null;
  createdAt: string;
  trainedAt: string | null;
  activatedAt: string | null;
}

/** What approving a candidate would change, stored when it is trained. */
export interface SegmentModelDiffDto {
  modelId: string;
  activeModelId: string | null;
  /** Per segment of either model: members now and after approval. */
  sizes: { segmentId: string; name: string; origin: 'kept' | 'added' | 'retired'; before: number; after: number }[];
  /** Leads moving from → to (null = no segment); unchanged cells included, largest first. */
  moved: { from: string | null; to: string | null; count: number }[];
  movedLeads: number;
  metrics: { candidate: SegmentModelDto['metrics']; active: SegmentModelDto['metrics'] };
}
