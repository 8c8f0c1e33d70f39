import type { Queryable } from './queryable';

/** Owner of `owner_assignments`: a route node's decision (rep or failure, with its reason), once per (run, node, visit). */

/** A recorded decision with the chosen rep's name and email (null rep: nobody could be chosen). */
export interface OwnerAssignment {
  rep_id: string | null;
  reason: string;
  name: string | null;
  email: string | null;
}

/** The decision recorded for the run's (node, visit), or null before it is made. */
export async function findOwnerAssignment(
  q: Queryable,
  key: { runId: string; nodeId: string; visit: number },
): Promise<OwnerAssignment | null> {
  const rows: OwnerAssignment[] = await q.query(
    `SELECT a.rep_id, a.reason, r.name, r.email FROM owner_assignments a LEFT JOIN reps r ON r.id = a.rep_id
     WHERE a.run_id = $1 AND a.node_id = $2 AND a.visit = $3`,
    [key.runId, key.nodeId, key.visit],
  );
  return rows[0] ?? null;
}

/**
 * Records the decision of the run's (node, visit).
 *
 * @example
 * await insertOwnerAssignment(rowsOf(client), { runId, nodeId: 'route', visit: 1, leadId, repId: 'rep-1', teamId: 't1', reason: 'round robin' });
 */
export async function insertOwnerAssignment(
  q: Queryable,
  a: {
    runId: string;
    nodeId: string;
    visit: number;
    leadId: string;
    repId: string | null;
    teamId: string | null;
    reason: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO owner_assignments (run_id, node_id, visit, lead_id, rep_id, team_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.runId, a.nodeId, a.visit, a.leadId, a.repId, a.teamId, a.reason],
  );
}
