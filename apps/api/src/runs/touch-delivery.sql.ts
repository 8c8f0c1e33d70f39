// The API's writes of `touches`: the delivery status that events threaded to a touch move forward.

/** Locks the touches $1 that belong to their event's lead ($2, aligned), in id order (no deadlock between flushes). */
export const LOCK_THREADED_TOUCHES_SQL = `
SELECT t.id, t.lead_id, t.delivery_status FROM touches t
JOIN unnest($1::uuid[], $2::uuid[]) AS x(touch_id, lead_id) ON x.touch_id = t.id AND x.lead_id = t.lead_id
ORDER BY t.id FOR UPDATE OF t`;

/** $1 = [{ id, delivery_status, delivery_status_at }]: the touches' new delivery statuses. */
export const UPDATE_DELIVERY_STATUS_SQL = `
UPDATE touches t SET delivery_status = x.delivery_status, delivery_status_at = x.delivery_status_at
FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, delivery_status text, delivery_status_at timestamptz)
WHERE t.id = x.id`;
