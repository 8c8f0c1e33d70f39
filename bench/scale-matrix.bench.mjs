// Question: on this machine, what does a second worker, a second API process or the Temporal server on PostgreSQL
// (SEGFLOW_TEMPORAL=server) change? Runs the existing workloads, unchanged, once per set-up:
//   bench/segment-to-run  (segment change → run started p99; baseline: bare start → first activity p99 on the same
//                          Temporal server) with WORKER_REPLICAS 1 and 2;
//   bench/ingest          (events/s through POST /api/events; baseline: COPY of the same rows) with API_REPLICAS 1 and 2;
//   bench/playbook-runs   (touches/s of a one-touch playbook; baseline: a bare one-activity workflow's completions/s)
//                          with its in-process worker;
// each on {start-dev in memory, Temporal server on PostgreSQL}, a fresh server (and fresh Temporal databases) per run,
// as `npm run bench` gives every script. Writes bench/results/scale-matrix.json, one entry per run.
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tools/lib/ports.mjs';
import { run } from '../tools/lib/run.mjs';
import { ensureTemporalCli } from '../tools/lib/temporal-cli.mjs';
import { startTemporalPostgresServer } from '../tools/lib/temporal-postgres-server.mjs';
import { startTemporalDevServer } from '../tools/lib/temporal-server.mjs';
import { benchPostgres, machine, root, withClient } from './ingest-harness.mjs';

const RUNS = [
  {
    script: 'segment-to-run',
    label: (n) => `${n} worker${n > 1 ? 's' : ''}`,
    knobs: (n) => ({ WORKER_REPLICAS: String(n), API_REPLICAS: '1' }),
    replicas: [1, 2],
  },
  {
    script: 'ingest',
    label: (n) => `${n} API process${n > 1 ? 'es' : ''}`,
    knobs: (n) => ({ API_REPLICAS: String(n) }),
    replicas: [1, 2],
  },
  // Its workers run inside the bench process (createWorker), so only one.
  {
    script: 'playbook-runs',
    label: () => '1 in-process worker',
    knobs: () => ({ BENCH_RUNS: process.env.BENCH_RUNS ?? '200', BENCH_ROUNDS: process.env.BENCH_ROUNDS ?? '2' }),
    replicas: [1],
  },
];
const TEMPORALS = { dev: 'start-dev', server: 'server on PostgreSQL' };

// Temporal's databases go between runs, so each server starts as empty as start-dev's in-memory one.
async function dropTemporalDatabases(adminUrl) {
  await withClient(adminUrl, async (c) => {
    for (const name of ['temporal', 'temporal_visibility'])
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function startTemporal(kind, { cli, adminUrl, stateDir }) {
  const port = await freePort();
  if (kind === 'dev') return startTemporalDevServer({ cli, port });
  await dropTemporalDatabases(adminUrl);
  return startTemporalPostgresServer({
    cli,
    adminUrl,
    port,
    stateDir,
    logFile: openSync(join(stateDir, 'temporal.log'), 'a'),
  });
}

async function runOnce({ script, knobs }, temporal, adminUrl, resultsDir) {
  await run(process.execPath, ['--expose-gc', join('bench', `${script}.bench.mjs`)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...knobs,
      SEGFLOW_BENCH_DATABASE_URL: adminUrl,
      SEGFLOW_BENCH_TEMPORAL_ADDRESS: temporal.address,
      SEGFLOW_BENCH_TEMPORAL_PID: String(temporal.process.pid),
      SEGFLOW_BENCH_RESULTS_DIR: resultsDir,
    },
  });
  return JSON.parse(readFileSync(join(resultsDir, `${script}.json`), 'utf8'));
}

const summaryOf = (script, result) =>
  script === 'playbook-runs'
    ? {
        figure: result.figure.touchesPerSecond,
        baseline: result.baseline.bareOneActivityCompletionsPerSecond,
        unit: 'touches/s of a one-touch playbook (baseline: completions/s of a bare one-activity workflow, same server)',
        // Workflow-task waits and timeouts per round: where a stalled round's time went.
        perRound: result.perRound.map(({ ratio, cpu, workflowTasks }) => ({ ratio, cpu, workflowTasks })),
      }
    : script === 'segment-to-run'
      ? {
          figure: result.figure,
          baseline: result.baseline,
          unit: 'ms p99, segment change → run started (baseline: bare start → first activity, same server)',
          cpu: result.segmentToRun.cpu,
          stages: result.segmentToRun.stages,
          bareStages: result.bareStart.stages,
          failedRequests: result.segmentToRun.failedRequests,
          achievedRequestsPerSecond: result.segmentToRun.achievedRequestsPerSecond,
        }
      : {
          figure: result.figure,
          baseline: result.baseline,
          unit: 'events/s ingested (baseline: COPY of the same rows)',
          cpu: result.cpu,
        };

// Rewritten after every run, so a matrix cut short keeps what it measured.
function writeEntries(entries) {
  const dir = process.env.SEGFLOW_BENCH_RESULTS_DIR ?? join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scale-matrix.json'), JSON.stringify(entries, null, 2) + '\n');
}

async function main() {
  const cli = await ensureTemporalCli();
  const postgres = await benchPostgres();
  const stateDir = mkdtempSync(join(tmpdir(), 'segflow-scale-'));
  const entries = [];
  try {
    for (const [kind, temporalLabel] of Object.entries(TEMPORALS)) {
      for (const benchRun of RUNS) {
        for (const n of benchRun.replicas) {
          const question = `${benchRun.script}, ${temporalLabel}, ${benchRun.label(n)}`;
          process.stdout.write(`[scale-matrix] ${question}\n`);
          const resultsDir = mkdtempSync(join(stateDir, 'results-'));
          let temporal;
          try {
            temporal = await startTemporal(kind, { cli, adminUrl: postgres.adminUrl, stateDir });
            const result = await runOnce(
              { script: benchRun.script, knobs: benchRun.knobs(n) },
              temporal,
              postgres.adminUrl,
              resultsDir,
            );
            const { figure, baseline, ...details } = summaryOf(benchRun.script, result);
            entries.push({
              name: 'scale-matrix',
              question,
              figure,
              baseline,
              ratio: Math.round((figure / baseline) * 1000) / 1000,
              machine: machine(),
              date: new Date().toISOString(),
              temporal: kind,
              replicas: n,
              ...details,
            });
          } catch (error) {
            entries.push({ name: 'scale-matrix', question, error: error.message, temporal: kind, replicas: n });
          } finally {
            await temporal?.stop();
          }
          writeEntries(entries);
        }
      }
    }
  } finally {
    await postgres.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
  for (const e of entries)
    process.stdout.write(`${e.question}: ${e.error ?? `${e.figure} vs ${e.baseline} (${e.unit})`}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
