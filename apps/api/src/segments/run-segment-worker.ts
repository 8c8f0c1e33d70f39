import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

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

// From TypeScript sources (jest) the worker and its relative imports are transpiled as they are required; typescript
// is then a dev dependency that is present, and packages (@segflow/* from their dist) resolve as usual.
const transpilingLoader = (entry: string) => `
const { readFileSync } = require('node:fs');
const ts = require('typescript');
const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true };
require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions }).outputText, file);
require(${JSON.stringify(entry)});`;

// From dist the compiled worker sits beside this file.
function startWorker(name: string, workerData: unknown): Worker {
  const compiled = join(__dirname, `${name}.worker.js`);
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  return new Worker(transpilingLoader(join(__dirname, `${name}.worker.ts`)), { eval: true, workerData });
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
    const worker = startWorker(name, workerData);
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
