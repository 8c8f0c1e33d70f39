import type {
  BindingRequest,
  CreatePlaybookRequest,
  EnrolMembersResult,
  NodeAnalytics,
  PlaybookDetail,
  PlaybookSummary,
  PlaybookVersion,
  PublishRequest,
  SaveDraftRequest,
} from '@segflow/api-contracts';
import { playbookSchema } from '@segflow/playbook';
import { z } from 'zod';
import type { PlaybookRow, PlaybookStats, PlaybookVersionRow } from '@segflow/stores';
import { acceptsContract } from '../common/accepts-contract';

export const createPlaybookSchema = acceptsContract<CreatePlaybookRequest>()(
  z.object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional() }),
);
export const saveDraftSchema = acceptsContract<SaveDraftRequest>()(
  z.object({ graph: playbookSchema, revision: z.number().int().min(1) }),
);
export const publishSchema = acceptsContract<PublishRequest>()(z.object({ note: z.string().max(2000).optional() }));
export const bindingSchema = acceptsContract<BindingRequest>()(
  z.object({ segmentId: z.string().min(1).max(200).nullable(), holdoutPercent: z.number().int().min(0).max(50) }),
);

export type CreatePlaybookBody = z.infer<typeof createPlaybookSchema>;
export type SaveDraftBody = z.infer<typeof saveDraftSchema>;
export type BindingBody = z.infer<typeof bindingSchema>;

/** What `POST /api/playbooks/:id/enrol-members` did, per lead of the segment (libs/api-contracts). */
export type EnrolMembersDto = EnrolMembersResult;

/** One row of `GET /api/playbooks`. */
export type PlaybookSummaryDto = PlaybookSummary;

/** `GET /api/playbooks/:id`: the summary plus the draft graph and its validation issues. */
export type PlaybookDetailDto = PlaybookDetail;

export function mapPlaybookSummary(playbook: PlaybookRow, stats: PlaybookStats): PlaybookSummaryDto {
  return {
    id: playbook.id,
    name: playbook.name,
    description: playbook.description,
    status: playbook.status,
    segmentId: stats.segmentId,
    holdoutPercent: stats.holdoutPercent,
    draftRevision: playbook.draftRevision,
    publishedVersion: stats.publishedVersion,
    activeRuns: stats.activeRuns,
    convertedRuns: stats.convertedRuns,
    updatedAt: playbook.updatedAt.toISOString(),
    updatedBy: playbook.updatedBy,
  };
}

/** A published version, without (list) or with (detail) its graph. */
export type PlaybookVersionDto = PlaybookVersion;

export function mapVersion(version: PlaybookVersionRow, withGraph: boolean): PlaybookVersionDto {
  const dto: PlaybookVersionDto = {
    version: version.version,
    note: version.note,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy: version.publishedBy,
  };
  return withGraph ? { ...dto, graph: version.graph } : dto;
}

/** Per-node counts of one version's runs. */
export type NodeAnalyticsDto = NodeAnalytics;
