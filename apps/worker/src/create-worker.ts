import { setFlagsFromString } from 'node:v8';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { channelTaskQueue } from '@segflow/workflow-contracts';
import { createActivities } from './activities';
import type { TouchProvider } from './activities/playbook-touch-provider';
import { DEFAULT_WORKFLOW_STACK_TRACE_LIMIT, type WorkerConfig } from './config';
import { activityLogIds } from './logging/activity-log-ids';
import type { WorkerMetrics } from './metrics/worker-metrics';
import type { WorkerTracing } from './tracing/start-tracing';

export interface CreateWorkerOptions {
  config: Pick<
    WorkerConfig,
    | 'TEMPORAL_ADDRESS'
    | 'TEMPORAL_NAMESPACE'
    | 'TEMPORAL_TASK_QUEUE'
    | 'EMAIL_FROM_DOMAIN'
    | 'EMAIL_MAX_PER_SECOND'
    | 'WHATSAPP_MAX_PER_SECOND'
  > &
    Partial<Pick<WorkerConfig, 'WORKFLOW_STACK_TRACE_LIMIT'>>;
  pool: Pool;
  /** Sends touches, by channel (see `createTouchProvider`). */
  touchProvider: TouchProvider;
  workflowBundle: { code: string } | { codePath: string };
  /** Observes every activity attempt of every worker (see `createWorkerMetrics`). */
  metrics?: WorkerMetrics;
  /** Activity spans and the workflow span sink, with the traced workflow bundle (see `startTracing`). */
  tracing?: Pick<WorkerTracing, 'activityInterceptors' | 'sinks'>;
}

/** The workers of one process, run and stopped together. */
export interface WorkerGroup {
  run(): Promise<void>;
  shutdown(): void;
  runUntil<R>(fn: () => Promise<R>): Promise<R>;
  /** Each worker's state (run queue first), for the worker's /health. */
  states(): string[];
}

function groupOf(workers: Worker[]): WorkerGroup {
  const group: WorkerGroup = {
    run: async () => {
      // One worker failing stops the others: a process without its run or channel queue must not look healthy.
      await Promise.all(
        workers.map((w) =>
          w.run().catch((error: unknown) => {
            group.shutdown();
            throw error;
          }),
        ),
      );
    },
    shutdown: () => workers.forEach((w) => w.getState() === 'RUNNING' && w.shutdown()),
    states: () => workers.map((w) => w.getState()),
    runUntil: async (fn) => {
      const running = group.run();
      try {
        return await fn();
      } finally {
        group.shutdown();
        await running;
      }
    },
  };
  return group;
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
 * How the run queue's worker takes workflow tasks (measurements behind each value: bench/PERF-NOTES.md, "Worker
 * options"). At most 40 tasks at a time: a task the worker holds longer than the server's 10 s workflow task timeout is
 * done again, so taking more than two threads finish in that time only adds work when the machine is loaded.
 */
export const RUN_QUEUE_WORKFLOW_TASK_OPTIONS = {
  maxConcurrentWorkflowTaskExecutions: 40,
  workflowTaskPollerBehavior: { type: 'autoscaling' },
  workflowThreadPoolSize: 2,
} as const;

/**
 * The workers of a process, on one connection: the run queue (`TEMPORAL_TASK_QUEUE`: workflows and every activity,
 * deliveries scheduled there by histories from before the channel queues included), and one activity worker per
 * channel queue (`channelTaskQueue`) whose deliveries Temporal's server rate-limits across all workers
 * (`EMAIL_MAX_PER_SECOND`, `WHATSAPP_MAX_PER_SECOND`). The caller owns the pool. Workflow threads capture stacks of
 * `WORKFLOW_STACK_TRACE_LIMIT` frames (see {@link DEFAULT_WORKFLOW_STACK_TRACE_LIMIT}).
 */
export async function createWorker({
  config,
  pool,
  touchProvider,
  workflowBundle,
  metrics,
  tracing,
}: CreateWorkerOptions): Promise<{ worker: WorkerGroup; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const activities = createActivities({ pool, touchProvider, messageIdDomain: config.EMAIL_FROM_DOMAIN });
  // The span first, so it covers the others' work (activityLogIds: Segflow's ids on the SDK's activity log lines).
  const interceptors = {
    activity: [
      ...(tracing?.activityInterceptors ?? []),
      activityLogIds,
      ...(metrics ? [metrics.activityInterceptor] : []),
    ],
  };
  const runWorker = await withStackTraceLimit(
    config.WORKFLOW_STACK_TRACE_LIMIT ?? DEFAULT_WORKFLOW_STACK_TRACE_LIMIT,
    () =>
      Worker.create({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowBundle,
        activities,
        interceptors,
        sinks: tracing?.sinks,
        ...RUN_QUEUE_WORKFLOW_TASK_OPTIONS,
      }),
  );
  const rates = { email: config.EMAIL_MAX_PER_SECOND, whatsapp: config.WHATSAPP_MAX_PER_SECOND } as const;
  const channelWorkers = await Promise.all(
    (['email', 'whatsapp'] as const).map((channel) =>
      Worker.create({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: channelTaskQueue(config.TEMPORAL_TASK_QUEUE, channel),
        activities: { deliverTouch: activities.deliverTouch },
        interceptors,
        maxTaskQueueActivitiesPerSecond: rates[channel],
      }),
    ),
  );
  return { worker: groupOf([runWorker, ...channelWorkers]), connection };
}
