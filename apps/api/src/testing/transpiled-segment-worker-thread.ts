import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// Jest maps segments/segment-worker-thread to this module: the worker and its relative imports are TypeScript there,
// transpiled as they are required; packages (@segflow/* from their dist) resolve as usual.
const transpilingLoader = (entry: string) => `
const { readFileSync } = require('node:fs');
const ts = require('typescript');
const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true };
require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions }).outputText, file);
require(${JSON.stringify(entry)});`;

/** Starts `segments/<name>.worker.ts` from its TypeScript source. */
export function startSegmentWorkerThread(name: string, workerData: unknown): Worker {
  const entry = join(__dirname, '..', 'segments', `${name}.worker.ts`);
  return new Worker(transpilingLoader(entry), { eval: true, workerData });
}
