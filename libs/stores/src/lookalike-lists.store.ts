import type { LookalikeMemberDto } from '@segflow/api-contracts';
import type { Channel } from '@segflow/playbook';
import type { Queryable } from './queryable';
import { returnedRows } from './returned-rows';
import { suppressedChannelsOf } from './suppressions.store';

// Owner of `lookalike_lists` and `lookalike_members`. Member reads join leads (name, company, erasure), the open
// membership's segment, suppressions and runs; an erased lead's member row stays but is never listed.

/** A new list, for {@link insertLookalikeList}. */
export interface NewLookalikeList {
  name: string;
  size: number;
  segmentId: string | null;
  excludeOwnedBy: string | null;
  goalEventType: string;
  convertedCount: number;
  candidateCount: number;
  createdBy: string | null;
}

/** A saved list with its listed (not erased) member count and its segment's name. */
export interface LookalikeListRow extends NewLookalikeList {
  id: string;
  segmentName: string | null;
  memberCount: number;
  createdAt: Date;
}

/** A ranked member, for {@link insertLookalikeList}. */
export interface LookalikeMemberInput {
  leadId: string;
  rank: number;
  score: number;
}

const LIST_SELECT = `
  SELECT x.id, x.name, x.size, x.segment_id AS "segmentId", s.name AS "segmentName",
         x.exclude_owned_by AS "excludeOwnedBy", x.goal_event_type AS "goalEventType",
         x.converted_count AS "convertedCount", x.candidate_count AS "candidateCount",
         x.created_by AS "createdBy", x.created_at AS "createdAt",
         (SELECT count(*)::int FROM lookalike_members m JOIN leads l ON l.id = m.lead_id
          WHERE m.list_id = x.id AND l.erased_at IS NULL) AS "memberCount"
  FROM lookalike_lists x LEFT JOIN segments s ON s.id = x.segment_id`;

/**
 * Saves a list and its ranked members in the caller's transaction; returns the list's id.
 * @example const id = await insertLookalikeList(manager, list, members);
 */
export async function insertLookalikeList(
  db: Queryable,
  list: NewLookalikeList,
  members: readonly LookalikeMemberInput[],
): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO lookalike_lists (name, size, segment_id, exclude_owned_by, goal_event_type, converted_count,
                                  candidate_count, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      list.name,
      list.size,
      list.segmentId,
      list.excludeOwnedBy,
      list.goalEventType,
      list.convertedCount,
      list.candidateCount,
      list.createdBy,
    ],
  );
  const id = row!.id;
  if (members.length)
    await db.query(
      `INSERT INTO lookalike_members (list_id, lead_id, rank, score)
       SELECT $1, lead_id, rank, score FROM unnest($2::uuid[], $3::int[], $4::float8[]) AS t(lead_id, rank, score)`,
      [id, members.map((m) => m.leadId), members.map((m) => m.rank), members.map((m) => m.score)],
    );
  return id;
}

/**
 * Every saved list, newest first.
 * @example const lists = await listLookalikeLists(manager);
 */
export function listLookalikeLists(db: Queryable): Promise<LookalikeListRow[]> {
  return db.query(`${LIST_SELECT} ORDER BY x.created_at DESC, x.id DESC`);
}

/**
 * One list, or null.
 * @example const list = await findLookalikeList(manager, id);
 */
export async function findLookalikeList(db: Queryable, id: string): Promise<LookalikeListRow | null> {
  const rows: LookalikeListRow[] = await db.query(`${LIST_SELECT} WHERE x.id = $1`, [id]);
  return rows[0] ?? null;
}

/**
 * Deletes a list with its members; false when there was none.
 * @example const deleted = await deleteLookalikeList(manager, id);
 */
export async function deleteLookalikeList(db: Queryable, id: string): Promise<boolean> {
  return returnedRows(await db.query(`DELETE FROM lookalike_lists WHERE id = $1 RETURNING id`, [id])).length > 0;
}

/**
 * A page of a list's members by rank (erased leads left out), and how many are listed in all.
 * @example const { members, total } = await listLookalikeMembers(manager, id, { offset: 0, limit: 50 });
 */
export async function listLookalikeMembers(
  db: Queryable,
  listId: string,
  page: { offset: number; limit: number },
): Promise<{ members: LookalikeMemberDto[]; total: number }> {
  const rows: (LookalikeMemberDto & { total: number })[] = await db.query(
    `SELECT m.rank, m.score, m.lead_id AS "leadId", l.name, l.company, sm.segment_id AS "segmentId",
            s.name AS "segmentName", count(*) OVER ()::int AS total
     FROM lookalike_members m JOIN leads l ON l.id = m.lead_id
     LEFT JOIN segment_memberships sm ON sm.lead_id = l.id AND sm.left_at IS NULL
     LEFT JOIN segments s ON s.id = sm.segment_id
     WHERE m.list_id = $1 AND l.erased_at IS NULL
     ORDER BY m.rank OFFSET $2 LIMIT $3`,
    [listId, page.offset, page.limit],
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countListedMembers(db, listId) : 0);
  return { members: rows.map(({ total: _total, ...member }) => member), total };
}

// A page past the end has no row to carry the window count.
async function countListedMembers(db: Queryable, listId: string): Promise<number> {
  const [row]: { total: number }[] = await db.query(
    `SELECT count(*)::int AS total FROM lookalike_members m JOIN leads l ON l.id = m.lead_id
     WHERE m.list_id = $1 AND l.erased_at IS NULL`,
    [listId],
  );
  return row?.total ?? 0;
}

/** A member as an enrolment judges it. */
export interface LookalikeEnrolmentTarget {
  leadId: string;
  rank: number;
  erased: boolean;
  consent: Partial<Record<Channel, boolean>>;
  suppressedChannels: Channel[];
  /** The lead has an active run of the playbook. */
  running: boolean;
}

/**
 * Every member of the list by rank (erased ones flagged), with consent, suppressed channels and whether it already
 * has an active run of `playbookId` (runs_one_active_idx).
 * @example const targets = await listLookalikeEnrolmentTargets(manager, listId, playbookId);
 */
export function listLookalikeEnrolmentTargets(
  db: Queryable,
  listId: string,
  playbookId: string,
): Promise<LookalikeEnrolmentTarget[]> {
  return db.query(
    `SELECT m.lead_id AS "leadId", m.rank, l.erased_at IS NOT NULL AS erased, l.consent,
            ${suppressedChannelsOf('l')} AS "suppressedChannels",
            EXISTS (SELECT 1 FROM runs r WHERE r.lead_id = l.id AND r.playbook_id = $2 AND r.status = 'active') AS running
     FROM lookalike_members m JOIN leads l ON l.id = m.lead_id
     WHERE m.list_id = $1 ORDER BY m.rank`,
    [listId, playbookId],
  );
}
