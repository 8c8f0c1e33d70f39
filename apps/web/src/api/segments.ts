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

/** A segment model (the active one or a retrained candidate). Fields beyond `id`/`status` are optional. */
export interface SegmentModel {
  id: string;
  status?: string;
  createdAt?: string;
  segments?: Segment[];
  metrics?: Record<string, number>;
}

/** How a candidate model differs from the active one. The shape is the segments API's; the page shows it generically. */
export type SegmentModelDiff = Record<string, unknown>;

export const listSegments = () => requestJson<Segment[]>('/api/segments');

export const retrainSegments = () => requestJson<SegmentModel>('/api/segments/retrain', { method: 'POST' });

export const getSegmentModel = (id: string) => requestJson<SegmentModel>(`/api/segment-models/${encodeURIComponent(id)}`);

export const getSegmentModelDiff = (id: string) => requestJson<SegmentModelDiff>(`/api/segment-models/${encodeURIComponent(id)}/diff`);

export const decideSegmentModel = (id: string, decision: 'approve' | 'discard') =>
  requestJson<unknown>(`/api/segment-models/${encodeURIComponent(id)}/${decision}`, { method: 'POST' });
