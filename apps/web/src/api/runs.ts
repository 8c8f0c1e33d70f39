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

/** Base URL of the Temporal Web UI (the dev server serves it on 8233). */
export const TEMPORAL_UI_URL: string = import.meta.env.VITE_TEMPORAL_UI_URL ?? 'http://localhost:8233';

/**
 * Link to a run's workflow in the Temporal Web UI.
 *
 * @example
 * temporalWorkflowUrl('run-abc'); // 'http://localhost:8233/namespaces/default/workflows/run-abc'
 */
export function temporalWorkflowUrl(workflowId: string, namespace = 'default'): string {
  return `${TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}
