import type { PathEntry } from '@segflow/playbook';
import { requestJson } from './http';

/** A run of a playbook for one lead. */
export interface Run {
  id: string;
  leadId: string;
  playbookId: string;
  playbookVersion: number;
  status: string;
  currentNodeId: string | null;
  startedAt: string;
  endedAt?: string | null;
  exitReason?: string | null;
  temporalWorkflowId: string | null;
  path?: PathEntry[];
  touches?: Touch[];
  tasks?: Task[];
}

/** A touch a run sent. */
export interface Touch {
  id: string;
  runId: string;
  nodeId: string;
  channel: string;
  subject: string | null;
  body: string;
  status: string;
  createdAt: string;
}

/** A rep task a run created. */
export interface Task {
  id: string;
  runId: string | null;
  nodeId: string | null;
  taskType: string;
  title: string;
  status: string;
  dueAt: string;
  createdAt?: string;
}

export const listRuns = (leadId: string) => requestJson<Run[]>(`/api/runs?leadId=${encodeURIComponent(leadId)}`);

export const getRun = (id: string) => requestJson<Run>(`/api/runs/${encodeURIComponent(id)}`);

export const startRun = (leadId: string, playbookId: string) => requestJson<Run>('/api/runs', { method: 'POST', body: { leadId, playbookId } });

export const listTouches = (leadId: string) => requestJson<Touch[]>(`/api/touches?leadId=${encodeURIComponent(leadId)}`);

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
