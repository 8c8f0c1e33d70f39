import { Context } from '@temporalio/activity';
import { recordLeadIntake, rowsOf } from '@segflow/stores';
import type { Pool } from 'pg';

export function createLeadIntakeActivities({ pool }: { pool: Pool }) {
  return {
    /** Records that the lead went through intake; idempotent, so a retried activity writes one row. */
    async recordLeadIntake({ leadId }: { leadId: string }): Promise<void> {
      const workflowId = Context.current().info.workflowExecution?.workflowId ?? 'unknown';
      await recordLeadIntake(rowsOf(pool), leadId, workflowId);
    },
  };
}
