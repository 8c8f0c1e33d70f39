import type { Playbook, PlaybookIssue } from '@segflow/playbook';

/** Lifecycle of a playbook: `draft` until first published, then `active` or `paused`. */
export type PlaybookStatus = 'draft' | 'active' | 'paused';

/**
 * One row of `GET /api/playbooks`: what the API sends and the web app reads (one definition for both).
 *
 * @example
 * const row: PlaybookSummary = { id, name: 'Hot inbound', description: '', status: 'active', segmentId, holdoutPercent: 10,
 *   draftRevision: 4, publishedVersion: 2, activeRuns: 12, convertedRuns: 3, updatedAt: '2026-11-26T10:00:00Z', updatedBy: null };
 */
export interface PlaybookSummary {
  id: string;
  name: string;
  description: string;
  status: PlaybookStatus;
  segmentId: string | null;
  holdoutPercent: number;
  draftRevision: number;
  publishedVersion: number | null;
  activeRuns: number;
  convertedRuns: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** `GET /api/playbooks/:id`: the summary plus the draft graph and its validation issues. */
export interface PlaybookDetail extends PlaybookSummary {
  draft: Playbook;
  issues: PlaybookIssue[];
}

/** A published version: without its graph in `GET /api/playbooks/:id/versions`, with it from `…/versions/:version`. */
export interface PlaybookVersion {
  version: number;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
  graph?: Playbook;
}

/** Per-node counts of one version's runs (`GET /api/playbooks/:id/versions/:version/analytics`). */
export interface NodeAnalytics {
  nodeId: string;
  reached: number;
  waiting: number;
  exited: number;
  converted: number;
}

/** Body of `POST /api/playbooks`. */
export interface CreatePlaybookRequest {
  name: string;
  description?: string;
}

/** Body of `PUT /api/playbooks/:id/draft`; a stale `revision` is refused with 409 `{ message, currentRevision }`. */
export interface SaveDraftRequest {
  graph: Playbook;
  revision: number;
}

/** The new draft revision and the draft's issues (save and restore answer this). */
export interface DraftSaved {
  revision: number;
  issues: PlaybookIssue[];
}

/** Body of `POST /api/playbooks/:id/publish`; 422 `{ message, issues }` while the draft has issues. */
export interface PublishRequest {
  note?: string;
}

/** A version just published. */
export interface Published {
  version: number;
  publishedAt: string;
}

/** Body of `PUT /api/playbooks/:id/binding`: a segment (or null to unbind) and a holdout of 0–50 %. */
export interface BindingRequest {
  segmentId: string | null;
  holdoutPercent: number;
}

/** What `POST /api/playbooks/:id/enrol-members` did, per lead of the segment. */
export interface EnrolMembersResult {
  /** Leads in the bound segment now. */
  members: number;
  started: number;
  /** Put in the holdout group: a `heldOut` run, no workflow. */
  heldOut: number;
  /** Already had a run for this membership (enrolled before, or the outbox got there first). */
  existing: number;
  /** Refused, e.g. an active run of this playbook from a manual enrolment, or the re-entry policy. */
  refused: number;
}
