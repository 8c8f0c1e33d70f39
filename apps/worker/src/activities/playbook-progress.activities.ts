import { UPSERT_RUN_STEPS_SQL, type RecordProgressInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/**
 * The run's row and its steps in one statement (one round trip, atomic on its own): the write runs inside a
 * workflow task as a local activity, so its round trips are the task's latency. $1 is the run id and $2 its path, as
 * UPSERT_RUN_STEPS_SQL takes them.
 */
const RECORD_PROGRESS_SQL = `
WITH run AS (
  UPDATE runs SET status = $3, exit_reason = $4, current_node_id = $5, path = $2::jsonb, ended_at = $6, updated_at = now()
  WHERE id = $1
)
${UPSERT_RUN_STEPS_SQL}`;

/** Mirrors a run's state into `runs` and `run_steps` (what the API, analytics and SLA dashboards read). */
export function createPlaybookProgressActivities({ pool }: { pool: Pool }) {
  return {
    async recordProgress({ runId, state }: RecordProgressInput): Promise<void> {
      await pool.query(RECORD_PROGRESS_SQL, [runId, JSON.stringify(state.path), state.status, state.reason ?? null, state.currentNodeId, state.endedAt ?? null]);
    },
  };
}
