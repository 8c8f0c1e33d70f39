import {
  queryString,
  type RunDetail,
  type RunListQuery,
  type RunSummary,
  type TouchDto,
  type TouchListQuery,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export const listRuns = (leadId: string) =>
  requestJson<RunSummary[]>(`/api/runs${queryString<RunListQuery>({ leadId })}`);

export const getRun = (id: string) => requestJson<RunDetail>(`/api/runs/${encodeURIComponent(id)}`);

export const startRun = (leadId: string, playbookId: string) =>
  requestJson<RunDetail>('/api/runs', { method: 'POST', body: { leadId, playbookId } });

export const listTouches = (leadId: string) =>
  requestJson<TouchDto[]>(`/api/touches${queryString<TouchListQuery>({ leadId })}`);
