import type { Queryable } from './queryable';

// Owner of `lead_intakes`: one row per lead that went through the intake workflow.

/**
 * Records that the lead went through intake; idempotent, so a retried activity writes one row.
 * @example await recordLeadIntake(rowsOf(pool), leadId, 'lead-intake-…');
 */
export async function recordLeadIntake(db: Queryable, leadId: string, workflowId: string): Promise<void> {
  await db.query('INSERT INTO lead_intakes (lead_id, workflow_id) VALUES ($1, $2) ON CONFLICT (lead_id) DO NOTHING', [
    leadId,
    workflowId,
  ]);
}
