import type { Playbook } from '@segflow/playbook';
import type {
  BindingRequest,
  CreatePlaybookRequest,
  DraftSaved,
  NodeAnalytics,
  PlaybookDetail,
  PlaybookStatus,
  PlaybookSummary,
  PlaybookVersion,
  Published,
  PublishRequest,
  SaveDraftRequest,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export type { NodeAnalytics, PlaybookDetail, PlaybookStatus, PlaybookSummary, PlaybookVersion };

const base = (id: string) => `/api/playbooks/${encodeURIComponent(id)}`;

export const listPlaybooks = () => requestJson<PlaybookSummary[]>('/api/playbooks');

export const createPlaybook = (body: CreatePlaybookRequest) =>
  requestJson<PlaybookDetail>('/api/playbooks', { method: 'POST', body });

export const getPlaybook = (id: string) => requestJson<PlaybookDetail>(base(id));

/** Saves the draft; the API refuses a stale `revision` with 409 `{ message, currentRevision }`. */
export const saveDraft = (id: string, graph: Playbook, revision: number) =>
  requestJson<DraftSaved>(`${base(id)}/draft`, { method: 'PUT', body: { graph, revision } satisfies SaveDraftRequest });

/** Publishes the draft; 422 `{ message, issues }` when the library finds issues. */
export const publishPlaybook = (id: string, note: string) =>
  requestJson<Published>(`${base(id)}/publish`, { method: 'POST', body: { note } satisfies PublishRequest });

export const listVersions = (id: string) => requestJson<PlaybookVersion[]>(`${base(id)}/versions`);

export const getVersion = (id: string, version: number) =>
  requestJson<PlaybookVersion & { graph: Playbook }>(`${base(id)}/versions/${version}`);

export const restoreVersion = (id: string, version: number) =>
  requestJson<DraftSaved>(`${base(id)}/versions/${version}/restore`, { method: 'POST' });

export const bindPlaybook = (id: string, segmentId: string | null, holdoutPercent: number) =>
  requestJson<PlaybookDetail>(`${base(id)}/binding`, {
    method: 'PUT',
    body: { segmentId, holdoutPercent } satisfies BindingRequest,
  });

export const setPlaybookPaused = (id: string, paused: boolean) =>
  requestJson<PlaybookDetail>(`${base(id)}/${paused ? 'pause' : 'resume'}`, { method: 'POST' });

export const getVersionAnalytics = (id: string, version: number) =>
  requestJson<NodeAnalytics[]>(`${base(id)}/versions/${version}/analytics`);
