import type { Queryable } from './queryable';

/** A run an outbox delivery may signal: its workflow id. */
export interface RunTarget {
  temporal_workflow_id: string;
}

/** An active run of a lead and the event types its version hears (`playbook_versions.heard_event_types`). */
export interface ListeningRun extends RunTarget {
  id: string;
  heard_event_types: string[];
}

/** A touch a reply may answer, with its run (of any status) and the event types the run's version hears. */
export interface TouchRun {
  id: string;
  temporal_workflow_id: string | null;
  status: string;
  heard_event_types: string[];
  touch_id: string;
  provider_message_id: string | null;
}

/**
 * The active runs (with a workflow) a segment exit ends: those of the membership left, or of the segment left.
 *
 * @example
 * const runs = await findRunsLeavingSegment(dataSource, { leadId, membershipId, segmentId });
 */
export function findRunsLeavingSegment(
  q: Queryable,
  left: { leadId: string; membershipId: string; segmentId: string },
): Promise<RunTarget[]> {
  return q.query(
    `SELECT temporal_workflow_id FROM runs WHERE lead_id = $1 AND status = 'active' AND temporal_workflow_id IS NOT NULL
       AND (membership_id = $2 OR segment_id = $3)`,
    [left.leadId, left.membershipId, left.segmentId],
  );
}

/**
 * The lead's active runs with a workflow, and the event types each one's version hears.
 *
 * @example
 * const hearing = (await findListeningRuns(dataSource, leadId)).filter((run) => run.heard_event_types.includes('email_open'));
 */
export function findListeningRuns(q: Queryable, leadId: string): Promise<ListeningRun[]> {
  return q.query(
    `SELECT r.id, r.temporal_workflow_id, v.heard_event_types FROM runs r JOIN playbook_versions v ON v.id = r.playbook_version_id
     WHERE r.lead_id = $1 AND r.status = 'active' AND r.temporal_workflow_id IS NOT NULL`,
    [leadId],
  );
}

/**
 * The lead's touches named by id (`touchIds`) or by provider message id (`providerMessageIds`), each with its run.
 *
 * @example
 * const [touch] = await findTouchRuns(dataSource, leadId, { touchIds: [touchId], providerMessageIds: [] });
 */
export function findTouchRuns(
  q: Queryable,
  leadId: string,
  refs: { touchIds: readonly string[]; providerMessageIds: readonly string[] },
): Promise<TouchRun[]> {
  return q.query(
    `SELECT r.id, r.temporal_workflow_id, r.status, v.heard_event_types, t.id AS touch_id, t.provider_message_id
     FROM touches t JOIN runs r ON r.id = t.run_id JOIN playbook_versions v ON v.id = r.playbook_version_id
     WHERE t.lead_id = $1 AND (t.id::text = ANY($2::text[]) OR t.provider_message_id = ANY($3::text[]))`,
    [leadId, refs.touchIds, refs.providerMessageIds],
  );
}
