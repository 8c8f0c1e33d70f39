// The through-Temporal side of bench/email-send.bench.mjs: a long-lived workflow delivering its share of the emails one
// after another, as a playbook run's sends do, each by the worker's deliverTouch on its email task queue with the
// options a run schedules it with (apps/worker/src/workflows/playbook-run-commands.ts).
import { proxyActivities } from '@temporalio/workflow';

export async function benchDeliverEmails(inputs, emailTaskQueue) {
  const { deliverTouch } = proxyActivities({
    taskQueue: emailTaskQueue,
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
  });
  for (const input of inputs) await deliverTouch(input);
}
