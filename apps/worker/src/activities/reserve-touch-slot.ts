import { localDayKey, startOfNextLocalDay } from '@segflow/playbook';
import { takeTouchSlot, type Queryable } from '@segflow/stores';
import type { ReserveTouchSlotInput, ReserveTouchSlotResult } from '@segflow/workflow-contracts';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Reserves a slot of the lead's daily cap across runs (`maxTouchesPerDay`) for the touch `key`: `deliverTouch` calls it
 * with its first reads, before it records the send intent.
 */
export async function reserveTouchSlot(
  db: Queryable,
  { leadId, key, timeZone, now, cap }: ReserveTouchSlotInput,
): Promise<ReserveTouchSlotResult> {
  const at = new Date(now);
  try {
    if (await takeTouchSlot(db, { leadId, day: localDayKey(at, timeZone), key, cap })) return { kind: 'reserved' };
  } catch (error) {
    // The lead is gone: deliverTouch refuses the touch for good; no slot to keep for it.
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return { kind: 'reserved' };
    throw error;
  }
  return { kind: 'deferred', until: startOfNextLocalDay(at, timeZone).toISOString() };
}
