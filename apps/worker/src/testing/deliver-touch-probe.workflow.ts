import { proxyActivities } from '@temporalio/workflow';

// For specs: calls deliverTouch once on the given (channel) task queue, as the playbook run does, without a playbook.
export async function deliverTouchProbe(input: unknown, taskQueue: string): Promise<unknown> {
  const { deliverTouch } = proxyActivities<{ deliverTouch(input: unknown): Promise<unknown> }>({
    taskQueue,
    startToCloseTimeout: '1 minute',
    retry: { maximumAttempts: 1 },
  });
  return deliverTouch(input);
}
