import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Starts the compiled `<name>.worker.js` beside this file (specs map this module to a transpiling twin). */
export function startSegmentWorkerThread(name: string, workerData: unknown): Worker {
  return new Worker(join(__dirname, `${name}.worker.js`), { workerData });
}
