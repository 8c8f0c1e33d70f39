import { setFlagsFromString } from 'node:v8';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from './activities';
import type { TouchProvider } from './activities/playbook-touch-provider';
import { DEFAULT_WORKFLOW_STACK_TRACE_LIMIT, type WorkerConfig } from './config';

export interface CreateWorkerOptions {
  config: Pick<WorkerConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'> & Partial<Pick<WorkerConfig, 'WORKFLOW_STACK_TRACE_LIMIT'>>;
  pool: Pool;
  /** Channel provider for touches; defaults to the recording provider. */
  touchProvider?: TouchProvider;
  workflowBundle: { code: string } | { codePath: string };
}

/**
 * Runs `create` with V8's stack trace limit at `limit` for the isolates and contexts it starts (the workflow threads
 * and their sandbox), then puts the process's back. V8 reads the flag when a context is created, so this thread and
 * anything created later keep full stacks.
 */
async function withStackTraceLimit<T>(limit: number, create: () => Promise<T>): Promise<T> {
  const previous = Error.stackTraceLimit;
  setFlagsFromString(`--stack-trace-limit=${limit}`);
  try {
    return await create();
  } finally {
    setFlagsFromString(`--stack-trace-limit=${previous}`);
  }
}

/**
 * A worker with every workflow and activity registered; the caller owns the pool and runs/shuts it down. Its
 * workflow threads capture stacks of `WORKFLOW_STACK_TRACE_LIMIT` frames (see {@link DEFAULT_WORKFLOW_STACK_TRACE_LIMIT}).
 */
export async function createWorker({ config, pool, touchProvider, workflowBundle }: CreateWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await withStackTraceLimit(config.WORKFLOW_STACK_TRACE_LIMIT ?? DEFAULT_WORKFLOW_STACK_TRACE_LIMIT, () => Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    activities: createActivities({ pool, ...(touchProvider ? { touchProvider } : {}) }),
    // Measured with bench/segment-to-run at 10 segment changes/s on 2 cores: with the defaults new runs' first
    // tasks waited seconds on the server (40 slots, 2 of 10 fixed pollers on the non-sticky queue); with more slots
    // and autoscaling pollers they waited inside the worker instead, behind its one workflow thread (each new
    // workflow evaluates the bundle). Two threads use both cores: first task picked up → completed p99 8.9 s → 0.7 s.
    maxConcurrentWorkflowTaskExecutions: 200,
    workflowTaskPollerBehavior: { type: 'autoscaling' },
    workflowThreadPoolSize: 2,
  }));
  return { worker, connection };
}
