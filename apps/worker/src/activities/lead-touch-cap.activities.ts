import { localDayKey, startOfNextLocalDay } from '@segflow/playbook';
import type { ReserveTouchSlotInput, ReserveTouchSlotResult } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Owner of `lead_touch_days`. One statement: a key already holding a slot keeps it (a retry); otherwise the day's row
 * is created or incremented while under the cap. The upsert's row lock orders concurrent runs of the lead, and its
 * WHERE re-reads the locked row, so two runs never both take the last slot.
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
 * Reserves a slot of the lead's daily cap across runs (`maxTouchesPerDay`) for the touch `key`: `deliverTouch` calls it
 * with its first reads, before it records the send intent.
 */
export async function reserveTouchSlot(pool: Pool, { leadId, key, timeZone, now, cap }: ReserveTouchSlotInput): Promise<ReserveTouchSlotResult> {
  const at = new Date(now);
  try {
    const { rows } = await pool.query<{ reserved: boolean }>(RESERVE_TOUCH_SLOT_SQL, [leadId, localDayKey(at, timeZone), key, cap]);
    if (rows[0]!.reserved) return { kind: 'reserved' };
  } catch (error) {
    // The lead is gone: deliverTouch refuses the touch for good; no slot to keep for it.
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return { kind: 'reserved' };
    throw error;
  }
  return { kind: 'deferred', until: startOfNextLocalDay(at, timeZone).toISOString() };
}
