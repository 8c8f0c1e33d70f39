import { resolveRepCalendar, type BusinessCalendar, type RepCalendarSource, type WorkingCalendar } from '@segflow/sla';
import { repCalendarSourcesJoin, type RepCalendarSourcesRow } from '@segflow/stores';

// The join moved to libs/stores; re-exported for the callers that still import it from here.
export { repCalendarSourcesJoin, type RepCalendarSourcesRow };

/** The rep's calendar (libs/sla's rule: rep → team → `fallback`) from a row carrying {@link repCalendarSourcesJoin}'s columns. */
export function resolveRepCalendarOfRow(row: RepCalendarSourcesRow, fallback: BusinessCalendar | null): { calendar: WorkingCalendar; source: RepCalendarSource } | null {
  return resolveRepCalendar({
    rep: row.rep_found
      ? { workingHours: row.working_hours, holidays: row.rep_holidays ?? [], outOfOffice: (row.out_of_office ?? []).map((o) => ({ from: new Date(o.from), to: new Date(o.to) })) }
      : null,
    team: row.team_found ? { calendar: row.team_calendar, holidays: row.team_holidays ?? [] } : null,
    fallback,
  });
}

/**
 * Marks the open business-clock SLA clocks of the leads owned by these reps (or by a team's reps) for a due-time
 * recount at the next SLA check: their owner's calendar changed. Counted by epoch, so an edit during a running
 * check is not lost.
 */
export const MARK_CLOCKS_STALE_SQL = `
UPDATE sla_clocks c SET calendar_epoch = c.calendar_epoch + 1
  FROM leads l
 WHERE l.id = c.lead_id AND c.first_touch_at IS NULL AND c.breached_at IS NULL
   AND (l.owner_id = ANY($1::text[]) OR l.owner_id IN (SELECT r.id FROM reps r WHERE r.team_id = $2))`;
