import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestDatabase,
  testTemporalAddress,
  testWorkerEmailEnv,
  uniqueTaskQueue,
} from '../../tools/testing/test-database';
import { E2E_ADMIN } from './auth';
import { freePort } from './free-port';

const repoRoot = join(__dirname, '..', '..');
export const ARTIFACTS_DIR = join(repoRoot, 'test-artifacts');

export interface Stack {
  apiUrl: string;
  webUrl: string;
  databaseUrl: string;
  taskQueue: string;
  /** Kills the worker process (SIGKILL: no graceful shutdown) — for durability tests. */
  killWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForHttp(
  url: string,
  timeoutMs: number,
  isReady: (status: number) => boolean = (s) => s < 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (isReady(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms (${last})`);
}

function launch(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = repoRoot,
): ChildProcess {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS_DIR, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * The product as `npm start` runs it — built API, worker and web (vite preview) as child processes — on a fresh
 * database of the test PostgreSQL and a unique task queue of the test Temporal server. Needs the build that
 * `npm test` runs first (tsc -b, workflow bundle, vite build).
 */
export async function startStack(
  name: string,
  extraEnv: Record<string, string> | ((apiUrl: string) => Record<string, string>) = {},
): Promise<Stack> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env = {
    DATABASE_URL: await createTestDatabase(name.replace(/\W/g, '_')),
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue(name),
    API_PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    // The first admin (see support/auth.ts: signInToApi, signInInBrowser).
    SEGFLOW_ADMIN_EMAIL: E2E_ADMIN.email,
    SEGFLOW_ADMIN_PASSWORD: E2E_ADMIN.password,
    ...testWorkerEmailEnv(),
    ...(typeof extraEnv === 'function' ? extraEnv(apiUrl) : extraEnv),
  };
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = launch(`${name}-api`, process.execPath, ['apps/api/dist/main.js'], env);
  let worker: ChildProcess | undefined;
  const startWorker = async () => {
    worker = launch(`${name}-worker`, process.execPath, ['apps/worker/dist/main.js'], env);
  };
  await startWorker();
  const web = launch(
    `${name}-web`,
    process.execPath,
    [
      join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(webPort),
      '--strictPort',
    ],
    { SEGFLOW_API_URL: apiUrl },
    join(repoRoot, 'apps/web'),
  );
  await waitForHttp(`${apiUrl}/api/health`, 60_000, (s) => s === 200);
  await waitForHttp(webUrl, 30_000);
  return {
    apiUrl,
    webUrl,
    databaseUrl: env.DATABASE_URL,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    killWorker: () => stopChild(worker, 'SIGKILL'),
    startWorker,
    stop: async () => {
      await Promise.all([stopChild(web), stopChild(worker), stopChild(api)]);
    },
  };
}
