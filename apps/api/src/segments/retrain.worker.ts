// Runs in a worker_thread, off the API's event loop: decodes every lead's features as they arrive on the port,
// trains and measures the model.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSegmentModel } from '@segflow/scoring/training';
import type { RetrainResult } from './retrain-job';
import type { RetrainWorkerData } from './run-retrain';
import type { SegmentWorkerMessage } from './run-segment-worker';
import { receiveTrainingLeads } from './training-leads';

const post = (message: SegmentWorkerMessage<RetrainResult>) => parentPort?.postMessage(message);

async function run({ leads, ...job }: RetrainWorkerData): Promise<void> {
  // Posted once this thread's modules are loaded; the query has been running meanwhile.
  post({ type: 'progress', phase: 'loading', fraction: 0 });
  const { vectors, current } = await receiveTrainingLeads(leads, new Date(job.now));
  const { assignments: _assignments, ...built } = buildSegmentModel({
    vectors,
    current,
    active: job.active,
    k: job.k,
    kRange: job.kRange,
    seed: job.seed,
    maxDistance: job.maxDistance,
    margin: job.margin,
    freshIds: job.freshIds,
    onProgress: (phase, fraction) => post({ type: 'progress', phase, fraction: 0.1 + 0.9 * fraction }),
  });
  post({ type: 'done', result: { ...built, leadCount: vectors.length } });
}

run(workerData as RetrainWorkerData).catch((error: Error) => post({ type: 'error', message: error.message, name: error.name }));
