import type { Queryable } from './queryable';

// A read model over segments, segment_models, segment_model_centroids, segment_memberships, lead_features and
// segment_bindings: the live segments (those of the active model) as the segments page lists them.

/** A live segment with its label, raw centroid and current members. */
export interface LiveSegmentRow {
  id: string;
  name: string;
  description: string;
  colour: string;
  raw_centroid: number[];
  size: number;
  converted: number;
}

/**
 * The active model's segments in position order, each with its open memberships and how many of those leads converted.
 * @example const segments = await listLiveSegments(manager);
 */
export function listLiveSegments(db: Queryable): Promise<LiveSegmentRow[]> {
  return db.query(`
    WITH members AS (
      SELECT m.segment_id, count(*)::int AS size, count(f.converted_at)::int AS converted
      FROM segment_memberships m LEFT JOIN lead_features f ON f.lead_id = m.lead_id
      WHERE m.left_at IS NULL GROUP BY m.segment_id
    )
    SELECT s.id, s.name, s.description, s.colour, c.raw_centroid, COALESCE(mb.size, 0) AS size, COALESCE(mb.converted, 0) AS converted
    FROM segment_models sm
    JOIN segment_model_centroids c ON c.model_id = sm.id
    JOIN segments s ON s.id = c.segment_id
    LEFT JOIN members mb ON mb.segment_id = s.id
    WHERE sm.status = 'active'
    ORDER BY c.position`);
}

/**
 * The playbook bound to each segment that has one, by segment id.
 * @example const bound = await listBoundPlaybooks(manager); bound.get(segmentId)
 */
export async function listBoundPlaybooks(db: Queryable): Promise<Map<string, string>> {
  const rows: { segment_id: string; playbook_id: string }[] = await db.query(
    `SELECT segment_id, playbook_id FROM segment_bindings`,
  );
  return new Map(rows.map((r) => [r.segment_id, r.playbook_id]));
}
