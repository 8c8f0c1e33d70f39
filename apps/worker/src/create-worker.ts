import { NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from './activities';
import type { WorkerConfig } from './config';

export interface CreateWorkerOptions {
  config: Pick<WorkerConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'>;
  pool: Pool;
  workflowBundle: { code: string } | { codePath: string };
}

/** A worker with every workflow and activity registered; the caller owns the pool and runs/shuts it down. */
export async function createWorker({ config, pool, workflowBundle }: CreateWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    activities: createActivities({ pool }),
  });
  return { worker, connection };
}
