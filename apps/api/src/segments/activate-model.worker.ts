// Runs in a worker_thread, off the API's event loop: the whole activation transaction (lock, status, reading and
// re-assigning every lead, memberships + outbox) on its own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { rowsOf } from '../database/queryable';
import { activateModel } from './activate-model';
import type { ActivationJob } from './model-activator';
import type { SegmentWorkerMessage } from './run-segment-worker';

const post = (message: SegmentWorkerMessage<{ reassigned: number }>) => parentPort?.postMessage(message);

async function run(job: ActivationJob): Promise<{ reassigned: number }> {
  const client = new Client({ connectionString: job.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await activateModel(rowsOf(client), { modelId: job.modelId, now: new Date(job.now), margin: job.margin });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

run(workerData as ActivationJob).then(
  (result) => post({ type: 'done', result }),
  (error: Error) => post({ type: 'error', message: error.message, name: error.name }),
);
