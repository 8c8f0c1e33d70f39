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
