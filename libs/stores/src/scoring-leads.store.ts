import type { FeatureState } from '@segflow/scoring';
import type { Queryable } from './queryable';

// A read model over leads and lead_features: every lead's firmographics and feature state, which model activation
// scores against the candidate.
//
// Scoring every lead happens before the exclusive model lock; under it only the leads written since are re-scored.
// Which ones: the pre-scoring read runs in one REPEATABLE READ snapshot S and remembers S's xmin, the oldest
// transaction id still running when S was taken. A leads / lead_features row whose xmin (the transaction that wrote
// it) is not older than that is re-scored. That covers every write S could not see — ones committed after S,
// including transactions that started (and stamped updated_at = now()) before S — plus a few S did see; it needs no
// clock, so neither timestamp precision nor clock skew matters. xids are 32-bit and wrap, so the comparison is made
// with age() (distance to the current xid) rather than `>=`. A frozen row has age INT_MAX and counts as old.

/** A lead as scoring reads it; `state` is null before its first event. */
export interface ScoringLeadRow {
  id: string;
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
  country: string | null;
  city: string | null;
  /** Custom attribute values (rule segments' conditions read them). */
  attributes: Record<string, string | number>;
  state: FeatureState | null;
}

const LEADS_SQL = `SELECT l.id, l.industry, l.headcount, l.revenue_band, l.funding_stage, l.country, l.city, l.attributes, f.state FROM leads l LEFT JOIN lead_features f ON f.lead_id = l.id`;

/**
 * The xmin of the caller's snapshot (a REPEATABLE READ transaction's), for {@link listScoringLeadsWrittenSince}.
 * @example const xmin = await readSnapshotXmin(manager);
 */
export async function readSnapshotXmin(db: Queryable): Promise<string> {
  const [row] = await db.query(
    `SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text AS xmin`,
  );
  return row.xmin;
}

/**
 * Every lead, or only these leads, in lead id order (memberships and outbox rows are then written in a stable order).
 * @example const leads = await listScoringLeads(manager);
 */
export function listScoringLeads(db: Queryable, leadIds: readonly string[] | 'all' = 'all'): Promise<ScoringLeadRow[]> {
  if (leadIds === 'all') return db.query(`${LEADS_SQL} ORDER BY l.id`);
  return db.query(`${LEADS_SQL} WHERE l.id = ANY($1::uuid[]) ORDER BY l.id`, [leadIds]);
}

/**
 * The leads whose row or feature row was written by a transaction not older than `snapshotXmin`. Ids first, by two
 * narrow scans, so only the few leads written since are joined to their features.
 * @example const changed = await listScoringLeadsWrittenSince(manager, xmin);
 */
export function listScoringLeadsWrittenSince(db: Queryable, snapshotXmin: string): Promise<ScoringLeadRow[]> {
  return db.query(
    `${LEADS_SQL}
     WHERE l.id IN (SELECT id FROM leads WHERE age(xmin) <= age($1::xid)
                    UNION ALL SELECT lead_id FROM lead_features WHERE age(xmin) <= age($1::xid))`,
    [snapshotXmin],
  );
}
