import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RetrainJob, RetrainMessage, RetrainResult } from './retrain-job';

// From dist the compiled worker sits beside this file. From TypeScript sources (jest) it is transpiled on the fly;
// typescript is then a dev dependency that is present, and its packages resolve from the working directory.
function startWorker(job: RetrainJob): Worker {
  const compiled = join(__dirname, 'retrain.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: job });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const source = readFileSync(join(__dirname, 'retrain.worker.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  return new Worker(outputText, { eval: true, workerData: job });
}

/** Trains a model in a worker_thread; progress is reported as it goes. Rejects if the worker fails or exits early. */
export function runRetrainWorker(job: RetrainJob, onProgress: (phase: string, fraction: number) => void): Promise<RetrainResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: RetrainMessage) => {
      if (message.type === 'progress') onProgress(message.phase, message.fraction);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`retrain worker exited with code ${code}`))));
  });
}
