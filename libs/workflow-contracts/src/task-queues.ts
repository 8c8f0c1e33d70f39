/**
 * The task queue every Segflow workflow and activity runs on, unless TEMPORAL_TASK_QUEUE overrides it.
 *
 * @example
 * await client.workflow.start('leadIntakeWorkflow', { taskQueue: DEFAULT_TASK_QUEUE, ... });
 */
export const DEFAULT_TASK_QUEUE = 'segflow';
