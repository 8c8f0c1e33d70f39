import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  ScheduledRetrainActivities,
  ScheduledRetrainInput,
  ScheduledRetrainOutcome,
} from '@segflow/workflow-contracts';

/**
 * What a retrain schedule starts: one activity on the API's retrain queue, which starts the same retrain as
 * `POST /api/segments/retrain {}` and waits for it. The result is at most a candidate: approval stays a person's.
 */
export async function scheduledRetrainWorkflow(input: ScheduledRetrainInput): Promise<ScheduledRetrainOutcome> {
  const { retrainSegmentsOnSchedule } = proxyActivities<ScheduledRetrainActivities>({
    taskQueue: input.activityTaskQueue,
    // A retrain of 100k leads takes seconds; the heartbeat, not this bound, notices an API that died mid-training.
    startToCloseTimeout: '2 hours',
    // With no API polling the queue, the run fails instead of holding the schedule (overlap: skip) for ever.
    scheduleToCloseTimeout: '3 hours',
    heartbeatTimeout: '1 minute',
    // A retry after an API crash finds the dead training's lease and skips until it runs out: no double retrain.
    retry: { maximumAttempts: 3, initialInterval: '30 seconds' },
  });
  return retrainSegmentsOnSchedule({ scheduledRunId: workflowInfo().workflowId });
}
