import type { RecordProgressInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/** Mirrors a run's state into `runs` and `run_steps` (what the API, analytics and SLA dashboards read). */
export function createPlaybookProgressActivities({ pool }: { pool: Pool }) {
  return {
    async recordProgress({ runId, state }: RecordProgressInput): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `UPDATE runs SET status = $2, exit_reason = $3, current_node_id = $4, path = $5, ended_at = $6, updated_at = now()
           WHERE id = $1`,
          [runId, state.status, state.reason ?? null, state.currentNodeId, JSON.stringify(state.path), state.endedAt ?? null],
        );
        await client.query(
          `INSERT INTO run_steps (run_id, node_id, visit, entered_at, outcome, note, left_at)
           SELECT $1, s."nodeId", s.visit, s."enteredAt", s.outcome, s.note, s."leftAt"
           FROM jsonb_to_recordset($2::jsonb) AS s("nodeId" text, visit int, "enteredAt" timestamptz, outcome text, note text, "leftAt" timestamptz)
           ON CONFLICT (run_id, node_id, visit) DO UPDATE SET outcome = EXCLUDED.outcome, note = EXCLUDED.note, left_at = EXCLUDED.left_at`,
          [runId, JSON.stringify(state.path)],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
