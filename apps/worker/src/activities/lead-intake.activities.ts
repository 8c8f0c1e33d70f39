import { Context } from '@temporalio/activity';
import type { Pool } from 'pg';

export function createLeadIntakeActivities({ pool }: { pool: Pool }) {
  return {
    /** Records that the lead went through intake; idempotent, so a retried activity writes one row. */
    async recordLeadIntake({ leadId }: { leadId: string }): Promise<void> {
      const workflowId = Context.current().info.workflowExecution?.workflowId ?? 'unknown';
      await pool.query(
        'INSERT INTO lead_intakes (lead_id, workflow_id) VALUES ($1, $2) ON CONFLICT (lead_id) DO NOTHING',
        [leadId, workflowId],
      );
    },
  };
}
