import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { RetrainJob, RetrainResult } from './retrain-job';
import { runSegmentWorker } from './run-segment-worker';
import { sendTrainingLeads } from './send-training-leads';

/** The retrain worker's data: the job and the port the leads arrive on. */
export type RetrainWorkerData = RetrainJob & { leads: MessagePort };

/**
 * Runs a retrain off the event loop as the API does. The leads' query starts at once, on this thread's own
 * connection, while the worker thread starts and loads its modules (~0.5 s that used to come before the query); the
 * worker decodes the bytes as they arrive and trains. Resolves once the worker has answered and the reading
 * connection is closed.
 */
export async function runRetrain(databaseUrl: string, job: RetrainJob, onProgress?: (phase: string, fraction: number) => void): Promise<RetrainResult> {
  const { port1, port2 } = new MessageChannel();
  const sent = sendTrainingLeads(databaseUrl, port1);
  try {
    const data: RetrainWorkerData = { ...job, leads: port2 };
    return await runSegmentWorker<RetrainResult>('retrain', data, onProgress, [port2]);
  } finally {
    await sent;
  }
}
