// How fast do playbook runs start and send? `node bench/playbook-runs.bench.mjs` after the build
// (npx tsc -b tsconfig.build.json && node apps/worker/dist/bundle-workflows.js).
// Figures: playbook runs started/s (workflow start with the graph snapshot as input) against a baseline of
// empty-workflow starts/s in the same run; touches/s end to end (start → worker → deliverTouch → Postgres);
// interpreter steps/s of the pure lib (simulateRun). Writes bench/results/playbook-runs.json.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { freePort } from '../tools/lib/ports.mjs';
import { ensureDatabase, startEmbeddedPostgres } from '../tools/lib/postgres.mjs';
import { ensureTemporalCli } from '../tools/lib/temporal-cli.mjs';
import { startTemporalDevServer } from '../tools/lib/temporal-server.mjs';
import { timed } from './ingest-harness.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const { Client, Connection } = require('@temporalio/client');
const { Pool } = require('pg');
const { runMigrations } = require(join(root, 'apps/api/dist/database/data-source.js'));
const { createWorker } = require(join(root, 'apps/worker/dist/create-worker.js'));
const { recordingTouchProvider } = require(join(root, 'apps/worker/dist/activities/playbook-touch-provider.js'));
const { WORKFLOW_BUNDLE_PATH } = require(join(root, 'apps/worker/dist/workflow-bundle.js'));
const { simulateRun } = require(join(root, 'libs/playbook/dist/index.js'));
const { buildPlaybook, samplePlaybook, sampleLead } = require(join(root, 'libs/playbook/dist/testing/index.js'));

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const CONCURRENCY = 20;


function interpreterStepsPerSecond() {
  const playbook = samplePlaybook();
  const lead = sampleLead();
  const events = [{ kind: 'event', at: '2026-03-05T10:00:00Z', event: { type: 'email.replied' } }];
  let steps = 0;
  const started = performance.now();
  while (performance.now() - started < 2_000) {
    steps += simulateRun({ playbook, lead, events, startAt: new Date('2026-03-02T09:00:00Z') }).steps + 1;
  }
  return steps / ((performance.now() - started) / 1000);
}

const oneTouch = buildPlaybook({
  settings: { goalEvents: ['demo_booked'], reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
  nodes: [
    { id: 'hello', type: 'send', config: { channel: 'email', subject: 'Hi', body: 'Hi {{lead.firstName}}', sender: { kind: 'fixed', name: 'Bench', address: 'b@x.test' }, onFailure: 'skip' } },
    { id: 'done', type: 'exit', config: { reason: 'done' } },
  ],
  edges: ['entry.next->hello', 'hello.next->done'],
});

async function seedRuns(pool, count) {
  const { rows: [pb] } = await pool.query(`INSERT INTO playbooks (name, draft, status) VALUES ('bench', $1, 'active') RETURNING id`, [JSON.stringify(oneTouch)]);
  const { rows: [version] } = await pool.query(`INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, $2) RETURNING id`, [pb.id, JSON.stringify(oneTouch)]);
  const runs = [];
  for (let i = 0; i < count; i += 1) {
    const { rows: [lead] } = await pool.query(`INSERT INTO leads (external_id, name, email) VALUES ($1, 'Bench Lead', $2) RETURNING id`, [`bench-${i}`, `lead${i}@bench.test`]);
    const runId = randomUUID();
    await pool.query(`INSERT INTO runs (id, lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id) VALUES ($1, $2, $3, $4, 1, $5)`,
      [runId, lead.id, pb.id, version.id, `bench-run-${runId}`]);
    runs.push({ runId, leadId: lead.id, playbookId: pb.id, playbookVersionId: version.id });
  }
  return runs;
}

function runInput(run) {
  const lead = sampleLead({ id: run.leadId, owner: null });
  return { ...run, playbookVersion: 1, graph: oneTouch, lead, paused: false, timeScale: 1 };
}

async function main() {
  const pg = await startEmbeddedPostgres({ port: await freePort() });
  const temporal = await startTemporalDevServer({ cli: await ensureTemporalCli(), port: await freePort() });
  const databaseUrl = pg.adminUrl.replace(/\/postgres$/, '/bench_playbook_runs');
  await ensureDatabase(pg.adminUrl, 'bench_playbook_runs');
  await runMigrations(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  try {
    // Baseline: starts of a workflow with an empty input (no worker polls this queue, so only the start is measured).
    const emptyStarts = await timed(RUNS, CONCURRENCY, (i) => client.workflow.start('benchEmptyWorkflow', { args: [], taskQueue: `${taskQueue}-empty`, workflowId: `empty-${i}-${randomUUID()}` }));
    const runs = await seedRuns(pool, RUNS);
    const runStarts = await timed(RUNS, CONCURRENCY, (i) => client.workflow.start('playbookRunWorkflow', { args: [runInput(runs[i])], taskQueue, workflowId: `bench-run-${runs[i].runId}` }));
    // Touches are recorded, not sent (bench/email-send measures SMTP), and not rate-limited.
    const config = {
      TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: taskQueue,
      EMAIL_FROM_DOMAIN: 'bench.test', EMAIL_MAX_PER_SECOND: 10_000, WHATSAPP_MAX_PER_SECOND: 10_000,
    };
    const { worker, connection: workerConnection } = await createWorker({ config, pool, touchProvider: recordingTouchProvider, workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } });
    const started = performance.now();
    const running = worker.run();
    let touches = 0;
    while (touches < RUNS && performance.now() - started < 300_000) {
      await new Promise((r) => setTimeout(r, 200));
      touches = Number((await pool.query(`SELECT count(*) FROM touches WHERE status = 'sent'`)).rows[0].count);
    }
    const touchesPerSecond = touches / ((performance.now() - started) / 1000);
    worker.shutdown();
    await running;
    await workerConnection.close();
    const steps = interpreterStepsPerSecond();
    const result = {
      name: 'playbook-runs',
      figure: { runsStartedPerSecond: round(runStarts), touchesPerSecond: round(touchesPerSecond), interpreterStepsPerSecond: Math.round(steps) },
      baseline: { emptyWorkflowStartsPerSecond: round(emptyStarts) },
      ratio: round(runStarts / emptyStarts, 3),
      runs: RUNS,
      machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
      date: new Date().toISOString(),
    };
    writeFileSync(join(root, 'bench', 'results', 'playbook-runs.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    await connection.close();
    await pool.end();
    await temporal.stop();
    await pg.stop();
  }
}

const round = (x, digits = 1) => Number(x.toFixed(digits));

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
