import type {
  ApplyNextBestActionRequest,
  RetrainRequest,
  RetrainScheduleStatus,
  RuleSegmentChange,
  RuleSegmentInput,
  RuleSegmentPatch,
  RuleSegmentPreview,
  RuleSegmentPreviewRequest,
  Segment,
  SegmentBacktest,
  SegmentModel,
  SegmentModelDiff,
  SegmentNextBestAction,
} from '@segflow/api-contracts';
import type { SegmentRule } from '@segflow/scoring';
import { requestJson } from './http';

export const listSegments = () => requestJson<Segment[]>('/api/segments');

export const retrainSegments = () =>
  requestJson<SegmentModel>('/api/segments/retrain', { method: 'POST', body: {} satisfies RetrainRequest });

export const listSegmentModels = () => requestJson<SegmentModel[]>('/api/segment-models');

export const getSegmentModel = (id: string) =>
  requestJson<SegmentModel>(`/api/segment-models/${encodeURIComponent(id)}`);

export const getSegmentModelDiff = (id: string) =>
  requestJson<SegmentModelDiff>(`/api/segment-models/${encodeURIComponent(id)}/diff`);

export const decideSegmentModel = (id: string, decision: 'approve' | 'discard') =>
  requestJson<SegmentModel>(`/api/segment-models/${encodeURIComponent(id)}/${decision}`, { method: 'POST' });

export const getRetrainSchedule = () => requestJson<RetrainScheduleStatus>('/api/segment-models/schedule');

export const runRetrainScheduleNow = () =>
  requestJson<RetrainScheduleStatus>('/api/segment-models/schedule/trigger', { method: 'POST' });

export const getSegmentBacktest = (segmentId: string, playbookId: string) =>
  requestJson<SegmentBacktest>(
    `/api/segments/${encodeURIComponent(segmentId)}/backtest?playbookId=${encodeURIComponent(playbookId)}`,
  );

export const listNextBestActions = () => requestJson<SegmentNextBestAction[]>('/api/segments/next-best-actions');

export const applyNextBestAction = (segmentId: string, body: ApplyNextBestActionRequest) =>
  requestJson<SegmentNextBestAction>(`/api/segments/${encodeURIComponent(segmentId)}/next-best-action/apply`, {
    method: 'POST',
    body,
  });

export const previewRuleSegment = (rule: SegmentRule) =>
  requestJson<RuleSegmentPreview>('/api/segments/rules/preview', {
    method: 'POST',
    body: { rule } satisfies RuleSegmentPreviewRequest,
  });

export const createRuleSegment = (input: RuleSegmentInput) =>
  requestJson<RuleSegmentChange>('/api/segments/rules', { method: 'POST', body: input });

export const updateRuleSegment = (id: string, patch: RuleSegmentPatch) =>
  requestJson<RuleSegmentChange>(`/api/segments/rules/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });

export const deleteRuleSegment = (id: string) =>
  requestJson<{ moved: number }>(`/api/segments/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
