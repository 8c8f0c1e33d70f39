import type { Queryable } from './queryable';

/** Owner of `routing_cursors`: each team's round-robin position. */

/**
 * Locks the cursors for the caller's transaction, so two routing decisions never read the same position.
 *
 * @example
 * await lockRoutingCursors(rowsOf(client));
 */
export async function lockRoutingCursors(q: Queryable): Promise<void> {
  await q.query('LOCK TABLE routing_cursors IN EXCLUSIVE MODE');
}

/** Every team's round-robin position, by team id. */
export async function routingCursors(q: Queryable): Promise<Record<string, number>> {
  const rows: Array<{ team_id: string; position: number }> = await q.query(
    'SELECT team_id, position FROM routing_cursors',
  );
  return Object.fromEntries(rows.map((c) => [c.team_id, c.position]));
}

/** Moves the team's round-robin cursor to `position`. */
export async function setRoutingCursor(q: Queryable, teamId: string, position: number): Promise<void> {
  await q.query(
    'INSERT INTO routing_cursors (team_id, position) VALUES ($1, $2) ON CONFLICT (team_id) DO UPDATE SET position = EXCLUDED.position',
    [teamId, position],
  );
}
