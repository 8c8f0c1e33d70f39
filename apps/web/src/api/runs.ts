import type { RunDetail, RunSummary, TouchDto } from '@segflow/api-contracts';
import { requestJson } from './http';

export const listRuns = (leadId: string) => requestJson<RunSummary[]>(`/api/runs?leadId=${encodeURIComponent(leadId)}`);

export const getRun = (id: string) => requestJson<RunDetail>(`/api/runs/${encodeURIComponent(id)}`);

export const startRun = (leadId: string, playbookId: string) =>
  requestJson<RunDetail>('/api/runs', { method: 'POST', body: { leadId, playbookId } });

export const listTouches = (leadId: string) =>
  requestJson<TouchDto[]>(`/api/touches?leadId=${encodeURIComponent(leadId)}`);
