import { proxyActivities } from '@temporalio/workflow';
import type { LeadIntakeInput } from '@segflow/workflow-contracts';
import type { Activities } from '../activities';

const { recordLeadIntake } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10 },
});

/** The thinnest durable step for a new lead: one activity that records the intake in Postgres. */
export async function leadIntakeWorkflow(input: LeadIntakeInput): Promise<void> {
  await recordLeadIntake({ leadId: input.leadId });
}
