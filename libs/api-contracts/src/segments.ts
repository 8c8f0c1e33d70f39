/** A live segment as `GET /api/segments` returns it. */
export interface Segment {
  id: string;
  name: string;
  description: string;
  colour: string;
  /** Leads currently in the segment. */
  size: number;
  /** Share of current members who have purchased (0 when empty). */
  conversionRate: number;
  /** Centroid in feature units (see libs/scoring FEATURES.md), keyed by feature name. */
  centroid: Record<string, number>;
  /** The playbook bound to this segment, if any. */
  boundPlaybookId?: string;
}

/** Lifecycle of a segment model version (retraining runs in the background: poll until it leaves `training`). */
export type SegmentModelStatus = 'training' | 'candidate' | 'active' | 'retired' | 'discarded' | 'failed';

/** Quality figures of a trained model (k, inertia, silhouette, … as libs/scoring reports them), with its lead count and sizes. */
export type SegmentModelMetrics = { leadCount: number; sizes: Record<string, number> } & Record<string, unknown>;

/** A model version as `GET /api/segment-models/:id` returns it. */
export interface SegmentModel {
  id: string;
  status: SegmentModelStatus;
  params: { k?: number; kRange?: [number, number]; seed: number };
  progress: { phase: string; fraction: number };
  metrics: SegmentModelMetrics | null;
  segments: { id: string; name: string; size: number; description: string; centroid: Record<string, number> }[];
  error: string | null;
  createdAt: string;
  trainedAt: string | null;
  activatedAt: string | null;
}

/** What approving a candidate would change (`GET /api/segment-models/:id/diff`). */
export interface SegmentModelDiff {
  modelId: string;
  activeModelId: string | null;
  /** Per segment of either model: members now and after approval. */
  sizes: { segmentId: string; name: string; origin: 'kept' | 'added' | 'retired'; before: number; after: number }[];
  /** Leads moving from → to (null = no segment); unchanged cells included, largest first. */
  moved: { from: string | null; to: string | null; count: number }[];
  movedLeads: number;
  metrics: { candidate: SegmentModelMetrics | null; active: SegmentModelMetrics | null };
}

/** Body of `POST /api/segments/retrain`: k, or a kRange to pick k from, and an optional seed. */
export interface RetrainRequest {
  k?: number;
  kRange?: [number, number];
  seed?: number;
}
