// How fast do playbook runs start and send? `node bench/playbook-runs.bench.mjs` after `npm run build`.
// Figures, each against a baseline on the same Temporal dev server in the same run:
// - playbook runs started/s (workflow start with the graph snapshot as input, no worker polling) against starts/s of
//   a workflow with an empty input;
// - touches/s end to end for a one-touch (email) playbook: RUNS run starts, CONCURRENCY in flight, while the real
//   worker wiring runs (createWorker: run queue + channel task queues, deliverTouch with its consent check, send
//   intent and `sent` mark; the recording provider stands in for SMTP, which bench/email-send measures), from the
//   first start until the last touch is `sent` in Postgres; against completions/s of a bare workflow that runs one
//   no-op activity (bench/segment-to-run-baseline.workflow.mjs), same count, same concurrency, from the first start
//   until the last completion, on a worker with the run queue's options. Both workers run in this process, warmed
//   up first, one phase at a time; CPU of this process, the Temporal server and the Postgres backends per phase;
// - interpreter steps/s of the pure lib (simulateRun).
// Writes bench/results/playbook-runs.json.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ensureDatabase } from '../tools/lib/postgres.mjs';
import { benchPostgres, benchTemporal, measureCpu, summary, timed } from './ingest-harness.mjs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const { Client, Connection } = require('@temporalio/client');
const { Worker, NativeConnection, bundleWorkflowCode, DefaultLogger } = require('@temporalio/worker');
const { Pool } = require('pg');
const { runMigrations } = require(join(root, 'apps/api/dist/database/data-source.js'));
const { createWorker, RUN_QUEUE_WORKFLOW_TASK_OPTIONS } = require(join(root, 'apps/worker/dist/create-worker.js'));
const { recordingTouchProvider } = require(join(root, 'apps/worker/dist/activities/playbook-touch-provider.js'));
const { WORKFLOW_BUNDLE_PATH } = require(join(root, 'apps/worker/dist/workflow-bundle.js'));
const { simulateRun, startRun } = require(join(root, 'libs/playbook/dist/index.js'));
const { insertStartedRun, rowsOf } = require(join(root, 'libs/stores/dist/index.js'));
const { buildPlaybook, samplePlaybook, sampleLead } = require(join(root, 'libs/playbook/dist/testing/index.js'));

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const CONCURRENCY = 20;
const WARM_UP = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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
    {
      id: 'hello',
      type: 'send',
      config: {
        channel: 'email',
        subject: 'Hi',
        body: 'Hi {{lead.firstName}}',
        sender: { kind: 'fixed', name: 'Bench', address: 'b@x.test' },
        onFailure: 'skip',
      },
    },
    { id: 'done', type: 'exit', config: { reason: 'done' } },
  ],
  edges: ['entry.next->hello', 'hello.next->done'],
});

/**
 * Creates `count` leads and runs of the one-touch playbook the way the API's launch does (run-launcher.service.ts): the
 * run's row and steps start out holding the interpreter's first step at `startedAt`, which the workflow is given.
 */
async function seedRuns(pool, count, prefix) {
  const {
    rows: [pb],
  } = await pool.query(`INSERT INTO playbooks (name, draft, status) VALUES ('bench', $1, 'active') RETURNING id`, [
    JSON.stringify(oneTouch),
  ]);
  const {
    rows: [version],
  } = await pool.query(`INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, $2) RETURNING id`, [
    pb.id,
    JSON.stringify(oneTouch),
  ]);
  const runs = [];
  for (let i = 0; i < count; i += 1) {
    const {
      rows: [lead],
    } = await pool.query(`INSERT INTO leads (external_id, name, email) VALUES ($1, 'Bench Lead', $2) RETURNING id`, [
      `${prefix}-${i}`,
      `${prefix}${i}@bench.test`,
    ]);
    const runId = randomUUID();
    const startedAt = new Date();
    const { state } = startRun({ playbook: oneTouch, lead: leadOf(lead.id), now: startedAt, runId });
    await insertStartedRun(rowsOf(pool), {
      id: runId,
      leadId: lead.id,
      playbookId: pb.id,
      playbookVersionId: version.id,
      playbookVersion: 1,
      segmentId: null,
      membershipId: null,
      status: state.status,
      exitReason: null,
      currentNodeId: state.currentNodeId,
      path: state.path,
      temporalWorkflowId: `bench-run-${runId}`,
      startedAt,
      endedAt: null,
    });
    runs.push({
      runId,
      leadId: lead.id,
      playbookId: pb.id,
      playbookVersionId: version.id,
      startedAt: startedAt.toISOString(),
    });
  }
  return runs;
}

async function historyShape(client, workflowId) {
  const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
  const activities = events
    .filter((e) => e.activityTaskScheduledEventAttributes)
    .map((e) => e.activityTaskScheduledEventAttributes.activityType.name);
  const types = {};
  for (const e of events) {
    const type = Object.keys(e)
      .find((k) => k.endsWith('EventAttributes') && e[k])
      .replace(/EventAttributes$/, '');
    types[type] = (types[type] ?? 0) + 1;
  }
  return { events: events.length, types, activities };
}

/** Temporal's TimeoutType enum values a workflow task can time out with. */
const TIMEOUT_TYPES = { 1: 'START_TO_CLOSE', 2: 'SCHEDULE_TO_START' };

/**
 * Workflow task latencies over the given workflows' histories: scheduled → started (waiting for a worker) and
 * started → completed (inside the worker), in ms, and how many tasks failed or timed out, by timeout: START_TO_CLOSE
 * (the worker finished a task after the server's 10 s workflow task timeout, so it is handed out and done again) or
 * SCHEDULE_TO_START (a task waited on the worker's sticky queue past its timeout and went to the shared queue).
 */
async function workflowTaskLatencies(client, workflowIds) {
  const toMs = (t) => Number(t.seconds) * 1000 + t.nanos / 1e6;
  const waited = [];
  const worked = [];
  const timedOut = {};
  let failed = 0;
  for (const id of workflowIds) {
    const { events } = await client.workflow.getHandle(id).fetchHistory();
    const at = new Map(events.map((e) => [Number(e.eventId), toMs(e.eventTime)]));
    for (const e of events) {
      if (e.workflowTaskStartedEventAttributes)
        waited.push(toMs(e.eventTime) - at.get(Number(e.workflowTaskStartedEventAttributes.scheduledEventId)));
      if (e.workflowTaskCompletedEventAttributes)
        worked.push(toMs(e.eventTime) - at.get(Number(e.workflowTaskCompletedEventAttributes.startedEventId)));
      const timeout = e.workflowTaskTimedOutEventAttributes;
      if (timeout) {
        const type = TIMEOUT_TYPES[timeout.timeoutType] ?? String(timeout.timeoutType);
        timedOut[type] = (timedOut[type] ?? 0) + 1;
      }
      if (e.workflowTaskFailedEventAttributes) failed += 1;
    }
  }
  return { scheduledToStartedMs: summary(waited), startedToCompletedMs: summary(worked), timedOut, failed };
}

/** Polls until `count()` reaches `target`; returns when it did (performance.now()), or throws after `timeoutMs`. */
async function waitForCount(count, target, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const n = await count();
    if (n >= target) return performance.now();
    if (performance.now() > deadline) throw new Error(`only ${n} of ${target} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `count` workflows (`start(i)` → handle), `concurrency` starts in flight, and waits for them all; returns
 * per second from the first start to the last completion and, with `done` (resolves to a time), to that time.
 */
async function startAndFinish(count, concurrency, start, done) {
  const started = performance.now();
  const results = [];
  await timed(count, concurrency, async (i) => {
    const result = (await start(i)).result();
    // Handled at once: if a later start fails, the round's error is reported instead of a crash on this rejection.
    result.catch(() => {});
    results.push(result);
  });
  const [doneAt, completedAt] = await Promise.all([done?.(), Promise.all(results).then(() => performance.now())]);
  const perSecond = (at) => count / ((at - started) / 1000);
  return { perSecond: perSecond(doneAt ?? completedAt), completionsPerSecond: perSecond(completedAt) };
}

const leadOf = (id) => sampleLead({ id, owner: null });

function runInput(run) {
  return { ...run, playbookVersion: 1, graph: oneTouch, lead: leadOf(run.leadId), paused: false, timeScale: 1 };
}

async function main() {
  const pg = await benchPostgres();
  const temporal = await benchTemporal();
  const databaseName = `bench_playbook_runs_${Date.now().toString(36)}`;
  const databaseUrl = pg.adminUrl.replace(/\/postgres$/, `/${databaseName}`);
  await ensureDatabase(pg.adminUrl, databaseName);
  await runMigrations(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  try {
    // Baseline: starts of a workflow with an empty input (no worker polls this queue, so only the start is measured).
    const emptyStarts = await timed(RUNS, CONCURRENCY, (i) =>
      client.workflow.start('benchEmptyWorkflow', {
        args: [],
        taskQueue: `${taskQueue}-empty`,
        workflowId: `empty-${i}-${randomUUID()}`,
      }),
    );
    const runs = await seedRuns(pool, RUNS, 'start');
    const runStarts = await timed(RUNS, CONCURRENCY, (i) =>
      client.workflow.start('playbookRunWorkflow', {
        args: [runInput(runs[i])],
        taskQueue,
        workflowId: `bench-run-${runs[i].runId}`,
      }),
    );
    const cpuOf = (phase) => measureCpu(process.pid, databaseUrl, phase, { temporalServer: temporal.process.pid });

    // Baseline: a bare one-activity workflow, started and completed.
    const bareQueue = `${taskQueue}-bare`;
    const bareBundle = await bundleWorkflowCode({
      workflowsPath: join(root, 'bench', 'segment-to-run-baseline.workflow.mjs'),
      logger: new DefaultLogger('WARN'),
    });
    const bareConnection = await NativeConnection.connect({ address: temporal.address });
    const bareWorker = await Worker.create({
      connection: bareConnection,
      taskQueue: bareQueue,
      workflowBundle: bareBundle,
      activities: { markStarted: async () => undefined },
      // The run queue's options (apps/worker/src/create-worker.ts), so only Segflow's own work differs.
      ...RUN_QUEUE_WORKFLOW_TASK_OPTIONS,
    });
    const bareId = (round, i) => `bare-${round}-${i}-${taskQueue}`;
    const bareRound = (round, count) =>
      startAndFinish(count, CONCURRENCY, (i) =>
        client.workflow.start('benchEmptyWorkflow', { args: [], taskQueue: bareQueue, workflowId: bareId(round, i) }),
      ).then((r) => ({ ...r, workflowIds: Array.from({ length: count }, (_, i) => bareId(round, i)) }));

    // Figure: one-touch playbook runs, through the worker's own wiring; touches are recorded, not sent, and not rate-limited.
    const touchQueue = `${taskQueue}-touch`;
    const config = {
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: touchQueue,
      EMAIL_FROM_DOMAIN: 'bench.test',
      EMAIL_MAX_PER_SECOND: 10_000,
      WHATSAPP_MAX_PER_SECOND: 10_000,
    };
    const { worker, connection: workerConnection } = await createWorker({
      config,
      pool,
      touchProvider: recordingTouchProvider,
      workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
    });
    const sent = async (runIds) =>
      Number(
        (await pool.query(`SELECT count(*) FROM touches WHERE status = 'sent' AND run_id = ANY($1)`, [runIds])).rows[0]
          .count,
      );
    // Runs of `batch` (seeded beforehand, so a round's CPU figures hold only what its rate times).
    const touchRound = async (batch) => {
      const count = batch.length;
      const runIds = batch.map((r) => r.runId);
      return startAndFinish(
        count,
        CONCURRENCY,
        (i) =>
          client.workflow.start('playbookRunWorkflow', {
            args: [runInput(batch[i])],
            taskQueue: touchQueue,
            workflowId: `bench-run-${batch[i].runId}`,
          }),
        () => waitForCount(() => sent(runIds), count, 300_000),
      ).then((r) => ({ ...r, workflowIds: runIds.map((id) => `bench-run-${id}`) }));
    };

    // Both workers poll throughout; the phases alternate, one at a time, so drift in the machine's load hits both.
    const rounds = await bareWorker.runUntil(() =>
      worker.runUntil(async () => {
        await bareRound('warm', WARM_UP);
        await touchRound(await seedRuns(pool, WARM_UP, 'rwarm'));
        const out = [];
        for (let r = 0; r < ROUNDS; r += 1) {
          const bare = await cpuOf(() => bareRound(r, RUNS));
          const batch = await seedRuns(pool, RUNS, `r${r}`);
          out.push({ bare, touch: await cpuOf(() => touchRound(batch)) });
        }
        return out;
      }),
    );
    await bareConnection.close();
    await workerConnection.close();
    // Per second over all rounds: total workflows over total time.
    const overall = (side, key) => (RUNS * ROUNDS) / rounds.reduce((sum, r) => sum + RUNS / r[side].result[key], 0);
    const touchesPerSecond = overall('touch', 'perSecond');
    const bareCompletions = overall('bare', 'completionsPerSecond');
    // What Temporal does per workflow on each side: events in one history, by type.
    const historyEvents = {
      touchRun: await historyShape(client, rounds[0].touch.result.workflowIds[0]),
      bare: await historyShape(client, bareId(0, 0)),
    };
    // Where a round's time went in Temporal, per round and side: workflow tasks waiting for and inside the worker.
    const workflowTasks = [];
    for (const { bare, touch } of rounds) {
      workflowTasks.push({
        touch: await workflowTaskLatencies(client, touch.result.workflowIds),
        bare: await workflowTaskLatencies(client, bare.result.workflowIds),
      });
    }
    const steps = interpreterStepsPerSecond();
    const result = {
      name: 'playbook-runs',
      figure: {
        runsStartedPerSecond: round(runStarts),
        touchesPerSecond: round(touchesPerSecond),
        interpreterStepsPerSecond: Math.round(steps),
      },
      baseline: {
        emptyWorkflowStartsPerSecond: round(emptyStarts),
        bareOneActivityCompletionsPerSecond: round(bareCompletions),
      },
      ratio: { runsStarted: round(runStarts / emptyStarts, 3), touches: round(touchesPerSecond / bareCompletions, 3) },
      runs: RUNS,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      // Each round: per second, and CPU ms of this process (both workers and the client), the Temporal server and the
      // bench database's backends.
      perRound: rounds.map(({ bare, touch }, i) => ({
        touchesPerSecond: round(touch.result.perSecond),
        touchRunCompletionsPerSecond: round(touch.result.completionsPerSecond),
        bareCompletionsPerSecond: round(bare.result.completionsPerSecond),
        ratio: round(touch.result.perSecond / bare.result.completionsPerSecond, 3),
        cpu: { touches: cpuMs(touch.cpu), bare: cpuMs(bare.cpu) },
        workflowTasks: workflowTasks[i],
      })),
      historyEvents,
      note: 'touches: first run start → last touch sent (createWorker, recording provider for email); baseline: first start → last completion of a workflow running one no-op activity; same count, concurrency, Temporal; rounds alternate after a warm-up; figures over all rounds',
      machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
      date: new Date().toISOString(),
    };
    const resultsDir = process.env.SEGFLOW_BENCH_RESULTS_DIR ?? join(root, 'bench', 'results');
    writeFileSync(join(resultsDir, 'playbook-runs.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } catch (error) {
    // Reported before the clean-up: a call still retrying when the connection closes throws from its timer and ends
    // the process, which hid the round's own error.
    fail(error);
  } finally {
    await connection.close();
    await pool.end();
    await temporal.stop();
    await pg.stop();
  }
}

const cpuMs = ({ wallMs, apiMs, ...rest }) => ({ wallMs, benchProcessMs: apiMs, ...rest });
const round = (x, digits = 1) => Number(x.toFixed(digits));

function fail(error) {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
}

main().catch((error) => {
  fail(error);
  process.exit(1);
});
