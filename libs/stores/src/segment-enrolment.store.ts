import type { Queryable } from './queryable';

/**
 * The current memberships of a segment (lead still in it), oldest entry first: the leads a playbook bound to the
 * segment enrols at once. A read model over `segment_memberships` for the playbook lifecycle.
 *
 * @example
 * const members = await currentSegmentMembers(manager, segmentId);
 */
export function currentSegmentMembers(
  q: Queryable,
  segmentId: string,
): Promise<Array<{ id: string; lead_id: string }>> {
  return q.query(
    `SELECT id, lead_id FROM segment_memberships WHERE segment_id::text = $1 AND left_at IS NULL ORDER BY entered_at, id`,
    [segmentId],
  );
}
