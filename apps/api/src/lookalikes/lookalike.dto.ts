import {
  MAX_LOOKALIKE_PAGE,
  MAX_LOOKALIKE_SIZE,
  type CreateLookalikeRequest,
  type EnrolLookalikesRequest,
  type LookalikeListDto,
  type LookalikeMembersQuery,
} from '@segflow/api-contracts';
import type { LookalikeListRow } from '@segflow/stores';
import { z } from 'zod';
import { acceptsContract, readsQueryContract } from '../common/accepts-contract';

export const createLookalikeSchema = acceptsContract<CreateLookalikeRequest>()(
  z.object({
    name: z.string().trim().min(1).max(200),
    size: z.number().int().min(1).max(MAX_LOOKALIKE_SIZE),
    segmentId: z.string().uuid().optional(),
    excludeOwnedBy: z.string().trim().min(1).max(200).optional(),
  }),
);
export type CreateLookalikeBody = z.infer<typeof createLookalikeSchema>;

export const lookalikeMembersQuerySchema = readsQueryContract<LookalikeMembersQuery>()(
  z.object({
    offset: z.coerce.number().int().min(0).max(MAX_LOOKALIKE_SIZE).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_LOOKALIKE_PAGE).default(50),
  }),
);
export type LookalikeMembersQueryInput = z.infer<typeof lookalikeMembersQuerySchema>;

export const enrolLookalikesSchema = acceptsContract<EnrolLookalikesRequest>()(
  z.object({ playbookId: z.string().uuid() }),
);
export type EnrolLookalikesBody = z.infer<typeof enrolLookalikesSchema>;

/** A stored list as the API returns it. */
export function mapLookalikeList(row: LookalikeListRow): LookalikeListDto {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    memberCount: row.memberCount,
    segmentId: row.segmentId,
    segmentName: row.segmentName,
    excludeOwnedBy: row.excludeOwnedBy,
    goalEventType: row.goalEventType,
    convertedCount: row.convertedCount,
    candidateCount: row.candidateCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
