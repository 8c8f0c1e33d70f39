import type { FollowingStatement } from './lead-features.store';
import type { Queryable } from './queryable';

// Owner of `segment_memberships`: which segment a lead is in, and since when. Ingest, model activation and rule
// segment re-evaluation (rule changes, the window sweep, lead upserts) are the only writers; each change is set-based (a fixed number of statements for any number of leads).

/** A lead's open membership; `by_rule` when its segment is a rule segment. */
export interface OpenMembershipRow {
  lead_id: string;
  membership_id: string;
  segment_id: string;
  by_rule: boolean;
}

/**
 * Every open membership (at most one per lead), or those of these leads. Activation reads them all under the
 * exclusive model lock (ingest waits on it); a lead upsert reads its leads' after locking their feature rows, as ingest
 * does.
 * @example const open = await listOpenMemberships(manager);
 */
export function listOpenMemberships(
  db: Queryable,
  leadIds: readonly string[] | 'all' = 'all',
): Promise<OpenMembershipRow[]> {
  const sql = `SELECT m.lead_id, m.id AS membership_id, m.segment_id, s.kind = 'rule' AS by_rule
     FROM segment_memberships m JOIN segments s ON s.id = m.segment_id WHERE m.left_at IS NULL`;
  return leadIds === 'all' ? db.query(sql) : db.query(`${sql} AND m.lead_id = ANY($1::uuid[])`, [leadIds]);
}

/**
 * Closes these memberships at `at`. Its own statement: the memberships opened next would collide with still-open rows
 * in the one-open-membership index (the parts of one statement run in no set order).
 * @example await closeMemberships(manager, [membershipId], now.toISOString(), 'event');
 */
export async function closeMemberships(
  db: Queryable,
  membershipIds: readonly string[],
  at: string,
  reason: string,
): Promise<void> {
  if (!membershipIds.length) return;
  await db.query(`UPDATE segment_memberships SET left_at = $2, leave_reason = $3 WHERE id = ANY($1::uuid[])`, [
    membershipIds,
    at,
    reason,
  ]);
}

/** A membership to open; the caller picks its id (outbox messages name it). */
export interface MembershipOpening {
  membershipId: string;
  leadId: string;
  segmentId: string;
  /** The model that put the lead there; null for a rule segment. */
  modelId: string | null;
  triggerEventId: string | null;
}

/**
 * Opens memberships at one time and reason in one statement; `then` (e.g. their outbox rows, from `$8`) runs in the
 * same round trip.
 * @example await openMemberships(manager, openings, { at, reason: 'event' }, { sql: outboxInsertSql, param: messages });
 */
export async function openMemberships(
  db: Queryable,
  openings: readonly MembershipOpening[],
  context: { at: string; reason: string },
  then: FollowingStatement,
): Promise<void> {
  await db.query(
    `WITH opened AS (
       INSERT INTO segment_memberships (id, lead_id, segment_id, model_id, entered_at, enter_reason, trigger_event_id)
       SELECT id, lead_id, segment_id, model_id, $5, $6, trigger
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $7::text[]) AS x(id, lead_id, segment_id, model_id, trigger))
     ${then.sql('$8')}`,
    [
      openings.map((o) => o.membershipId),
      openings.map((o) => o.leadId),
      openings.map((o) => o.segmentId),
      openings.map((o) => o.modelId),
      context.at,
      context.reason,
      openings.map((o) => o.triggerEventId),
      then.param,
    ],
  );
}

/** One membership of a lead's history, with its segment's label. */
export interface LeadMembershipRow {
  id: string;
  segment_id: string;
  name: string;
  colour: string;
  entered_at: Date;
  left_at: Date | null;
  enter_reason: string;
  leave_reason: string | null;
  trigger_event_id: string | null;
}

/**
 * A lead's memberships, newest first (the open one before those that ended at the same time).
 * @example const history = await listMembershipsOfLead(manager, leadId);
 */
export function listMembershipsOfLead(db: Queryable, leadId: string): Promise<LeadMembershipRow[]> {
  return db.query(
    `SELECT m.*, s.name, s.colour FROM segment_memberships m JOIN segments s ON s.id = m.segment_id
     WHERE m.lead_id = $1 ORDER BY m.entered_at DESC, m.left_at DESC NULLS FIRST`,
    [leadId],
  );
}
