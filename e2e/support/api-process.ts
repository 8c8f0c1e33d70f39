import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testTemporalAddress, testWorkerEmailEnv } from '../../tools/testing/test-database';
import { eventually } from './eventually';
import { freePort } from './free-port';

const repoRoot = join(__dirname, '..', '..');
const artifactsDir = join(repoRoot, 'test-artifacts');

/** The first admin of databases these processes boot on (used only if the API has auth). */
const PROCESS_ADMIN = { email: 'admin@segflow.process', password: 'process-admin-password' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Same shape as TestApi.request, so scenario helpers run against an in-process API or a process alike. */
export type ApiRequest = <T = any>(method: Method, url: string, body?: unknown) => Promise<{ status: number; body: T }>;

/** A built API (`apps/api/dist/main.js`) running as a child process, which a test may SIGKILL. */
export interface ApiProcess {
  url: string;
  request: ApiRequest;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ProcessTarget {
  name: string;
  databaseUrl: string;
  taskQueue: string;
}

function launchOrThrow(name: string, script: string, env: Record<string, string>): ChildProcess {
  const main = join(repoRoot, script);
  if (!existsSync(main))
    throw new Error(
      `${main} is missing: build first (npx tsc -b tsconfig.build.json && node apps/worker/dist/bundle-workflows.js)`,
    );
  mkdirSync(artifactsDir, { recursive: true });
  const log = createWriteStream(join(artifactsDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [main], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

const baseEnv = (target: ProcessTarget) => ({
  DATABASE_URL: target.databaseUrl,
  TEMPORAL_ADDRESS: testTemporalAddress(),
  TEMPORAL_TASK_QUEUE: target.taskQueue,
  LOG_LEVEL: 'warn',
  ...testWorkerEmailEnv(),
});

/** Signs in as the first admin when the API has `/api/auth/sign-in`; otherwise calls go without credentials. */
async function sessionHeaders(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PROCESS_ADMIN),
  });
  if (response.status === 404) return {};
  if (response.status !== 200) throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

/** Starts the built API on `target` with `env` (e.g. OUTBOX_DISPATCHER=off) and waits until it is healthy. */
export async function startApiProcess(
  target: ProcessTarget,
  env: Record<string, string> = {},
  healthyWithinMs = 60_000,
): Promise<ApiProcess> {
  const port = await freePort();
  const child = launchOrThrow(`${target.name}-api-${port}`, 'apps/api/dist/main.js', {
    ...baseEnv(target),
    API_PORT: String(port),
    SEGFLOW_ADMIN_EMAIL: PROCESS_ADMIN.email,
    SEGFLOW_ADMIN_PASSWORD: PROCESS_ADMIN.password,
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  const healthy = await eventually(
    () =>
      fetch(`${url}/api/health`).then(
        (r) => r.status,
        () => (child.exitCode === null ? 0 : -1),
      ),
    (status) => status === 200 || status === -1,
    healthyWithinMs,
    200,
  );
  if (healthy !== 200)
    throw new Error(`API process on ${url} did not become healthy (see test-artifacts/${target.name}-api-${port}.log)`);
  const headers = await sessionHeaders(url);
  const request: ApiRequest = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { url, request, kill: (signal = 'SIGTERM') => stopChild(child, signal) };
}

/** Starts the built worker (`apps/worker/dist/main.js`) on `target` with `env`; returns a stop function. */
export function startWorkerProcess(
  target: ProcessTarget,
  env: Record<string, string> = {},
): { stop(signal?: NodeJS.Signals): Promise<void> } {
  const child = launchOrThrow(`${target.name}-worker`, 'apps/worker/dist/main.js', { ...baseEnv(target), ...env });
  return { stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}
