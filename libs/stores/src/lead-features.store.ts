import type { FeatureState } from '@segflow/scoring';
import type { Queryable } from './queryable';

// Owner of `lead_features`: one row per lead with events, holding its folded feature state and score. Every write
// handles a whole ingest flush in one statement.

/**
 * Creates the feature rows of leads that have none (their first events) with `emptyState`, before a flush locks any:
 * creating before locking keeps every flush taking its row locks in lead id order.
 * @example await ensureFeatureRows(manager, missingLeadIds, emptyFeatureState());
 */
export async function ensureFeatureRows(
  db: Queryable,
  leadIds: readonly string[],
  emptyState: FeatureState,
): Promise<void> {
  if (!leadIds.length) return;
  await db.query(
    `INSERT INTO lead_features (lead_id, state) SELECT unnest($1::uuid[]), $2::jsonb ON CONFLICT (lead_id) DO NOTHING`,
    [leadIds, JSON.stringify(emptyState)],
  );
}

/** A locked feature row. */
export interface LockedFeatureRow {
  lead_id: string;
  state: FeatureState;
}

/**
 * Locks the leads' feature rows until the caller's transaction ends, in lead id order (no deadlocks between flushes);
 * all of them must exist ({@link ensureFeatureRows}).
 * @example const locked = await lockFeatureRows(manager, leadIds);
 */
export function lockFeatureRows(db: Queryable, leadIds: readonly string[]): Promise<LockedFeatureRow[]> {
  return db.query(
    `SELECT lead_id, state FROM lead_features WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id FOR UPDATE`,
    [leadIds],
  );
}

/** The new feature values of one lead after a flush. */
export interface FeatureUpdateRow {
  lead_id: string;
  state: FeatureState;
  event_count: number;
  last_event_at: string | null;
  converted_at: string | null;
  score: number;
}

/**
 * A statement that runs after the feature update in the same round trip, given the parameter it reads its rows from
 * (`$3`) and that parameter's value.
 */
export interface FollowingStatement {
  sql: (param: string) => string;
  param: unknown;
}

// $1 = the new feature rows, $2 = their lead ids. The planner guesses 100 rows for any jsonb_to_recordset, and below
// some tens of thousands of leads that made it hash-join the whole table: 3.6 ms of seq scan per flush at 5,000 leads.
// `= ANY($2)` gives it the real count, so it fetches the rows by primary key.
const UPDATE_FEATURES_SQL = `
UPDATE lead_features f SET state = x.state, event_count = x.event_count, last_event_at = x.last_event_at,
  converted_at = COALESCE(f.converted_at, x.converted_at), score = x.score, updated_at = now()
FROM jsonb_to_recordset($1::jsonb)
  AS x(lead_id uuid, state jsonb, event_count int, last_event_at timestamptz, converted_at timestamptz, score real)
WHERE f.lead_id = x.lead_id AND f.lead_id = ANY($2::uuid[])`;

/**
 * Writes a flush's feature rows (a first conversion time is kept) in one statement. `then`, when given, runs in the
 * same round trip: ingest sends its `lead_event` outbox rows this way (the outbox's statement trigger would wake the
 * dispatcher for an INSERT of no rows too, so ingest passes it only when there are rows).
 * @example await updateFeatureRows(manager, updates, { sql: outboxInsertSql, param: JSON.stringify(messages) });
 */
export async function updateFeatureRows(
  db: Queryable,
  rows: readonly FeatureUpdateRow[],
  then?: FollowingStatement,
): Promise<void> {
  const params = [JSON.stringify(rows), rows.map((r) => r.lead_id)];
  if (then) await db.query(`WITH updated AS (${UPDATE_FEATURES_SQL})\n${then.sql('$3')}`, [...params, then.param]);
  else await db.query(UPDATE_FEATURES_SQL, params);
}

/** What a lead's page shows of its features. */
export interface LeadFeaturesRow {
  state: FeatureState;
  event_count: number;
  converted_at: Date | null;
}

/**
 * A lead's feature row; undefined before its first event.
 * @example const features = await findFeatures(manager, leadId);
 */
export async function findFeatures(db: Queryable, leadId: string): Promise<LeadFeaturesRow | undefined> {
  const [row] = await db.query(`SELECT state, event_count, converted_at FROM lead_features WHERE lead_id = $1`, [
    leadId,
  ]);
  return row;
}

/** What a lead's current features are computed from: its feature state (null before its first event) and firmographics. */
export interface FeatureInputsRow {
  state: FeatureState | null;
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
}

/**
 * What a lead's current features are computed from; undefined for an unknown lead. Two primary-key lookups: a
 * playbook run reads it each time a branch on features evaluates.
 * @example const inputs = await findFeatureInputs(db, leadId);
 */
export async function findFeatureInputs(db: Queryable, leadId: string): Promise<FeatureInputsRow | undefined> {
  const [row] = await db.query(
    `SELECT f.state, l.industry, l.headcount, l.revenue_band, l.funding_stage
       FROM leads l LEFT JOIN lead_features f ON f.lead_id = l.id WHERE l.id = $1`,
    [leadId],
  );
  return row;
}
