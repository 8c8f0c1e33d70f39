// Runs in a worker_thread, off the API's event loop, on its own connection: first scores every lead against the
// candidate in a read-only snapshot, then the short activation transaction (lock, status, re-scoring what was
// written meanwhile, memberships + outbox).
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { rowsOf, withTransaction } from '@segflow/stores';
import { activateModel, scoreAllLeads } from './activate-model';
import type { ActivationJob } from './model-activator';
import type { SegmentWorkerMessage } from './run-segment-worker';

const post = (message: SegmentWorkerMessage<{ reassigned: number }>) => parentPort?.postMessage(message);

async function run(job: ActivationJob): Promise<{ reassigned: number }> {
  const client = new Client({ connectionString: job.databaseUrl });
  await client.connect();
  const db = rowsOf(client);
  const input = { modelId: job.modelId, now: new Date(job.now), margin: job.margin, actor: job.actor };
  try {
    // REPEATABLE READ: every read of the scoring pass sees the one snapshot whose xmin it reports.
    const scored = await withTransaction(db, () => scoreAllLeads(db, input), 'readOnlySnapshot');
    return await withTransaction(db, () => activateModel(db, input, scored));
  } finally {
    await client.end();
  }
}

run(workerData as ActivationJob).then(
  (result) => post({ type: 'done', result }),
  (error: Error) => post({ type: 'error', message: error.message, name: error.name }),
);
