import { localDayKey, startOfNextLocalDay } from '@segflow/playbook';
import { rowsOf, takeTouchSlot } from '@segflow/stores';
import type { ReserveTouchSlotInput, ReserveTouchSlotResult } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

const FOREIGN_KEY_VIOLATION = '23503';

/** The per-lead daily cap across runs (`maxTouchesPerDay`), reserved before a touch goes out. */
export function createLeadTouchCapActivities({ pool }: { pool: Pool }) {
  return {
    async reserveTouchSlot({ leadId, key, timeZone, now, cap }: ReserveTouchSlotInput): Promise<ReserveTouchSlotResult> {
      const at = new Date(now);
      try {
        if (await takeTouchSlot(rowsOf(pool), { leadId, day: localDayKey(at, timeZone), key, cap })) return { kind: 'reserved' };
      } catch (error) {
        // The lead is gone: deliverTouch refuses the touch for good; no slot to keep for it.
        if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return { kind: 'reserved' };
        throw error;
      }
      return { kind: 'deferred', until: startOfNextLocalDay(at, timeZone).toISOString() };
    },
  };
}
