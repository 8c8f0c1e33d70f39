import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  exitSignal,
  leadEventsSignal,
  pauseSignal,
  resumeSignal,
  taskCompletedSignal,
  type ExitSignalPayload,
  type LeadEventsSignalPayload,
  type TaskCompletedSignalPayload,
} from '@segflow/workflow-contracts';
import { TemporalClient } from '../temporal/temporal.module';

/** A signal for a run's workflow. */
export type RunSignal =
  | { kind: 'exit'; payload: ExitSignalPayload }
  | { kind: 'leadEvents'; payload: LeadEventsSignalPayload }
  | { kind: 'taskCompleted'; payload: TaskCompletedSignalPayload }
  | { kind: 'pause' }
  | { kind: 'resume' };

/** Sends signals to run workflows. A workflow that already ended is not an error: the run is over. */
@Injectable()
export class RunSignalsService {
  private readonly logger = new Logger(RunSignalsService.name);

  constructor(private readonly temporal: TemporalClient) {}

  /** Returns false when the workflow no longer runs. */
  async send(workflowId: string, signal: RunSignal): Promise<boolean> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      switch (signal.kind) {
        case 'exit':
          await handle.signal(exitSignal, signal.payload);
          break;
        case 'leadEvents':
          await handle.signal(leadEventsSignal, signal.payload);
          break;
        case 'taskCompleted':
          await handle.signal(taskCompletedSignal, signal.payload);
          break;
        case 'pause':
          await handle.signal(pauseSignal);
          break;
        case 'resume':
          await handle.signal(resumeSignal);
          break;
      }
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        this.logger.debug(`run workflow ${workflowId} has ended; ${signal.kind} not delivered`);
        return false;
      }
      throw error;
    }
  }
}
