import type { DeliveryRow } from '@segflow/api-contracts';
import type { Queryable } from './queryable';

// Progress of a touch along libs/channels' `queued → sent → delivered → opened → clicked → replied`: a touch's
// status is the furthest it got, so "reached X" is "its status is X or later on that line".
const REACHED = {
  delivered: `('delivered', 'opened', 'clicked', 'replied')`,
  opened: `('opened', 'clicked', 'replied')`,
  clicked: `('clicked', 'replied')`,
  replied: `('replied')`,
};
const STATUSES = ['queued', 'sent', 'delivered', 'opened', 'clicked', 'replied', 'bounced', 'failed', 'suppressed'];

const countWhere = (condition: string) => `count(*) FILTER (WHERE ${condition})`;
const share = (count: string, of: 'sent' | 'attempted') => `CASE WHEN x.${of} > 0 THEN ${count}::float8 / x.${of} END`;

/**
 * Touches per playbook version × channel × node, and per playbook version × channel (`nodeId` null; one
 * GROUPING SETS pass), with counts by delivery status and the delivery rates of {@link DeliveryRates}.
 * Optional filters: `$1` playbook id, `$2` version, `[$3, $4)` on the touch's creation time.
 * `sent` is the send outcome (`touches.status`), so a touch that bounced or failed after the provider took it
 * still counts as sent; `attempted` adds touches refused at send time (failed, suppressed).
 */
const DELIVERY_SQL = `
WITH x AS (
  SELECT r.playbook_id, r.playbook_version, t.channel, t.node_id, count(*)::int AS touches,
         ${countWhere(`t.status = 'sent'`)}::int AS sent, ${countWhere(`t.status <> 'queued'`)}::int AS attempted,
         ${STATUSES.map((s) => `${countWhere(`t.delivery_status = '${s}'`)}::int AS status_${s}`).join(', ')},
         ${Object.entries(REACHED)
           .map(([name, set]) => `${countWhere(`t.delivery_status IN ${set}`)} AS reached_${name}`)
           .join(', ')}
    FROM touches t JOIN runs r ON r.id = t.run_id
   WHERE ($1::uuid IS NULL OR r.playbook_id = $1) AND ($2::int IS NULL OR r.playbook_version = $2)
     AND ($3::timestamptz IS NULL OR t.created_at >= $3) AND ($4::timestamptz IS NULL OR t.created_at < $4)
   GROUP BY GROUPING SETS ((r.playbook_id, r.playbook_version, t.channel, t.node_id), (r.playbook_id, r.playbook_version, t.channel)))
SELECT x.playbook_id AS "playbookId", p.name AS "playbookName", x.playbook_version AS "playbookVersion", x.channel,
       x.node_id AS "nodeId", x.touches, x.sent, x.attempted,
       jsonb_build_object(${STATUSES.map((s) => `'${s}', x.status_${s}`).join(', ')}) AS "byStatus",
       jsonb_build_object(
         ${Object.keys(REACHED)
           .map((name) => `'${name}', ${share(`x.reached_${name}`, 'sent')}`)
           .join(', ')},
         'bounced', ${share('x.status_bounced', 'sent')}, 'failed', ${share('x.status_failed', 'attempted')}, 'suppressed', ${share('x.status_suppressed', 'attempted')}) AS rates
  FROM x JOIN playbooks p ON p.id = x.playbook_id
 ORDER BY p.name, x.playbook_version DESC, x.channel, x.node_id NULLS FIRST`;

/** Delivery figures, optionally of one playbook (and version) and of touches created in `[from, to)`. */
export function deliveryFigures(
  db: Queryable,
  q: { playbookId: string | null; version: number | null; from: Date | null; to: Date | null },
): Promise<DeliveryRow[]> {
  return db.query(DELIVERY_SQL, [q.playbookId, q.version, q.from, q.to]);
}
