import { insertOutboxSql } from '../segments/membership-writer';

// Every statement handles a whole flush: set-based SQL, no statement per event. Rows travel as one jsonb document
// (jsonb_to_recordset): measured ~1.6x faster than unnest over a jsonb[] parameter, whose array literal is costly.

/** Stores new events; a known event_id is skipped and missing from RETURNING, which is how duplicates show. */
export const INSERT_EVENTS_SQL = `
INSERT INTO events (event_id, lead_id, type, occurred_at, data)
SELECT x.event_id, x.lead_id, x.type, x.occurred_at, x.data
FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, lead_id uuid, type text, occurred_at timestamptz, data jsonb)
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id`;

/** Locks every touched lead's feature row (id order: no deadlocks between flushes). All of them exist by then. */
export const LOCK_FEATURES_SQL = `
SELECT lead_id, state FROM lead_features WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id FOR UPDATE`;

/** Creates the feature rows of leads that had none (their first events), before the flush locks any. */
export const ENSURE_FEATURES_SQL = `
INSERT INTO lead_features (lead_id, state) SELECT unnest($1::uuid[]), $2::jsonb ON CONFLICT (lead_id) DO NOTHING`;

/**
 * What the decision needs besides the features, in one round trip after the lock:
 * - the active model's id (read after the shared model lock, so never a model being replaced);
 * - the open memberships. A separate statement from the lock on purpose: under READ COMMITTED it sees memberships
 *   committed by the flush that held the lock before us; joined into the locking SELECT, they would come from that
 *   statement's older snapshot;
 * - which leads a playbook run may be listening to: those with an active run, and those whose segment (current or
 *   about to be entered) has a bound playbook, whose run the dispatcher may not have started yet. Events of the
 *   other leads get no `lead_event` outbox row: nobody would hear it, and most events are of such leads;
 * - which event types those runs may hear: those of their versions and of every version of a bound playbook
 *   (`playbook_versions.heard_event_types`). Other events get no row either; the dispatcher then gives each run
 *   only the types its own version hears.
 */
export const AFTER_LOCK_SQL = `
SELECT (SELECT id FROM segment_models WHERE status = 'active') AS active_model_id,
       COALESCE((SELECT json_agg(json_build_object('lead_id', lead_id, 'membership_id', id, 'segment_id', segment_id))
                 FROM segment_memberships WHERE lead_id = ANY($1::uuid[]) AND left_at IS NULL), '[]') AS open_memberships,
       ARRAY(SELECT DISTINCT lead_id FROM runs WHERE lead_id = ANY($1::uuid[]) AND status = 'active')::text[] AS leads_with_active_runs,
       ARRAY(SELECT segment_id FROM segment_bindings)::text[] AS bound_segment_ids,
       ARRAY(SELECT DISTINCT unnest(heard_event_types) FROM playbook_versions
             WHERE playbook_id IN (SELECT playbook_id FROM segment_bindings)
                OR id IN (SELECT playbook_version_id FROM runs WHERE lead_id = ANY($1::uuid[]) AND status = 'active'))::text[] AS heard_event_types`;

/**
 * $1 = the new feature rows, $2 = their lead ids. The planner guesses 100 rows for any jsonb_to_recordset, and below
 * some tens of thousands of leads that made it hash-join the whole table: 3.6 ms of seq scan per flush at 5,000 leads.
 * `= ANY($2)` gives it the real count, so it fetches the rows by primary key.
 */
export const UPDATE_FEATURES_SQL = `
UPDATE lead_features f SET state = x.state, event_count = x.event_count, last_event_at = x.last_event_at,
  converted_at = COALESCE(f.converted_at, x.converted_at), score = x.score, updated_at = now()
FROM jsonb_to_recordset($1::jsonb)
  AS x(lead_id uuid, state jsonb, event_count int, last_event_at timestamptz, converted_at timestamptz, score real)
WHERE f.lead_id = x.lead_id AND f.lead_id = ANY($2::uuid[])`;

/**
 * The feature update and the flush's `lead_event` outbox rows in one round trip. Only used when there are such
 * rows: the outbox's statement trigger would wake the dispatcher for an INSERT of no rows too.
 */
export const UPDATE_FEATURES_AND_OUTBOX_SQL = `
WITH updated AS (${UPDATE_FEATURES_SQL})
${insertOutboxSql('$3')}`;
