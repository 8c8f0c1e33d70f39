import type { PlaybookSummary } from '@segflow/api-contracts';
import { playbookSchema, type PlaybookIssue } from '@segflow/playbook';
import { z } from 'zod';
import type { PlaybookRow, PlaybookStats, PlaybookVersionRow } from '@segflow/stores';

export const createPlaybookSchema = z.object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional() });
export const saveDraftSchema = z.object({ graph: playbookSchema, revision: z.number().int().min(1) });
export const publishSchema = z.object({ note: z.string().max(2000).optional() });
export const bindingSchema = z.object({ segmentId: z.string().min(1).max(200).nullable(), holdoutPercent: z.number().int().min(0).max(50) });

export type CreatePlaybookBody = z.infer<typeof createPlaybookSchema>;
export type SaveDraftBody = z.infer<typeof saveDraftSchema>;
export type BindingBody = z.infer<typeof bindingSchema>;

/** What `POST /api/playbooks/:id/enrol-members` did, per lead of the segment. */
export interface EnrolMembersDto {
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

/** One row of `GET /api/playbooks`. */
export type PlaybookSummaryDto = PlaybookSummary;

/** `GET /api/playbooks/:id`: the summary plus the draft graph and its validation issues. */
export interface PlaybookDetailDto extends PlaybookSummaryDto {
  draft: unknown;
  issues: PlaybookIssue[];
}

export function mapPlaybookSummary(playbook: PlaybookRow, stats: PlaybookStats): PlaybookSummaryDto {
  return {
    id: playbook.id, name: playbook.name, description: playbook.description, status: playbook.status,
    segmentId: stats.segmentId, holdoutPercent: stats.holdoutPercent, draftRevision: playbook.draftRevision,
    publishedVersion: stats.publishedVersion, activeRuns: stats.activeRuns, convertedRuns: stats.convertedRuns,
    updatedAt: playbook.updatedAt.toISOString(), updatedBy: playbook.updatedBy,
  };
}

/** A published version, without (list) or with (detail) its graph. */
export interface PlaybookVersionDto {
  version: number;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
  graph?: unknown;
}

export function mapVersion(version: PlaybookVersionRow, withGraph: boolean): PlaybookVersionDto {
  const dto: PlaybookVersionDto = { version: version.version, note: version.note, publishedAt: version.publishedAt.toISOString(), publishedBy: version.publishedBy };
  return withGraph ? { ...dto, graph: version.graph } : dto;
}

/** Per-node counts of one version's runs. */
export interface NodeAnalyticsDto {
  nodeId: string;
  reached: number;
  waiting: number;
  exited: number;
  converted: number;
}
