import { UPSERT_RUN_STEPS_SQL, type RecordProgressInput } from '@segflow/workflow-contracts';
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
        await client.query(UPSERT_RUN_STEPS_SQL, [runId, JSON.stringify(state.path)]);
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
