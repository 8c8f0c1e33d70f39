import { recordRunProgress, rowsOf } from '@segflow/stores';
import type { RecordProgressInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/** Mirrors a run's state into `runs` and `run_steps` (what the API, analytics and SLA dashboards read). */
export function createPlaybookProgressActivities({ pool }: { pool: Pool }) {
  return {
    async recordProgress({ runId, state }: RecordProgressInput): Promise<void> {
      await recordRunProgress(rowsOf(pool), runId, state);
    },
  };
}
