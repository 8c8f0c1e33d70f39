// How many emails a second does the worker send? `node bench/email-send.bench.mjs` after the build (starts its own
// PostgreSQL and Temporal dev server unless `npm run bench` provides them).
// Figures, each against the same baseline:
// - throughTemporal: the path a playbook run's email takes once the run exists — 20 long-lived workflows
//   (bench/email-send.workflow.mjs), each scheduling deliverTouch for its share of the emails one after another on the
//   `<queue>-email` task queue, where the worker's own wiring (createWorker, its channel queue worker,
//   EMAIL_MAX_PER_SECOND at 10,000 so the rate limit never binds) runs it; timed from the workflows' start to their
//   completion, so 20 deliveries are in flight as on the other paths. A workflow per email measured Temporal's
//   workflow start instead (0.196×, as slow as a no-op activity in that shape);
// - activityDirect: deliverTouch called in this process, without Temporal.
// deliverTouch is the activity as it runs in production: consent and suppression check, the queued send intent, the
// pooled SMTP provider (HTML made from the text, links signed and rewritten, DKIM-signed), the `sent` record — into an
// in-process SMTP server. Baseline: nodemailer with the same pooled, DKIM-signing transport (its sockets without
// Nagle's delay, as the provider's) sending the same rendered messages straight to the same server, in the same run.
// Beside it, Temporal's own floor: the same workflows with a no-op activity on a queue of its own. All four 20 at a
// time, in alternating rounds, each phase with its CPU by process.
// Writes bench/results/email-send.json.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  benchPostgres,
  benchTemporal,
  createDatabase,
  measureCpu,
  require,
  timed,
  writeResult,
} from './ingest-harness.mjs';

const root = join(import.meta.dirname, '..');
const { Pool } = require('pg');
const { createTransport } = require('nodemailer');
const { SMTPServer } = require('smtp-server');
const { runMigrations } = require(join(root, 'apps/api/dist/database/data-source.js'));
const { createPlaybookTouchActivities } = require(
  join(root, 'apps/worker/dist/activities/playbook-touch.activities.js'),
);
const { createSmtpTouchProvider } = require(join(root, 'apps/worker/dist/email/smtp-touch-provider.js'));
const { buildEmailMessage } = require(join(root, 'apps/worker/dist/email/email-message.js'));
const { connectWithoutDelay } = require(join(root, 'apps/worker/dist/email/smtp-socket.js'));
const { hmacSigner } = require(join(root, 'apps/worker/dist/touch-providers.js'));
const { createWorker, RUN_QUEUE_WORKFLOW_TASK_OPTIONS } = require(join(root, 'apps/worker/dist/create-worker.js'));
const { WORKFLOW_BUNDLE_PATH } = require(join(root, 'apps/worker/dist/workflow-bundle.js'));
const { channelTaskQueue } = require(join(root, 'libs/workflow-contracts/dist/index.js'));
const { Client, Connection } = require('@temporalio/client');
const { Worker, bundleWorkflowCode, DefaultLogger } = require('@temporalio/worker');

const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const CONCURRENCY = 20;
const ROUNDS = 5;
const BODY =
  'Hi Asha,\n\nThanks for looking at our pricing: https://segflow.test/pricing?plan=pro\n\nBook a call: https://segflow.test/demo\n\n— Meera';

async function startSmtpServer() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 100,
    // Pooled connections sit idle while the other paths' rounds run; the default 60 s would close them (421).
    socketTimeout: 600_000,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received: () => received,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function seedTouches(pool, count) {
  const {
    rows: [pb],
  } = await pool.query(`INSERT INTO playbooks (name, draft) VALUES ('bench', '{}') RETURNING id`);
  const {
    rows: [version],
  } = await pool.query(
    `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
    [pb.id],
  );
  const { rows: leads } = await pool.query(
    `INSERT INTO leads (external_id, name, email, consent) SELECT 'bench-' || gen_random_uuid(), 'Asha', 'asha' || g || '@suratsilks.in', '{"email":true}' FROM generate_series(1, $1::int) g RETURNING id`,
    [count],
  );
  const { rows: runs } = await pool.query(
    `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id)
     SELECT l, $2, $3, 1, 'bench-' || l FROM unnest($1::uuid[]) l RETURNING id, lead_id AS "leadId"`,
    [leads.map((l) => l.id), pb.id, version.id],
  );
  return runs.map(({ id: runId, leadId }) => ({
    runId,
    command: {
      kind: 'sendTouch',
      idempotencyKey: `${runId}:hello:1`,
      nodeId: 'hello',
      visit: 1,
      leadId,
      channel: 'email',
      subject: 'Pricing for Surat Silks',
      body: BODY,
      sender: { kind: 'owner', ownerId: null, name: 'Meera Kulkarni', address: 'meera@segflow.local' },
    },
    // As an uncapped playbook's touch: the lead's day count is kept all the same.
    slot: { timeZone: 'Asia/Kolkata', now: new Date().toISOString(), cap: null },
  }));
}

async function main() {
  const { adminUrl, stop: stopPg } = await benchPostgres();
  const temporal = await benchTemporal();
  const databaseUrl = await createDatabase(adminUrl, 'bench_email_send');
  await runMigrations(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const smtp = await startSmtpServer();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dkim = { selector: 'bench', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  const settings = {
    publicUrl: 'https://app.segflow.test',
    fromDomain: 'mail.segflow.test',
    inboundDomain: 'reply.segflow.test',
    trackOpens: false,
    sign: hmacSigner(randomUUID()),
  };
  const provider = createSmtpTouchProvider({ smtpUrl: smtp.url, settings, dkim });
  const direct = createTransport({
    host: '127.0.0.1',
    port: Number(new URL(smtp.url).port),
    secure: false,
    pool: true,
    getSocket: connectWithoutDelay,
    dkim: { domainName: settings.fromDomain, keySelector: dkim.selector, privateKey: dkim.privateKey },
  });
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const taskQueue = `bench-email-${randomUUID().slice(0, 8)}`;
  // The worker's own wiring, on the same provider; the run queue's workflows stay idle here.
  const { worker, connection: workerConnection } = await createWorker({
    config: {
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: taskQueue,
      EMAIL_FROM_DOMAIN: settings.fromDomain,
      EMAIL_MAX_PER_SECOND: 10_000,
      WHATSAPP_MAX_PER_SECOND: 10_000,
    },
    pool,
    touchProvider: provider,
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
  });
  const benchQueue = `${taskQueue}-bench`;
  const benchWorker = await Worker.create({
    connection: workerConnection,
    taskQueue: benchQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: join(import.meta.dirname, 'email-send.workflow.mjs'),
      logger: new DefaultLogger('WARN'),
    }),
    ...RUN_QUEUE_WORKFLOW_TASK_OPTIONS,
  });
  // Temporal's own floor: the same workflow, its activity a no-op on a queue of its own.
  const noOpQueue = `${taskQueue}-noop`;
  const noOpWorker = await Worker.create({
    connection: workerConnection,
    taskQueue: noOpQueue,
    activities: { deliverTouch: async () => ({ kind: 'ok' }) },
  });
  // CONCURRENCY workflows share the inputs; each delivers its share one email at a time. Emails per second.
  const viaQueue = (activityQueue, prefix) => async (inputs) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, k) =>
        client.workflow.execute('benchDeliverEmails', {
          args: [inputs.filter((_, i) => i % CONCURRENCY === k), activityQueue],
          taskQueue: benchQueue,
          workflowId: `${prefix}-${randomUUID()}`,
        }),
      ),
    );
    return inputs.length / ((performance.now() - started) / 1000);
  };
  const throughTemporal = viaQueue(channelTaskQueue(taskQueue, 'email'), 'bench-email');
  const noOp = viaQueue(noOpQueue, 'bench-noop');
  try {
    const viaWorker = await seedTouches(pool, EMAILS);
    const inputs = await seedTouches(pool, EMAILS);
    const { deliverTouch } = createPlaybookTouchActivities({ pool, provider, messageIdDomain: settings.fromDomain });
    // The baseline sends exactly what the worker sends (same builder), minus the delivery's bookkeeping.
    const messages = inputs.map((input, i) =>
      buildEmailMessage(
        {
          touchId: randomUUID(),
          leadId: input.command.leadId,
          idempotencyKey: input.command.idempotencyKey,
          messageId: `<bench.${i}@mail.segflow.test>`,
          channel: 'email',
          to: `asha${i}@suratsilks.in`,
          from: input.command.sender,
          subject: input.command.subject,
          body: BODY,
          html: null,
          whatsappTemplate: null,
        },
        settings,
      ),
    );
    const warm = [await seedTouches(pool, 100), await seedTouches(pool, 100)];
    const perRound = EMAILS / ROUNDS;
    const measure = async () => {
      // Warm-up: connections opened, code paths optimised, on every path.
      await timed(100, CONCURRENCY, (i) => deliverTouch(warm[0][i]));
      await throughTemporal(warm[1]);
      await timed(100, CONCURRENCY, (i) => direct.sendMail(messages[i]));
      await noOp(warm[1]);
      const before = smtp.received();
      // Alternating rounds, so load from outside (a shared machine) weighs on every path alike. Each phase's CPU too:
      // whether a path waits (the machine idles) or works (both cores busy), and in which process.
      const out = [];
      const cpu = {};
      const phase = async (side, run) => {
        const { result, cpu: used } = await measureCpu(process.pid, databaseUrl, run, {
          temporalServer: temporal.process.pid,
        });
        const { wallMs: _, apiMs: benchProcessMs, ...rest } = used;
        for (const [name, ms] of Object.entries({ benchProcessMs, ...rest }))
          (cpu[side] ??= {})[name] = (cpu[side][name] ?? 0) + ms;
        return result;
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        const at = round * perRound;
        out.push({
          baseline: await phase('baseline', () =>
            timed(perRound, CONCURRENCY, (i) => direct.sendMail(messages[at + i])),
          ),
          activityDirect: await phase('activityDirect', () =>
            timed(perRound, CONCURRENCY, (i) => deliverTouch(inputs[at + i])),
          ),
          throughTemporal: await phase('throughTemporal', () => throughTemporal(viaWorker.slice(at, at + perRound))),
          noOpActivity: await phase('noOpActivity', () => noOp(viaWorker.slice(at, at + perRound))),
        });
      }
      if (smtp.received() - before !== 3 * EMAILS)
        throw new Error(`expected ${3 * EMAILS} messages, the SMTP server got ${smtp.received() - before}`);
      const perEmail = (ms) => Math.round((ms / EMAILS) * 100) / 100;
      return {
        rounds: out,
        cpuMsPerEmail: Object.fromEntries(
          Object.entries(cpu).map(([side, by]) => [
            side,
            Object.fromEntries(Object.entries(by).map(([name, ms]) => [name, perEmail(ms)])),
          ]),
        ),
      };
    };
    const { rounds, cpuMsPerEmail } = await worker.runUntil(() =>
      benchWorker.runUntil(() => noOpWorker.runUntil(measure)),
    );
    // Per second over all rounds: total emails over total time.
    const overall = (side) => EMAILS / rounds.reduce((sum, r) => sum + perRound / r[side], 0);
    const [baseline, directPerSecond, temporalPerSecond, noOpPerSecond] = [
      'baseline',
      'activityDirect',
      'throughTemporal',
      'noOpActivity',
    ].map(overall);
    const sent = Number((await pool.query(`SELECT count(*) FROM touches WHERE status = 'sent'`)).rows[0].count);
    if (sent !== 2 * EMAILS + 200) throw new Error(`expected ${2 * EMAILS + 200} touches sent, got ${sent}`);
    const ratio = (x, of = baseline) => Math.round((x / of) * 1000) / 1000;
    writeResult('email-send', {
      figure: { throughTemporal: Math.round(temporalPerSecond), activityDirect: Math.round(directPerSecond) },
      baseline: { nodemailer: Math.round(baseline), sameWorkflowNoOpActivity: Math.round(noOpPerSecond) },
      ratio: {
        throughTemporal: ratio(temporalPerSecond),
        activityDirect: ratio(directPerSecond),
        throughTemporalVsNoOp: ratio(temporalPerSecond, noOpPerSecond),
      },
      unit: "emails/s: 20 workflows → deliverTouch on the worker's email task queue → SMTP, and deliverTouch called directly, vs nodemailer straight to the same SMTP server",
      details: {
        emails: EMAILS,
        concurrency: CONCURRENCY,
        rounds: ROUNDS,
        dkim: true,
        emailMaxPerSecond: 10_000,
        workflows: CONCURRENCY,
        perRound: rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))),
        // CPU milliseconds per email of each path, by process (the bench process holds the SMTP sink, nodemailer,
        // deliverTouch and the worker): a path whose total stays far below 1,000 ms / (emails/s) × cores is waiting.
        cpuMsPerEmail,
      },
    });
  } finally {
    await workerConnection.close();
    await connection.close();
    provider.close();
    direct.close();
    await smtp.close();
    await pool.end();
    await temporal.stop();
    await stopPg();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
