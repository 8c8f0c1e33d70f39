import type { Queryable } from './queryable';

/**
 * Owner of `lead_touch_days`: the per-lead daily touch counts behind the cap across runs (`maxTouchesPerDay`).
 * One statement: a key already holding a slot keeps it (a retry); otherwise the day's row is created or incremented
 * while under the cap. The upsert's row lock orders concurrent runs of the lead, and its WHERE re-reads the locked
 * row, so two runs never both take the last slot.
 */
const RESERVE_TOUCH_SLOT_SQL = `
WITH prior AS (SELECT 1 FROM lead_touch_days WHERE lead_id = $1 AND day = $2::date AND $3::text = ANY(keys)),
reserved AS (
  INSERT INTO lead_touch_days AS d (lead_id, day, n, keys)
  SELECT $1, $2::date, 1, ARRAY[$3::text] WHERE NOT EXISTS (SELECT 1 FROM prior)
  ON CONFLICT (lead_id, day) DO UPDATE SET n = d.n + 1, keys = d.keys || $3::text
  WHERE ($4::int IS NULL OR d.n < $4::int) AND NOT $3::text = ANY(d.keys)
  RETURNING 1)
SELECT EXISTS (SELECT 1 FROM prior) OR EXISTS (SELECT 1 FROM reserved) AS reserved`;

/**
 * Takes a slot of the lead's local `day` (`YYYY-MM-DD`) for `key` (a touch's idempotency key) under `cap` (null: no
 * cap); true when the key holds a slot. Fails with a foreign-key violation (23503) when the lead is gone.
 *
 * @example
 * const ok = await takeTouchSlot(rowsOf(pool), { leadId, day: '2026-03-02', key: 'r1:intro:1', cap: 2 });
 */
export async function takeTouchSlot(
  q: Queryable,
  slot: { leadId: string; day: string; key: string; cap: number | null },
): Promise<boolean> {
  const rows: Array<{ reserved: boolean }> = await q.query(RESERVE_TOUCH_SLOT_SQL, [
    slot.leadId,
    slot.day,
    slot.key,
    slot.cap,
  ]);
  return rows[0]!.reserved;
}
