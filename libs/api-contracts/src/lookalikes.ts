// Lookalike lists: non-customers ranked by similarity to converted leads (libs/scoring lookalikeSimilarity), saved
// so ops can enrol them into a playbook.

/** The most members one list may hold (`size`): enrolling a list starts a run per member in one request. */
export const MAX_LOOKALIKE_SIZE = 1000;

/** Fewer converted leads than this and no list is computed (422): a handful of customers is not a pattern. */
export const MIN_CONVERTED_FOR_LOOKALIKES = 10;

/** The most members `GET /api/lookalikes/:id` returns per page. */
export const MAX_LOOKALIKE_PAGE = 200;

/** Body of `POST /api/lookalikes`. */
export interface CreateLookalikeRequest {
  name: string;
  /** How many candidates to keep, 1..{@link MAX_LOOKALIKE_SIZE}. */
  size: number;
  /** Only leads currently in this segment are candidates. */
  segmentId?: string;
  /** Leads owned by this rep (their id) are not candidates. */
  excludeOwnedBy?: string;
}

/** A saved list as `GET /api/lookalikes` returns it. */
export interface LookalikeListDto {
  id: string;
  name: string;
  /** The size asked for; `memberCount` can be lower when fewer candidates were found. */
  size: number;
  memberCount: number;
  segmentId: string | null;
  segmentName: string | null;
  excludeOwnedBy: string | null;
  /** The event type that made a lead a converted customer (PROPENSITY_GOAL_EVENT). */
  goalEventType: string;
  /** Converted leads the candidates were compared against, and candidates scored. */
  convertedCount: number;
  candidateCount: number;
  createdBy: string | null;
  createdAt: string;
}

/** One ranked member; erased leads are never listed. */
export interface LookalikeMemberDto {
  rank: number;
  /** Similarity in (0, 1]: 1 is a twin of a converted lead. */
  score: number;
  leadId: string;
  name: string | null;
  company: string | null;
  segmentId: string | null;
  segmentName: string | null;
}

/** `GET /api/lookalikes/:id`: the list and a page of its members by rank. */
export interface LookalikeListDetailDto extends LookalikeListDto {
  members: LookalikeMemberDto[];
  /** Members listed in all pages (erased leads left out). */
  total: number;
}

/** Query of `GET /api/lookalikes/:id`. */
export interface LookalikeMembersQuery {
  offset?: number;
  limit?: number;
}

/** Body of `POST /api/lookalikes/:id/enrol`. */
export interface EnrolLookalikesRequest {
  playbookId: string;
}

/**
 * Why a member was not enrolled: `suppressed` — opted out of, or suppressed on, every channel the playbook sends on;
 * `already-running` — an active run of the playbook; `erased` — erased (or deleted) since the list was made.
 */
export type LookalikeSkipReason = 'suppressed' | 'already-running' | 'erased';

/** Result of `POST /api/lookalikes/:id/enrol`. */
export interface EnrolLookalikesResultDto {
  members: number;
  enrolled: number;
  skipped: Record<LookalikeSkipReason, number>;
  /** Each skipped member, by rank. */
  skippedLeads: { leadId: string; rank: number; reason: LookalikeSkipReason }[];
}
