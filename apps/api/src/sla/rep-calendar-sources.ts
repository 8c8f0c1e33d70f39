import { resolveRepCalendar, type BusinessCalendar, type Holiday, type RepCalendarSource, type WeeklyHours, type WorkingCalendar } from '@segflow/sla';

/** The columns {@link repCalendarSourcesJoin} adds to a row. */
export interface RepCalendarSourcesRow {
  rep_found: boolean | null;
  working_hours: WeeklyHours | null;
  rep_holidays: Holiday[] | null;
  team_found: boolean | null;
  team_calendar: BusinessCalendar | null;
  team_holidays: Holiday[] | null;
  out_of_office: { from: string; to: string }[] | null;
}

/**
 * A LEFT JOIN LATERAL adding one rep's calendar sources (own hours and holidays, team calendar and holidays,
 * out-of-office periods ending after `awayAfter`) as {@link RepCalendarSourcesRow} columns.
 * `repId` and `awayAfter` are SQL expressions of the outer query; its own tables are aliased `rc_*` so an outer
 * alias such as `r` cannot capture them.
 */
export const repCalendarSourcesJoin = (repId: string, awayAfter: string): string => `
  LEFT JOIN LATERAL (
    SELECT true AS rep_found, rc_rep.working_hours, rc_rep.holidays AS rep_holidays, rc_team.id IS NOT NULL AS team_found,
           rc_team.calendar AS team_calendar, rc_team.holidays AS team_holidays,
           COALESCE((SELECT json_agg(json_build_object('from', rc_ooo.starts_at, 'to', rc_ooo.ends_at) ORDER BY rc_ooo.starts_at)
                       FROM out_of_office rc_ooo WHERE rc_ooo.rep_id = rc_rep.id AND rc_ooo.ends_at > ${awayAfter}), '[]') AS out_of_office
      FROM reps rc_rep LEFT JOIN teams rc_team ON rc_team.id = rc_rep.team_id WHERE rc_rep.id = ${repId}
  ) rc ON true`;

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
