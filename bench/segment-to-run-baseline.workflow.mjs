// The baseline of bench/segment-to-run.bench.mjs: a workflow that only runs one no-op activity, i.e. what Temporal
// and a worker cost from `client.workflow.start` to the first task and the first activity, with nothing of Segflow.
import { proxyActivities } from '@temporalio/workflow';

const { markStarted } = proxyActivities({ startToCloseTimeout: '30 seconds' });

export async function benchEmptyWorkflow() {
  await markStarted();
}
