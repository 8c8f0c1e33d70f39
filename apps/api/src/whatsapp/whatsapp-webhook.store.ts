import type { Queryable } from '@segflow/stores';

/**
 * Marks a touch's delivery failed with Meta's error, unless it already ended (a reply, bounce or failure stays, as
 * libs/channels' `nextTouchStatus` says). Repeating it changes nothing.
 */
export async function markWhatsAppTouchFailed(q: Queryable, touchId: string, error: string, at: string): Promise<void> {
  await q.query(
    `UPDATE touches SET delivery_status = 'failed', delivery_status_at = $3, error = $2
     WHERE id = $1 AND delivery_status NOT IN ('replied', 'bounced', 'failed', 'suppressed')`,
    [touchId, error, at],
  );
}
