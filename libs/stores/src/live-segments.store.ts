import type { SegmentRule } from '@segflow/scoring';
import type { Queryable } from './queryable';

// A read model over segments, segment_models, segment_model_centroids, segment_memberships, lead_features and
// segment_bindings: the live segments (the active model's and the rule segments) as the segments page lists them.

/** A live segment with its label, raw centroid (empty for a rule segment), rule and current members. */
export interface LiveSegmentRow {
  id: string;
  kind: 'learned' | 'rule';
  name: string;
  description: string;
  colour: string;
  raw_centroid: number[];
  rule: SegmentRule | null;
  priority: number | null;
  size: number;
  converted: number;
}

/**
 * The active model's segments in position order, then the live rule segments in priority order, each with its open
 * memberships and how many of those leads converted.
 * @example const segments = await listLiveSegments(manager);
 */
export function listLiveSegments(db: Queryable): Promise<LiveSegmentRow[]> {
  return db.query(`
    WITH members AS (
      SELECT m.segment_id, count(*)::int AS size, count(f.converted_at)::int AS converted
      FROM segment_memberships m LEFT JOIN lead_features f ON f.lead_id = m.lead_id
      WHERE m.left_at IS NULL GROUP BY m.segment_id
    ), live AS (
      SELECT s.id, c.raw_centroid, 0 AS sort_group, c.position AS sort_key
      FROM segment_models sm JOIN segment_model_centroids c ON c.model_id = sm.id JOIN segments s ON s.id = c.segment_id
      WHERE sm.status = 'active'
      UNION ALL
      SELECT id, '{}'::float8[], 1, priority FROM segments WHERE kind = 'rule' AND archived_at IS NULL
    )
    SELECT s.id, s.kind, s.name, s.description, s.colour, l.raw_centroid, s.rule, s.priority,
           COALESCE(mb.size, 0) AS size, COALESCE(mb.converted, 0) AS converted
    FROM live l JOIN segments s ON s.id = l.id LEFT JOIN members mb ON mb.segment_id = s.id
    ORDER BY l.sort_group, l.sort_key, s.created_at, s.id`);
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
