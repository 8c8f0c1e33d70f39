import { requestJson } from './http';

/** A learned segment. */
export interface Segment {
  id: string;
  name: string;
  description: string;
  colour: string;
  size: number;
  conversionRate: number | null;
  centroid: Record<string, number>;
  boundPlaybookId?: string | null;
}

/** Lifecycle of a segment model version. */
export type SegmentModelStatus = 'training' | 'candidate' | 'active' | 'retired' | 'discarded' | 'failed';

/** A segment model version (retraining runs in the background: poll until it leaves `training`). */
export interface SegmentModel {
  id: string;
  status: SegmentModelStatus;
  progress?: { phase: string; fraction: number };
  error?: string | null;
  createdAt?: string;
}

/** What approving a candidate would change. */
export interface SegmentModelDiff {
  modelId: string;
  activeModelId: string | null;
  sizes: { segmentId: string; name: string; origin: 'kept' | 'added' | 'retired'; before: number; after: number }[];
  moved: { from: string | null; to: string | null; count: number }[];
  movedLeads: number;
  metrics?: Record<string, unknown>;
}

export const listSegments = () => requestJson<Segment[]>('/api/segments');

export const retrainSegments = () => requestJson<SegmentModel>('/api/segments/retrain', { method: 'POST', body: {} });

export const getSegmentModel = (id: string) => requestJson<SegmentModel>(`/api/segment-models/${encodeURIComponent(id)}`);

export const getSegmentModelDiff = (id: string) => requestJson<SegmentModelDiff>(`/api/segment-models/${encodeURIComponent(id)}/diff`);

export const decideSegmentModel = (id: string, decision: 'approve' | 'discard') =>
  requestJson<unknown>(`/api/segment-models/${encodeURIComponent(id)}/${decision}`, { method: 'POST' });
