import type { BusinessCalendar, Holiday, WeeklyHours } from '@segflow/sla';
import type { Queryable } from './queryable';

/** A rep as a routing decision reads it: load (open tasks), calendar sources and out-of-office periods. */
export interface RoutingRepRow {
  id: string;
  name: string;
  email: string | null;
  team_id: string;
  active: boolean;
  capacity: number | null;
  working_hours: WeeklyHours | null;
  holidays: Holiday[];
  team_calendar: BusinessCalendar | null;
  team_holidays: Holiday[] | null;
  open_tasks: string;
  out_of_office: { from: string; to: string }[];
}

/**
 * Every rep with their team's calendar, open-task count and the out-of-office periods not ended at `now`
 * (a read model over `reps`, `teams`, `tasks` and `out_of_office` for the route node).
 *
 * @example
 * const reps = await routingReps(rowsOf(client), new Date());
 */
export function routingReps(q: Queryable, now: Date): Promise<RoutingRepRow[]> {
  return q.query(
    `SELECT r.id, r.name, r.email, r.team_id, r.active, r.capacity, r.working_hours, r.holidays,
            t.calendar AS team_calendar, t.holidays AS team_holidays,
            (SELECT count(*) FROM tasks k WHERE k.assignee_id = r.id AND k.status = 'open') AS open_tasks,
            COALESCE((SELECT json_agg(json_build_object('from', o.starts_at, 'to', o.ends_at)) FROM out_of_office o
                       WHERE o.rep_id = r.id AND o.ends_at > $1), '[]') AS out_of_office
     FROM reps r LEFT JOIN teams t ON t.id = r.team_id ORDER BY r.id`,
    [now],
  );
}

/** Every team's name, by team id (routing reasons name the team). */
export async function teamNames(q: Queryable): Promise<Record<string, string>> {
  const rows: Array<{ id: string; name: string }> = await q.query('SELECT id, name FROM teams');
  return Object.fromEntries(rows.map((t) => [t.id, t.name]));
}
