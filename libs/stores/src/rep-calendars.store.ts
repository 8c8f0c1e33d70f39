import {
  resolveRepCalendar,
  type BusinessCalendar,
  type Holiday,
  type RepCalendarSource,
  type WeeklyHours,
  type WorkingCalendar,
} from '@segflow/sla';
import type { Queryable } from './queryable';

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
 * out-of-office periods ending after `awayAfter`) as {@link RepCalendarSourcesRow} columns, for the read models
 * that resolve an owner's calendar (SLA monitor). `repId` and `awayAfter` are SQL expressions of the outer query,
 * never request text; its own tables are aliased `rc_*` so an outer alias such as `r` cannot capture them.
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
export function resolveRepCalendarOfRow(
  row: RepCalendarSourcesRow,
  fallback: BusinessCalendar | null,
): { calendar: WorkingCalendar; source: RepCalendarSource } | null {
  return resolveRepCalendar({
    rep: row.rep_found
      ? {
          workingHours: row.working_hours,
          holidays: row.rep_holidays ?? [],
          outOfOffice: (row.out_of_office ?? []).map((o) => ({ from: new Date(o.from), to: new Date(o.to) })),
        }
      : null,
    team: row.team_found ? { calendar: row.team_calendar, holidays: row.team_holidays ?? [] } : null,
    fallback,
  });
}

/** A rep's team and calendar sources (out-of-office periods ending after `awayAfter`), or undefined for no such rep. */
export async function findRepCalendarSources(
  db: Queryable,
  repId: string,
  awayAfter: Date,
): Promise<(RepCalendarSourcesRow & { team_id: string }) | undefined> {
  const [row]: (RepCalendarSourcesRow & { team_id: string })[] = await db.query(
    `SELECT r.team_id, rc.* FROM reps r ${repCalendarSourcesJoin('r.id', '$2')} WHERE r.id = $1`,
    [repId, awayAfter],
  );
  return row;
}
