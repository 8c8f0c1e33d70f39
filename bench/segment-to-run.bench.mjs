// Question: how long from a segment change to the playbook run it triggers having started (target p99 ≤ 200 ms)?
// Leads are moved between segments by events posted at a steady rate through POST /api/events (the built API as a
// child process, outbox dispatcher on), each segment is bound to a published playbook, and the built worker runs
// as its own process. Per segment change:
//   from  the membership's entered_at: the moment the ingest flush decided the change, inside the transaction
//         that commits it, so the figure also counts the rest of that transaction and its commit (an upper bound);
//         `fromAnswer` starts instead when POST /api/events answered (after the commit: a lower bound);
//   to    the run's first workflow task completed (Temporal history): the workflow exists and its code ran,
//         which is what "run started" means; the run is visible in Postgres before (the API writes the run's row
//         with its starting state in the transaction that creates it, before it starts the workflow).
// Baseline, same run, same rate: a bare `client.workflow.start` of a workflow that runs one no-op activity, from the
// call to that activity started (and to its first workflow task completed), on a worker in this process.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  benchServices,
  createDatabase,
  findPid,
  measureCpu,
  openLoop,
  require,
  root,
  round,
  startApi,
  summary,
  waitForOutboxDrained,
  withClient,
  writeResult,
} from './ingest-harness.mjs';

const { Client, Connection } = require('@temporalio/client');
const {
  Worker,
  NativeConnection,
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  makeTelemetryFilterString,
} = require('@temporalio/worker');
const { buildPlaybook } = require('@segflow/playbook/testing');

const RATE = Number(process.env.BENCH_SEGMENT_RUN_RATE ?? 10); // segment-changing requests per second
const SECONDS = Number(process.env.BENCH_SEGMENT_RUN_SECONDS ?? 30);
const MOVERS = Math.max(1, Math.round((RATE * SECONDS) / 4)); // four moves each
const DAY_MS = 86_400_000;
const POPULATION = 30;

// The population of e2e/support/segment-moves.ts (k = 3: quiet, email-active, WhatsApp-active) and its mover path,
// whose four steps each change the mover's segment: none → quiet → WhatsApp → email → WhatsApp.
const firmographics = { industry: 'saas', headcount: 40, country: 'IN', city: 'Pune', timezone: 'Asia/Kolkata' };
const lead = (externalId) => ({
  externalId,
  name: 'Asha Rao',
  company: 'Surat Silks',
  email: `${externalId}@bench.test`,
  phone: '+919812345678',
  consent: { email: true, whatsapp: true, linkedin: true },
  ...firmographics,
});
const channelType = (channel, n, replyEvery) =>
  n % replyEvery === replyEvery - 1 ? `${channel}_reply` : channel === 'email' ? 'email_click' : 'whatsapp_read';
const MOVES = [
  { channel: 'email', count: 2, replyEvery: 4 },
  { channel: 'whatsapp', count: 5, replyEvery: 4 },
  { channel: 'email', count: 8, replyEvery: 4 },
  { channel: 'whatsapp', count: 30, replyEvery: 2 },
];

function moveEvents(externalId, step) {
  const before = MOVES.slice(0, step).reduce((sum, m) => sum + m.count, 0);
  const move = MOVES[step];
  return Array.from({ length: move.count }, (_, i) => {
    const seq = before + i;
    return {
      eventId: `${externalId}-m${seq}`,
      leadExternalId: externalId,
      type: channelType(move.channel, seq, move.replyEvery),
      occurredAt: new Date(Date.now() - ((seq * 7) % 10) * DAY_MS - 60_000).toISOString(),
    };
  });
}

async function seedAndTrain(api) {
  const now = Date.now();
  for (const channel of ['email', 'whatsapp']) {
    const ids = Array.from({ length: POPULATION }, (_, i) => `pop-${channel}-${i}`);
    await api.request('POST', '/api/leads', { leads: ids.map(lead) });
    const events = ids.flatMap((id, i) =>
      Array.from({ length: 1 + ((i * 7) % POPULATION) }, (_, n) => ({
        eventId: `${id}-${n}`,
        leadExternalId: id,
        type: channelType(channel, n, 4),
        occurredAt: new Date(now - ((n * 13 + i) % 20) * DAY_MS - 60_000).toISOString(),
      })),
    );
    await api.request('POST', '/api/events', { events });
  }
  const model = await api.request('POST', '/api/segments/retrain', { k: 3, seed: 7 });
  // The model's status may leave `training` a moment before its segments are listed: wait for the segments.
  for (let i = 0; ; i += 1) {
    const segments = await api.request('GET', '/api/segments');
    if (segments.length === 3) return segments.map((s) => s.id);
    if (i > 600) throw new Error(`model ${model.id}: ${segments.length} segments listed after 2 min`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// entry → wait 1 h → branch on a reply → exit: the run starts with a timer and no activity, so nothing but the start
// is timed. The branch makes its runs hear replies (eventTypesHeardBy), so the movers' replies are signalled to their
// running runs beside the starts, as a playbook that follows up on replies would be; their clicks and reads are not.
const replied = {
  op: 'or',
  conditions: [
    { op: 'eventSeen', eventType: 'email_reply' },
    { op: 'eventSeen', eventType: 'whatsapp_reply' },
  ],
};
const playbook = buildPlaybook({
  settings: { goalEvents: ['demo_booked'], reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
  nodes: [
    { id: 'hold', type: 'wait', config: { mode: 'duration', minutes: 60 } },
    { id: 'replied', type: 'branch', config: { condition: replied } },
    { id: 'warm', type: 'exit', config: { reason: 'replied' } },
    { id: 'cold', type: 'exit', config: { reason: 'silent' } },
  ],
  edges: ['entry.next->hold', 'hold.next->replied', 'replied.yes->warm', 'replied.no->cold'],
});

async function publishAndBind(api, segmentId, name) {
  const created = await api.request('POST', '/api/playbooks', { name });
  await api.request('PUT', `/api/playbooks/${created.id}/draft`, { graph: playbook, revision: created.draftRevision });
  await api.request('POST', `/api/playbooks/${created.id}/publish`, { note: 'bench' });
  await api.request('PUT', `/api/playbooks/${created.id}/binding`, { segmentId, holdoutPercent: 0 });
}

/** Polls `sql` until its row says `done` (or, with `column`, until that column is 0; then returns it after the time is up instead of throwing). */
async function waitUntil(databaseUrl, sql, timeoutMs, column) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await withClient(databaseUrl, async (c) => (await c.query(sql)).rows[0]);
    if (column ? Number(row[column]) === 0 : row.done) return column ? 0 : undefined;
    if (Date.now() > deadline) {
      if (column) return Number(row[column]);
      throw new Error(`timed out waiting for: ${sql}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The workflow's history, or null while it does not exist yet (the API writes the run's row before it starts it). */
async function historyOf(client, workflowId) {
  try {
    return await client.workflow.getHandle(workflowId).fetchHistory();
  } catch (error) {
    if (error.code === 5) return null; // gRPC NOT_FOUND
    throw error;
  }
}

const timestampMs = (ts) => Number(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);

/**
 * Server-side times (history) of a workflow's start, its first workflow task picked up and completed, and (with
 * `withActivity`, waiting for it) its first activity started.
 */
async function firstTaskTimes(client, workflowId, withActivity) {
  for (let attempt = 0; ; attempt += 1) {
    const { events } = (await historyOf(client, workflowId)) ?? { events: [] };
    const created = events.find((e) => e.workflowExecutionStartedEventAttributes);
    const picked = events.find((e) => e.workflowTaskStartedEventAttributes);
    const task = events.find((e) => e.workflowTaskCompletedEventAttributes);
    const activity = events.find((e) => e.activityTaskStartedEventAttributes);
    if (task && (activity || !withActivity))
      return {
        created: timestampMs(created.eventTime),
        picked: timestampMs(picked.eventTime),
        task: timestampMs(task.eventTime),
        activity: activity && timestampMs(activity.eventTime),
      };
    if (attempt > 100)
      throw new Error(
        `workflow ${workflowId} has not completed its first workflow task${withActivity ? ' nor started its first activity' : ''}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function mapConcurrently(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

function startWorkerProcess(env) {
  // SEGFLOW_BENCH_WORKER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the worker under the bench's load.
  const nodeArgs = (process.env.SEGFLOW_BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps/worker/dist/main.js')], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Moves warm-up leads into bound segments, batch after batch, until every worker process has completed a workflow
 * task of their runs (a worker's identity is `pid@host`). Waiting for the first run only left a second worker cold:
 * its bundle load fell inside the measured window (7 s p99 with two workers on start-dev).
 */
async function warmUpWorkers(api, databaseUrl, client, workers) {
  const cold = new Set(workers.map((w) => String(w.pid)));
  for (let batch = 0; cold.size; batch += 1) {
    if (batch === 10) throw new Error(`worker pids ${[...cold]} completed no workflow task in 10 warm-up batches`);
    const warmers = Array.from({ length: 5 * workers.length }, (_, i) => `warmer-${batch}-${i}`);
    await api.request('POST', '/api/leads', { leads: warmers.map(lead) });
    await Promise.all(warmers.map((id) => api.request('POST', '/api/events', { events: moveEvents(id, 0) })));
    const runsSql = `SELECT r.temporal_workflow_id AS id FROM runs r JOIN leads l ON l.id = r.lead_id
      WHERE l.external_id IN (${warmers.map((id) => `'${id}'`).join(', ')}) AND r.temporal_workflow_id IS NOT NULL`;
    await waitUntil(databaseUrl, `SELECT count(*) > 0 AS done FROM (${runsSql}) runs`, 300_000);
    // Until each of this batch's runs has completed a workflow task (or 5 minutes), noting which worker did.
    for (let waited = 0; cold.size && waited <= 300_000; waited += 500) {
      const runs = await withClient(databaseUrl, async (c) => (await c.query(runsSql)).rows);
      let started = 0;
      for (const { id } of runs) {
        const completed = (await historyOf(client, id))?.events.filter((e) => e.workflowTaskCompletedEventAttributes);
        if (completed?.length) started += 1;
        for (const e of completed ?? []) cold.delete(e.workflowTaskCompletedEventAttributes.identity.split('@')[0]);
      }
      if (started === runs.length && started > 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function measureSegmentToRun({ databaseUrl, temporalAddress, client }) {
  const taskQueue = `bench-s2r-${randomUUID().slice(0, 8)}`;
  const api = await startApi({ databaseUrl, temporalAddress, env: { TEMPORAL_TASK_QUEUE: taskQueue } });
  // WORKER_REPLICAS (as `npm start` reads it): that many worker processes on the queue; CPU is measured for the first.
  const workerEnv = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue };
  const [worker, ...moreWorkers] = Array.from({ length: Number(process.env.WORKER_REPLICAS ?? 1) }, () =>
    startWorkerProcess(workerEnv),
  );
  try {
    const segments = await seedAndTrain(api);
    for (const [i, segmentId] of segments.entries()) await publishAndBind(api, segmentId, `Bench ${i}`);
    const movers = Array.from({ length: MOVERS }, (_, i) => `mover-${i}`);
    for (let i = 0; i < movers.length; i += 500)
      await api.request('POST', '/api/leads', { leads: movers.slice(i, i + 500).map(lead) });
    // Warm up: each worker process loads its workflow bundle on its first tasks (seconds on a loaded machine), so
    // measure only once every one of them has completed a workflow task, and preferably once every lead's intake
    // workflow has finished.
    await warmUpWorkers(api, databaseUrl, client, [worker, ...moreWorkers]);
    // Best effort: on a saturated machine the intake backlog may outlast this; the result records what was left.
    const intakesLeft = await waitUntil(
      databaseUrl,
      `SELECT (SELECT count(*) FROM leads) - (SELECT count(*) FROM lead_intakes) AS left, false AS done`,
      120_000,
      'left',
    );
    await waitForOutboxDrained(databaseUrl);
    const since = new Date();

    // Request i moves mover i % MOVERS one step, so a mover's steps are MOVERS / RATE seconds apart.
    const answeredAt = new Map();
    const temporal = findPid('temporal', 'server', `--port ${temporalAddress.split(':').pop()}`);
    const {
      result: [moved, backlog],
      cpu,
    } = await measureCpu(
      api.pid,
      databaseUrl,
      async () => {
        const loop = await openLoop(MOVERS * MOVES.length, RATE, async (i) => {
          const events = moveEvents(movers[i % MOVERS], Math.floor(i / MOVERS));
          await api.request('POST', '/api/events', { events });
          const at = Date.now();
          for (const e of events) answeredAt.set(e.eventId, at);
        });
        return [loop, await waitForOutboxDrained(databaseUrl, 120_000)];
      },
      { worker: worker.pid, ...(temporal ? { temporalServer: temporal } : {}) },
    );
    const changes = await withClient(
      databaseUrl,
      async (c) =>
        (
          await c.query(
            `SELECT m.entered_at, m.trigger_event_id, r.temporal_workflow_id, r.started_at AS run_row_at, o.claimed_at
       FROM segment_memberships m LEFT JOIN runs r ON r.membership_id = m.id::text
       LEFT JOIN outbox o ON o.kind = 'segment_entered' AND o.payload->>'membershipId' = m.id::text
       WHERE m.enter_reason = 'event' AND m.entered_at >= $1`,
            [since],
          )
        ).rows,
    );
    // The load beside the starts: lead events the dispatcher delivered to the movers' running runs meanwhile.
    const leadEventRows = await withClient(
      databaseUrl,
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'lead_event' AND created_at >= $1`, [since]))
          .rows[0].n,
    );
    const withoutRun = changes.filter((c) => !c.temporal_workflow_id).length;
    const started = changes.filter((c) => c.temporal_workflow_id);
    const times = await mapConcurrently(started, 8, (c) => firstTaskTimes(client, c.temporal_workflow_id, false));
    const from = started.map((c) => c.entered_at.getTime());
    const answered = started.map((c) => answeredAt.get(c.trigger_event_id));
    return {
      toRunStarted: summary(times.map((t, i) => t.task - from[i])),
      fromAnswerToRunStarted: summary(times.map((t, i) => t.task - answered[i]).filter(Number.isFinite)),
      // Where the time goes, stage by stage (each stage's own percentiles; they do not add up exactly).
      stages: {
        changeToClaim: summary(started.map((c, i) => c.claimed_at.getTime() - from[i])),
        claimToRunRow: summary(started.map((c) => c.run_row_at.getTime() - c.claimed_at.getTime())),
        runRowToWorkflowStarted: summary(times.map((t, i) => t.created - started[i].run_row_at.getTime())),
        workflowStartedToTaskPickedUp: summary(times.map((t) => t.picked - t.created)),
        taskPickedUpToCompleted: summary(times.map((t) => t.task - t.picked)),
      },
      segmentChanges: changes.length,
      changesWithoutRun: withoutRun,
      leadIntakesStillRunningAtStart: intakesLeft,
      achievedRequestsPerSecond: round(moved.achievedRate),
      failedRequests: moved.failed,
      outboxBacklogAfter: backlog,
      leadEventRows,
      // CPU of each process from the first request until the outbox was drained (runs may still be starting then).
      cpu,
    };
  } finally {
    await Promise.all([worker, ...moreWorkers].map((w) => w.stop()));
    await api.stop();
  }
}

async function measureBareStart({ temporalAddress, client }) {
  const taskQueue = `bench-s2r-empty-${randomUUID().slice(0, 8)}`;
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: join(root, 'bench', 'segment-to-run-baseline.workflow.mjs'),
    logger: new DefaultLogger('WARN'),
  });
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle,
    activities: { markStarted: async () => undefined },
  });
  const running = worker.run();
  try {
    const count = RATE * SECONDS;
    const calledAt = new Array(count);
    const ids = Array.from({ length: count }, () => `bench-empty-${randomUUID()}`);
    const started = await openLoop(count, RATE, async (i) => {
      calledAt[i] = Date.now();
      await client.workflow.start('benchEmptyWorkflow', { taskQueue, workflowId: ids[i], args: [] });
    });
    const times = await mapConcurrently(ids, 8, (id) => firstTaskTimes(client, id, true));
    return {
      stages: {
        callToWorkflowStarted: summary(times.map((t, i) => t.created - calledAt[i])),
        workflowStartedToTaskPickedUp: summary(times.map((t) => t.picked - t.created)),
      },
      toFirstTask: summary(times.map((t, i) => t.task - calledAt[i])),
      toFirstActivity: summary(times.map((t, i) => t.activity - calledAt[i])),
      achievedStartsPerSecond: round(started.achievedRate),
      failedStarts: started.failed,
    };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}

async function main() {
  const { adminUrl, temporalAddress } = benchServices();
  Runtime.install({
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  try {
    const databaseUrl = await createDatabase(adminUrl, 'bench_segment_to_run');
    const segmentToRun = await measureSegmentToRun({ databaseUrl, temporalAddress, client });
    const bareStart = await measureBareStart({ temporalAddress, client });
    writeResult('segment-to-run', {
      figure: segmentToRun.toRunStarted.p99,
      baseline: bareStart.toFirstActivity.p99,
      unit: 'ms p99, segment change → run started',
      details: {
        segmentToRun,
        bareStart,
        requestsPerSecond: RATE,
        seconds: SECONDS,
        movers: MOVERS,
        note: 'figure: membership entered_at (in the committing ingest transaction) → first workflow task completed of the run (Temporal history); baseline: client.workflow.start of a one-activity workflow → that activity started (Temporal history), same rate, worker in the bench process',
      },
    });
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
