/**
 * Owner of `lead_touch_days`: the per-lead daily touch counts behind the cap across runs (`maxTouchesPerDay`).
 * The touches store takes a slot in the statement that writes the touch's send intent, through the CTEs below.
 */

/** Placeholders (`$n`) of a slot: the lead, its local `day` (`YYYY-MM-DD`), the touch's key and the cap (null: none). */
export interface TouchSlotParams {
  leadId: string;
  day: string;
  key: string;
  cap: string;
}

/**
 * CTEs `prior` (the key already holds a slot: a retry) and `reserved` (the day's row created or incremented while
 * under the cap, only when `when` holds), to compose into a statement; the key holds a slot when
 * {@link TOUCH_SLOT_HELD} is true. The upsert's row lock orders concurrent runs of the lead, and its WHERE re-reads
 * the locked row, so two runs never both take the last slot, and a concurrent attempt of the same key finds it held.
 */
export function touchSlotReservation({ leadId, day, key, cap }: TouchSlotParams, when: string): string {
  return `prior AS (SELECT 1 FROM lead_touch_days WHERE lead_id = ${leadId} AND day = ${day}::date AND ${key}::text = ANY(keys)),
reserved AS (
  INSERT INTO lead_touch_days AS d (lead_id, day, n, keys)
  SELECT ${leadId}, ${day}::date, 1, ARRAY[${key}::text] WHERE NOT EXISTS (SELECT 1 FROM prior) AND (${when})
  ON CONFLICT (lead_id, day) DO UPDATE
    SET n = d.n + (NOT ${key}::text = ANY(d.keys))::int,
        keys = CASE WHEN ${key}::text = ANY(d.keys) THEN d.keys ELSE d.keys || ${key}::text END
  WHERE ${key}::text = ANY(d.keys) OR ${cap}::int IS NULL OR d.n < ${cap}::int
  RETURNING 1)`;
}

/** Whether the key holds a slot, after {@link touchSlotReservation}'s CTEs. */
export const TOUCH_SLOT_HELD = `(EXISTS (SELECT 1 FROM prior) OR EXISTS (SELECT 1 FROM reserved))`;
