import type { Playbook, PlaybookIssue } from '@segflow/playbook';
import type { PlaybookStatus, PlaybookSummary } from '@segflow/api-contracts';
import { requestJson } from './http';

export type { PlaybookStatus, PlaybookSummary };

/** Lifecycle of a playbook. */


/** A playbook with its draft graph. */
export interface PlaybookDetail extends PlaybookSummary {
  draft: Playbook;
  issues: PlaybookIssue[];
}

/** A published version (graph only when fetched on its own). */
export interface PlaybookVersion {
  version: number;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
  graph?: Playbook;
}

/** Per-node counts of one version's runs. */
export interface NodeAnalytics {
  nodeId: string;
  reached: number;
  waiting: number;
  exited: number;
  converted: number;
}

const base = (id: string) => `/api/playbooks/${encodeURIComponent(id)}`;

export const listPlaybooks = () => requestJson<PlaybookSummary[]>('/api/playbooks');

export const createPlaybook = (body: { name: string; description?: string }) =>
  requestJson<PlaybookDetail>('/api/playbooks', { method: 'POST', body });

export const getPlaybook = (id: string) => requestJson<PlaybookDetail>(base(id));

/** Saves the draft; the API refuses a stale `revision` with 409 `{ message, currentRevision }`. */
export const saveDraft = (id: string, graph: Playbook, revision: number) =>
  requestJson<{ revision: number; issues: PlaybookIssue[] }>(`${base(id)}/draft`, { method: 'PUT', body: { graph, revision } });

/** Publishes the draft; 422 `{ message, issues }` when the library finds issues. */
export const publishPlaybook = (id: string, note: string) =>
  requestJson<{ version: number; publishedAt: string }>(`${base(id)}/publish`, { method: 'POST', body: { note } });

export const listVersions = (id: string) => requestJson<PlaybookVersion[]>(`${base(id)}/versions`);

export const getVersion = (id: string, version: number) => requestJson<PlaybookVersion & { graph: Playbook }>(`${base(id)}/versions/${version}`);

export const restoreVersion = (id: string, version: number) =>
  requestJson<{ revision?: number; draftRevision?: number }>(`${base(id)}/versions/${version}/restore`, { method: 'POST' });

export const bindPlaybook = (id: string, segmentId: string | null, holdoutPercent: number) =>
  requestJson<unknown>(`${base(id)}/binding`, { method: 'PUT', body: { segmentId, holdoutPercent } });

export const setPlaybookPaused = (id: string, paused: boolean) =>
  requestJson<unknown>(`${base(id)}/${paused ? 'pause' : 'resume'}`, { method: 'POST' });

export const getVersionAnalytics = (id: string, version: number) => requestJson<NodeAnalytics[]>(`${base(id)}/versions/${version}/analytics`);
