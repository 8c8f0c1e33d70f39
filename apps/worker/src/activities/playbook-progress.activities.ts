import { UPSERT_RUN_STEPS_SQL, type RecordProgressInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/** Mirrors a run's state into `runs` and `run_steps` (what the API, analytics and SLA dashboards read). */
export function createPlaybookProgressActivities({ pool }: { pool: Pool }) {
  return {
    async recordProgress({ runId, state }: RecordProgressInput): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Never backwards: a local activity runs again when its workflow task is retried (the worker died or was too
        // slow), so a state older than the stored one can arrive after it. Ended runs stay ended and a path only grows;
        // without this a stale 'active' revived an exited run beside the lead's next one (runs_one_active_idx).
        const { rowCount } = await client.query(
          `UPDATE runs SET status = $2, exit_reason = $3, current_node_id = $4, path = $5, ended_at = $6, updated_at = now()
           WHERE id = $1 AND status = 'active' AND jsonb_array_length(path) <= jsonb_array_length($5::jsonb)`,
          [runId, state.status, state.reason ?? null, state.currentNodeId, JSON.stringify(state.path), state.endedAt ?? null],
        );
        if (rowCount) await client.query(UPSERT_RUN_STEPS_SQL, [runId, JSON.stringify(state.path)]);
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
