import type { SegmentRule } from '@segflow/scoring';
import type { Queryable } from './queryable';

// A read model over segment_models, segments, segment_memberships, runs, segment_bindings and playbook_versions: what an ingest
// flush needs to decide memberships and outbox rows, in one round trip after it locked its leads' feature rows.

/** What {@link readIngestContext} returns. */
export interface IngestContextRow {
  active_model_id: string | null;
  open_memberships: { lead_id: string; membership_id: string; segment_id: string; by_rule: boolean }[];
  leads_with_active_runs: string[];
  bound_segment_ids: string[];
  heard_event_types: string[];
  /** The live rule segments in priority order (segments.store `listRuleSegments`'s order). */
  rule_segments: { segment_id: string; rule: SegmentRule }[];
}

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
 *   only the types its own version hears;
 * - the live rule segments, which take precedence over the model's (see apps/api/src/segments/README.md).
 * @example const context = await readIngestContext(manager, leadIds);
 */
export async function readIngestContext(db: Queryable, leadIds: readonly string[]): Promise<IngestContextRow> {
  const [row] = await db.query(
    `SELECT (SELECT id FROM segment_models WHERE status = 'active') AS active_model_id,
            COALESCE((SELECT json_agg(json_build_object('lead_id', m.lead_id, 'membership_id', m.id, 'segment_id', m.segment_id, 'by_rule', s.kind = 'rule'))
                      FROM segment_memberships m JOIN segments s ON s.id = m.segment_id
                      WHERE m.lead_id = ANY($1::uuid[]) AND m.left_at IS NULL), '[]') AS open_memberships,
            ARRAY(SELECT DISTINCT lead_id FROM runs WHERE lead_id = ANY($1::uuid[]) AND status = 'active')::text[] AS leads_with_active_runs,
            ARRAY(SELECT segment_id FROM segment_bindings)::text[] AS bound_segment_ids,
            ARRAY(SELECT DISTINCT unnest(heard_event_types) FROM playbook_versions
                  WHERE playbook_id IN (SELECT playbook_id FROM segment_bindings)
                     OR id IN (SELECT playbook_version_id FROM runs WHERE lead_id = ANY($1::uuid[]) AND status = 'active'))::text[] AS heard_event_types,
            COALESCE((SELECT json_agg(json_build_object('segment_id', id, 'rule', rule) ORDER BY priority, created_at, id)
                      FROM segments WHERE kind = 'rule' AND archived_at IS NULL), '[]') AS rule_segments`,
    [leadIds],
  );
  return row;
}
