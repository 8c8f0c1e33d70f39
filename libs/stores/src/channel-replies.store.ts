import type { ChannelReplyCounts } from '@segflow/scoring';
import type { Queryable } from './queryable';

/** A segment's playbook × channel: sent touches and how many were replied to (libs/scoring ChannelReplyCounts). */
export type SegmentChannelRepliesRow = ChannelReplyCounts & { segmentId: string };

/**
 * Sent touches created in `[$1, $2)` of runs started by a segment, per segment (optionally only `$3`), playbook and
 * channel; a touch counts as replied when a reply was threaded to it (delivery status `replied`).
 */
const CHANNEL_REPLIES_SQL = `
SELECT r.segment_id AS "segmentId", r.playbook_id AS "playbookId", p.name AS "playbookName", t.channel,
       count(*)::int AS touches, count(*) FILTER (WHERE t.delivery_status = 'replied')::int AS replies
  FROM touches t JOIN runs r ON r.id = t.run_id JOIN playbooks p ON p.id = r.playbook_id
 WHERE t.created_at >= $1 AND t.created_at < $2 AND t.status = 'sent' AND r.segment_id IS NOT NULL
   AND ($3::text IS NULL OR r.segment_id = $3)
 GROUP BY r.segment_id, r.playbook_id, p.name, t.channel
 ORDER BY r.segment_id, touches DESC`;

/**
 * Reply counts per segment, playbook and channel of the touches sent in `[from, to)`.
 * @example const rows = await channelRepliesBySegment(manager, { from, to, segmentId: null });
 */
export function channelRepliesBySegment(
  db: Queryable,
  q: { from: Date; to: Date; segmentId: string | null },
): Promise<SegmentChannelRepliesRow[]> {
  return db.query(CHANNEL_REPLIES_SQL, [q.from, q.to, q.segmentId]);
}
