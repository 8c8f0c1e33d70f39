import { startSegmentWorkerThread } from './segment-worker-thread';

/** Messages a segment worker (`<name>.worker.ts` in this folder) posts. */
export type SegmentWorkerMessage<T> =
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'done'; result: T }
  | { type: 'error'; message: string; name: string };

/** A worker's failure, with the name of the error it threw there (errors do not cross threads as instances). */
export class SegmentWorkerError extends Error {
  constructor(
    message: string,
    readonly errorName: string,
  ) {
    super(message);
  }
}

/**
 * Runs `<name>.worker` in a worker_thread, off the API's event loop, and resolves with its result; progress is
 * reported as it goes. Rejects with a {@link SegmentWorkerError} if the worker fails, or if it exits early.
 */
export function runSegmentWorker<T>(
  name: string,
  workerData: unknown,
  onProgress: (phase: string, fraction: number) => void = () => undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startSegmentWorkerThread(name, workerData);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: SegmentWorkerMessage<T>) => {
      if (message.type === 'progress') onProgress(message.phase, message.fraction);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new SegmentWorkerError(message.message, message.name)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new SegmentWorkerError(`${name} worker exited with code ${code}`, 'WorkerExit'))),
    );
  });
}
