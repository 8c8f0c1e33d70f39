/** Name of the workflow started for every new lead; it records the intake through an activity. */
export const LEAD_INTAKE_WORKFLOW = 'leadIntakeWorkflow';

/**
 * Input of {@link LEAD_INTAKE_WORKFLOW}.
 *
 * @example
 * const input: LeadIntakeInput = { leadId: '6f1c…' };
 */
export interface LeadIntakeInput {
  leadId: string;
}

/**
 * Deterministic workflow id for a lead's intake, so a repeated start is refused by Temporal.
 *
 * @example
 * leadIntakeWorkflowId('6f1c') // 'lead-intake-6f1c'
 */
export function leadIntakeWorkflowId(leadId: string): string {
  return `lead-intake-${leadId}`;
}
