import type { Queryable } from '@segflow/stores';

/**
 * Marks the open business-clock SLA clocks of the leads owned by these reps (or by a team's reps) for a due-time
 * recount at the next SLA check: their owner's calendar changed. Counted by epoch, so an edit during a running
 * check is not lost. It writes sla_clocks, whose store (st-runs, issue 21) takes this statement over.
 */
export async function markOwnerClocksStale(db: Queryable, owners: { repIds: string[]; teamId: string | null }): Promise<void> {
  await db.query(
    `
UPDATE sla_clocks c SET calendar_epoch = c.calendar_epoch + 1
  FROM leads l
 WHERE l.id = c.lead_id AND c.first_touch_at IS NULL AND c.breached_at IS NULL
   AND (l.owner_id = ANY($1::text[]) OR l.owner_id IN (SELECT r.id FROM reps r WHERE r.team_id = $2))`,
    [owners.repIds, owners.teamId],
  );
}
