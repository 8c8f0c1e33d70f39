import type { Holiday, WeeklyHours } from '@segflow/sla';
import type { Queryable } from './queryable';

/** The routing view of a rep user: `id` is the user's id as text (tasks.assignee_id, leads.owner_id). */
export interface RepRow {
  id: string;
  userId: string | null;
  name: string;
  email: string | null;
  teamId: string;
  active: boolean;
  capacity: number | null;
}

/** One rep, or undefined. */
export async function findRep(db: Queryable, id: string): Promise<RepRow | undefined> {
  const [rep]: RepRow[] = await db.query(
    `SELECT id, user_id AS "userId", name, email, team_id AS "teamId", active, capacity FROM reps WHERE id = $1`,
    [id],
  );
  return rep;
}

/** Creates the rep or replaces its routing fields; its own working hours and holidays stay. */
export async function upsertRep(db: Queryable, rep: RepRow): Promise<void> {
  await db.query(
    `INSERT INTO reps (id, user_id, name, email, team_id, active, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, name = EXCLUDED.name, email = EXCLUDED.email,
       team_id = EXCLUDED.team_id, active = EXCLUDED.active, capacity = EXCLUDED.capacity`,
    [rep.id, rep.userId, rep.name, rep.email, rep.teamId, rep.active, rep.capacity],
  );
}

/** Routing stops picking the rep. */
export async function deactivateRep(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE reps SET active = false WHERE id = $1`, [id]);
}

/** Replaces the rep's own weekly hours (`null`: the team's calendar applies) and days off. */
export async function setRepCalendar(
  db: Queryable,
  id: string,
  calendar: { workingHours: WeeklyHours | null; holidays: Holiday[] },
): Promise<void> {
  await db.query(`UPDATE reps SET working_hours = $2, holidays = $3 WHERE id = $1`, [
    id,
    calendar.workingHours && JSON.stringify(calendar.workingHours),
    JSON.stringify(calendar.holidays),
  ]);
}
