import type { ScheduledRetrainOutcome } from '@segflow/api-contracts';

export type { ScheduledRetrainOutcome };

/** The workflow a retrain schedule starts (apps/worker); it runs on the API's run queue. */
export const SCHEDULED_RETRAIN_WORKFLOW = 'scheduledRetrainWorkflow';

/** Input of {@link SCHEDULED_RETRAIN_WORKFLOW}: where the API's retrain activity listens. */
export interface ScheduledRetrainInput {
  activityTaskQueue: string;
}

/** The activity the API hosts: retrain as `POST /api/segments/retrain {}` does, wait for it, notify on a candidate. */
export interface ScheduledRetrainActivities {
  retrainSegmentsOnSchedule(input: { scheduledRunId: string }): Promise<ScheduledRetrainOutcome>;
}

/**
 * The task queue of the API's retrain activity: the retrain runs in the API process (its worker thread, training
 * lease and config), so the API polls this queue for that one activity.
 *
 * @example
 * retrainTaskQueue('segflow'); // 'segflow-retrain'
 */
export function retrainTaskQueue(baseTaskQueue: string): string {
  return `${baseTaskQueue}-retrain`;
}
