/**
 * The task queue every Segflow workflow and activity runs on, unless TEMPORAL_TASK_QUEUE overrides it.
 *
 * @example
 * await client.workflow.start('leadIntakeWorkflow', { taskQueue: DEFAULT_TASK_QUEUE, ... });
 */
export const DEFAULT_TASK_QUEUE = 'segflow';

/**
 * The task queue of a channel's deliveries: `<base>-email`, `<base>-whatsapp`. Its workers cap the channel's send
 * rate across all workers (Temporal's `maxTaskQueueActivitiesPerSecond`), apart from the run's other activities.
 *
 * @example
 * channelTaskQueue('segflow', 'email'); // 'segflow-email'
 */
export function channelTaskQueue(baseTaskQueue: string, channel: 'email' | 'whatsapp'): string {
  return `${baseTaskQueue}-${channel}`;
}
