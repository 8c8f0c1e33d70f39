import { recordRunState, recordSteps, rowsOf } from '@segflow/stores';
import type { RecordProgressInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/** Mirrors a run's state into `runs` and `run_steps` (what the API, analytics and SLA dashboards read). */
export function createPlaybookProgressActivities({ pool }: { pool: Pool }) {
  return {
    async recordProgress({ runId, state }: RecordProgressInput): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await recordRunState(rowsOf(client), runId, state);
        await recordSteps(rowsOf(client), runId, state.path);
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
