import type { TeamSummary } from '@segflow/api-contracts';
import type { BusinessCalendar, Holiday } from '@segflow/sla';
import type { Queryable } from './queryable';

/** A team of reps: its manager, working hours (a rep's own win) and the days off every member inherits. */
export interface TeamRow {
  id: string;
  name: string;
  managerId: string | null;
  calendar: BusinessCalendar | null;
  holidays: Holiday[];
}

/** A team with its reps, by name: what `GET /api/teams` answers. */
export type TeamWithMembers = TeamSummary;

const COLUMNS = `id, name, manager_id AS "managerId", calendar, holidays`;

/** One team, or undefined. */
export async function findTeam(db: Queryable, id: string): Promise<TeamRow | undefined> {
  const [team]: TeamRow[] = await db.query(`SELECT ${COLUMNS} FROM teams WHERE id = $1`, [id]);
  return team;
}

/** Inserts a team without holidays; undefined when the id is taken. */
export async function insertTeam(db: Queryable, team: Omit<TeamRow, 'holidays'>): Promise<TeamRow | undefined> {
  const [row]: TeamRow[] = await db.query(
    `INSERT INTO teams (id, name, manager_id, calendar) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
    [team.id, team.name, team.managerId, team.calendar && JSON.stringify(team.calendar)],
  );
  return row;
}

/** Changes the given fields (an explicit `null` clears a manager or calendar); false when there is no such team. */
export async function updateTeam(
  db: Queryable,
  id: string,
  changes: Partial<Pick<TeamRow, 'name' | 'managerId' | 'calendar'>>,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `WITH changed AS (
       UPDATE teams SET name = COALESCE($2, name),
                        manager_id = CASE WHEN $3 THEN $4::uuid ELSE manager_id END,
                        calendar = CASE WHEN $5 THEN $6::jsonb ELSE calendar END
        WHERE id = $1 RETURNING id)
     SELECT id FROM changed`,
    [
      id,
      changes.name ?? null,
      changes.managerId !== undefined,
      changes.managerId ?? null,
      changes.calendar !== undefined,
      changes.calendar ? JSON.stringify(changes.calendar) : null,
    ],
  );
  return rows.length > 0;
}

/** Replaces the days off every member of the team inherits. */
export async function setTeamHolidays(db: Queryable, id: string, holidays: Holiday[]): Promise<void> {
  await db.query(`UPDATE teams SET holidays = $2 WHERE id = $1`, [id, JSON.stringify(holidays)]);
}

/** Teams with their members, one query. */
export function listTeamsWithMembers(db: Queryable): Promise<TeamWithMembers[]> {
  return db.query(`
      SELECT t.id, t.name, t.manager_id AS "managerId", t.calendar, t.holidays,
             COALESCE(json_agg(json_build_object('id', r.id, 'name', r.name, 'role', 'rep', 'active', r.active)
                      ORDER BY r.name) FILTER (WHERE r.id IS NOT NULL), '[]') AS members
        FROM teams t LEFT JOIN reps r ON r.team_id = t.id
       GROUP BY t.id ORDER BY t.name`);
}
