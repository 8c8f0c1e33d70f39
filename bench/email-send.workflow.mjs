// The through-Temporal side of bench/email-send.bench.mjs: one email per workflow, delivered by the worker's
// deliverTouch on its email task queue with the options a playbook run schedules it with
// (apps/worker/src/workflows/playbook-run-commands.ts).
import { proxyActivities } from '@temporalio/workflow';

export async function benchDeliverEmail(input, emailTaskQueue) {
  const { deliverTouch } = proxyActivities({
    taskQueue: emailTaskQueue,
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
  });
  return deliverTouch(input);
}
