// Shared by the bench scripts: PostgreSQL for a script run on its own, timed concurrent tasks, a fresh database, the built API as a child
// process (so the load generator does not share its event loop), sign-in when auth is on, and the results file.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { freePort } from '../tools/lib/ports.mjs';
import { startEmbeddedPostgres } from '../tools/lib/postgres.mjs';
import { ensureTemporalCli } from '../tools/lib/temporal-cli.mjs';
import { startTemporalDevServer } from '../tools/lib/temporal-server.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(join(root, 'package.json'));
const pg = require('pg');

export const machine = () => ({ cores: cpus().length, memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10 });

/** PostgreSQL's admin URL: the one `npm run bench` provides, else an embedded one started here (`stop` ends it). */
export async function benchPostgres() {
  if (process.env.SEGFLOW_BENCH_DATABASE_URL)
    return { adminUrl: process.env.SEGFLOW_BENCH_DATABASE_URL, stop: async () => {} };
  const started = await startEmbeddedPostgres({ port: await freePort() });
  return { adminUrl: started.adminUrl, stop: started.stop };
}

// bench/scale-matrix runs scripts against a Temporal (and PostgreSQL) it started: SEGFLOW_BENCH_TEMPORAL_ADDRESS with
// the server's SEGFLOW_BENCH_TEMPORAL_PID for its CPU, SEGFLOW_BENCH_DATABASE_URL; a script run alone starts its own.
/** Temporal's address and server process: the one `npm run bench` provides, else a dev server started here. */
export async function benchTemporal() {
  const address = process.env.SEGFLOW_BENCH_TEMPORAL_ADDRESS;
  if (!address) return startTemporalDevServer({ cli: await ensureTemporalCli(), port: await freePort() });
  return { address, process: { pid: Number(process.env.SEGFLOW_BENCH_TEMPORAL_PID) }, stop: async () => {} };
}

/** Runs `task(0 … count-1)` with `concurrency` in flight; returns completions per second. */
export async function timed(count, concurrency, task) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/** Admin URL and Temporal address `npm run bench` provides. */
export function benchServices() {
  const adminUrl = process.env.SEGFLOW_BENCH_DATABASE_URL;
  if (!adminUrl) throw new Error('SEGFLOW_BENCH_DATABASE_URL is not set: run through `npm run bench`');
  return { adminUrl, temporalAddress: process.env.SEGFLOW_BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:7233' };
}

export async function createDatabase(adminUrl, prefix) {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient(databaseUrl, fn) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs the API's migrations with `env` (DATABASE_URL and whatever else the API's config requires). */
export function migrateDatabase(env) {
  const migrated = spawnSync(process.execPath, [join(root, 'apps/api/dist/database/migrate.js')], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stderr}`);
}

const ADMIN = { email: 'bench@segflow.local', password: 'bench-password-1' };

/** Migrates `databaseUrl`, starts apps/api/dist/main.js on it and signs in when the API has auth. */
export async function startApi({ databaseUrl, temporalAddress, env = {} }) {
  const port = await freePort();
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
    SEGFLOW_ADMIN_EMAIL: ADMIN.email,
    SEGFLOW_ADMIN_PASSWORD: ADMIN.password,
    ...env,
  };
  migrateDatabase(childEnv);
  // SEGFLOW_BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API under the bench's load.
  const nodeArgs = (process.env.SEGFLOW_BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps/api/dist/main.js')], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error('API did not become healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
  const headers = { 'content-type': 'application/json' };
  const signIn = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify(ADMIN) });
  if (signIn.ok) headers.authorization = `Bearer ${(await signIn.json()).token}`;
  // node:http with keep-alive rather than fetch: the load generator shares the 2 cores with what it measures, and
  // fetch cost it about twice the CPU per request (~0.35 against ~0.16 core at 100 requests/s).
  const agent = new http.Agent({ keepAlive: true });
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const sized = payload === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload) };
      const call = http.request(`${url}${path}`, { method, headers: sized, agent }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode >= 400)
            reject(new Error(`${method} ${path} → ${response.statusCode}: ${text.slice(0, 300)}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
        response.on('error', reject);
      });
      call.on('error', reject);
      call.end(payload);
    });
  return {
    url,
    headers,
    request,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        agent.destroy();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Raw `COPY … FROM STDIN (FORMAT csv)` through psql; returns the milliseconds it took. */
export function copyCsv(databaseUrl, table, columns, csv) {
  const started = performance.now();
  const result = spawnSync(
    'psql',
    [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`],
    { input: csv, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (result.status !== 0) throw new Error(`psql COPY failed: ${result.stderr}`);
  return performance.now() - started;
}

/**
 * Seeds `leads` and their `lead_features` (states folded from the population's events with libs/scoring) by COPY,
 * for benches whose question starts after ingest. Returns the population, each lead's state by externalId and the
 * database ids.
 */
export async function seedLeadsByCopy(databaseUrl, population, now) {
  const scoring = require('@segflow/scoring');
  const states = new Map(population.leads.map((l) => [l.externalId, { state: scoring.emptyFeatureState(), count: 0 }]));
  for (const event of population.events) {
    const entry = states.get(event.leadExternalId);
    entry.state = scoring.applyEvent(entry.state, event, now);
    entry.count += 1;
  }
  const leadCsv = population.leads
    .map((l) => [l.externalId, l.industry, l.headcount, l.revenueBand, l.fundingStage].map(csvField).join(','))
    .join('\n');
  copyCsv(databaseUrl, 'leads', ['external_id', 'industry', 'headcount', 'revenue_band', 'funding_stage'], leadCsv);
  const ids = await withClient(databaseUrl, async (c) => (await c.query(`SELECT id, external_id FROM leads`)).rows);
  const featureCsv = ids
    .map(({ id, external_id }) =>
      [id, JSON.stringify(states.get(external_id).state), states.get(external_id).count].map(csvField).join(','),
    )
    .join('\n');
  copyCsv(databaseUrl, 'lead_features', ['lead_id', 'state', 'event_count'], featureCsv);
  return {
    states: new Map([...states].map(([externalId, { state }]) => [externalId, state])),
    idOf: new Map(ids.map((r) => [r.external_id, r.id])),
  };
}

export const csvField = (value) =>
  value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`;

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (x) => Math.round(x * 10) / 10;

/** p50, p99, max and count of a list of milliseconds, rounded to 0.1. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1)),
    n: sorted.length,
  };
}

/**
 * Open loop: call i of `send(i)` starts at its scheduled time (i / rate seconds after the first) whether or not
 * earlier calls have answered, so a slow system shows a growing queue instead of a politely slower sender. Returns
 * each successful call's latency from its scheduled time (sorted), how many failed, and the rate achieved.
 */
export async function openLoop(count, rate, send) {
  const latencies = [];
  const errors = [];
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      send(i).then(
        () => latencies.push(performance.now() - due),
        (error) => errors.push(String(error.cause ?? error)),
      ),
    );
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  if (errors.length) process.stderr.write(`${errors.length} of ${count} calls failed, first: ${errors[0]}\n`);
  return { latencies, failed: errors.length, achievedRate: latencies.length / seconds };
}

export const chunk = (items, size) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Writes bench/results/<name>.json with the agreed shape (plus free-form details); SEGFLOW_BENCH_RESULTS_DIR puts it
 * elsewhere (bench/scale-matrix runs scripts per set-up and keeps only its own summary).
 */
export function writeResult(name, { figure, baseline, unit, ratio, details = {} }) {
  const result = {
    name,
    figure,
    baseline,
    ratio: ratio ?? Math.round((figure / baseline) * 1000) / 1000,
    unit,
    machine: machine(),
    date: new Date().toISOString(),
    ...details,
  };
  const dir = process.env.SEGFLOW_BENCH_RESULTS_DIR ?? join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result) + '\n');
  return result;
}

/** Waits until the dispatcher has delivered every outbox row, so a timed phase does not compete with earlier backlog. */
export async function waitForOutboxDrained(databaseUrl, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await withClient(
      databaseUrl,
      async (c) => (await c.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`)).rows[0].n,
    );
    if (pending === 0) return 0;
    if (Date.now() > deadline) return pending;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux); 0 once it is gone. */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks; USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/**
 * CPU of a process and of its live descendants (the API's cluster replicas, API_REPLICAS, are its children), less the
 * subtrees `measureCpu` counts on their own: `others` and PostgreSQL, which a bench script run alone starts as its
 * children.
 */
function processTreeCpuMs(pid, excluded = new Set()) {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((child) => {
      try {
        return (
          Number(readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid &&
          !excluded.has(Number(child)) &&
          !basename(readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')[0]).startsWith('postgres')
        );
      } catch {
        return false;
      }
    });
  return processCpuMs(pid) + children.reduce((sum, child) => sum + processTreeCpuMs(Number(child), excluded), 0);
}

/** The PostgreSQL backends serving `database` (their command line names it). */
function postgresBackendPids(database) {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return command.startsWith('postgres: ') && command.includes(` ${database} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The process (first match) whose command line contains every one of `parts`, or undefined. */
export function findPid(...parts) {
  const pid = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .find((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return parts.every((part) => command.includes(part));
      } catch {
        return false;
      }
    });
  return pid === undefined ? undefined : Number(pid);
}

/**
 * Where the CPU went during a timed phase: the API process, the PostgreSQL backends of the bench database
 * (backends opened during the phase are counted from zero) and any `others` ({ name: pid }, e.g. the worker, the
 * Temporal server). Tells whether Node, Postgres or Temporal is the bottleneck.
 */
export async function measureCpu(apiPid, databaseUrl, phase, others = {}) {
  const database = new URL(databaseUrl).pathname.slice(1);
  const before = new Map(postgresBackendPids(database).map((pid) => [pid, processCpuMs(pid)]));
  const excluded = new Set(Object.values(others));
  const apiBefore = processTreeCpuMs(apiPid, excluded);
  const othersBefore = Object.fromEntries(Object.entries(others).map(([name, pid]) => [name, processCpuMs(pid)]));
  const started = performance.now();
  const result = await phase();
  const wallMs = performance.now() - started;
  const postgresMs = postgresBackendPids(database).reduce(
    (sum, pid) => sum + processCpuMs(pid) - (before.get(pid) ?? 0),
    0,
  );
  const othersMs = Object.fromEntries(
    Object.entries(others).map(([name, pid]) => [`${name}Ms`, processCpuMs(pid) - othersBefore[name]]),
  );
  return {
    result,
    cpu: {
      wallMs: Math.round(wallMs),
      apiMs: processTreeCpuMs(apiPid, excluded) - apiBefore,
      postgresBackendsMs: postgresMs,
      ...othersMs,
    },
  };
}

/**
 * Waits until a first model is active. Training ends as `candidate`; the first model then activates by itself,
 * assigning every lead under the exclusive model lock and writing their `segment_entered` rows. A timed phase
 * that started at `candidate` would measure that activation and its dispatch, not the phase.
 */
async function waitForActiveModel(api, modelId, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, error } = await api.request('GET', `/api/segment-models/${modelId}`);
    if (status === 'active') return;
    if (status === 'failed' || status === 'discarded' || Date.now() > deadline)
      throw new Error(`model ${modelId} did not become active: ${status} ${error ?? ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until the Temporal dev server has worked off the setup's backlog (under 10% of a core for a second).
 * Starting thousands of lead-intake workflows in a bench's setup keeps the server busy for a while after the
 * starts return; a timed phase begun then would share the 2 cores with that backlog.
 */
async function waitForTemporalIdle(address, timeoutMs = 180_000) {
  const pid = findPid('temporal', 'server', `--port ${address.split(':').pop()}`);
  if (!pid) return null;
  const started = Date.now();
  for (;;) {
    const before = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, 1_000));
    if (processCpuMs(pid) - before < 100 || Date.now() - started > timeoutMs) return Date.now() - started;
  }
}

/**
 * VACUUM ANALYZE after a bench's bulk setup, as pgbench does before its runs. Otherwise autovacuum picks the freshly
 * loaded tables up a little later — inside the timed phase — and a one-off maintenance pass is measured as the
 * steady state (it showed as a cluster of the slowest requests a few seconds into the latency bench).
 */
async function vacuumAnalyze(databaseUrl) {
  await withClient(databaseUrl, (client) => client.query('VACUUM (ANALYZE)'));
}

/**
 * Brings a bench's setup to a steady state before its timed phase: the first model active (its activation and the
 * dispatch of its entries are not the phase), the outbox drained, the fresh tables vacuumed, the Temporal server
 * idle. Returns what the result records about it.
 */
export async function settleBeforeTiming({ api, modelId, databaseUrl, temporalAddress }) {
  await waitForActiveModel(api, modelId);
  const outboxBacklogAtStart = await waitForOutboxDrained(databaseUrl);
  await vacuumAnalyze(databaseUrl);
  const temporalSettleMs = await waitForTemporalIdle(temporalAddress);
  return { outboxBacklogAtStart, temporalSettleMs };
}
