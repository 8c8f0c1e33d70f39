import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { LEAD_INTAKE_WORKFLOW, LeadIntakeInput, leadIntakeWorkflowId } from '@segflow/workflow-contracts';
import { TemporalClient } from '../temporal/temporal.module';

/** Starts a new lead's intake workflow; safe to repeat (the workflow id is the lead's). */
@Injectable()
export class LeadIntakeStarter {
  constructor(private readonly temporal: TemporalClient) {}

  /** Starts it; with `timeoutMs`, fails after that instead of the client's retries of an unreachable server. */
  async start(leadId: string, timeoutMs?: number): Promise<void> {
    const input: LeadIntakeInput = { leadId };
    const start = () =>
      this.temporal.workflow.start(LEAD_INTAKE_WORKFLOW, {
        args: [input],
        taskQueue: this.temporal.defaultTaskQueue,
        workflowId: leadIntakeWorkflowId(leadId),
      });
    try {
      await (timeoutMs === undefined ? start() : this.temporal.withTimeout(timeoutMs, start));
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
