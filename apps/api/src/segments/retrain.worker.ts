// Runs in a worker_thread, off the API's event loop: reads every lead's features, trains and measures the model, then
// trains the conversion propensity model on closed segment entries.
// Only pg and libs/scoring's features entry load before the query starts; the training code (ml-kmeans) loads while
// Postgres joins and sorts.
import { parentPort, workerData } from 'node:worker_threads';
import type { RetrainResult } from './retrain-job';
import type { RetrainWorkerData } from './run-retrain';
import type { SegmentWorkerMessage } from './run-segment-worker';
import { readTrainingLeads } from './read-training-leads';
import { trainPropensityModel } from './train-propensity-model';

const post = (message: SegmentWorkerMessage<RetrainResult>) => parentPort?.postMessage(message);

async function run({ databaseUrl, ...job }: RetrainWorkerData): Promise<void> {
  const reading = readTrainingLeads(databaseUrl, new Date(job.now));
  reading.catch(() => undefined); // awaited below; not an unhandled rejection while the import runs
  const { buildSegmentModel } = await import('@segflow/scoring/training');
  post({ type: 'progress', phase: 'loading', fraction: 0 });
  const { vectors, current } = await reading;
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
    onProgress: (phase, fraction) => post({ type: 'progress', phase, fraction: 0.1 + 0.8 * fraction }),
  });
  post({ type: 'progress', phase: 'propensity', fraction: 0.9 });
  const propensity = await trainPropensityModel(databaseUrl, job.propensity, new Date(job.now), {
    standardizer: built.standardizer,
    centroids: built.segments.map((s) => ({ id: s.id, centroid: s.centroid })),
  });
  post({ type: 'done', result: { ...built, leadCount: vectors.length, propensity } });
}

run(workerData as RetrainWorkerData).catch((error: Error) =>
  post({ type: 'error', message: error.message, name: error.name }),
);
