import type { RetrainJob, RetrainResult } from './retrain-job';
import { runSegmentWorker } from './run-segment-worker';

/** The retrain worker's data: the job and where to read the leads. */
export type RetrainWorkerData = RetrainJob & { databaseUrl: string };

/**
 * Runs a retrain off the event loop as the API does: the worker thread starts the leads' query first, loads the
 * training code while Postgres joins and sorts, decodes the rows as they arrive and trains (retrain.worker.ts).
 */
export function runRetrain(
  databaseUrl: string,
  job: RetrainJob,
  onProgress?: (phase: string, fraction: number) => void,
): Promise<RetrainResult> {
  const data: RetrainWorkerData = { ...job, databaseUrl };
  return runSegmentWorker<RetrainResult>('retrain', data, onProgress);
}
