// How many emails a second does the worker's delivery path send? `node bench/email-send.bench.mjs` after the build
// (starts its own PostgreSQL unless SEGFLOW_BENCH_DATABASE_URL is set).
// Figure: emails/s through deliverTouch — the worker's activity as it runs in production: consent and suppression
// check, the queued send intent, the pooled SMTP provider (HTML made from the text, links signed and rewritten,
// DKIM-signed), the `sent` record — into an in-process SMTP server. Baseline: nodemailer with the same pooled, DKIM-
// signing transport sending the same rendered messages straight to the same server, in the same run. Both at the same
// concurrency. Temporal's scheduling of the activity is not in either (bench/playbook-runs measures runs end to end).
// Writes bench/results/email-send.json.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { benchPostgres, createDatabase, require, timed, writeResult } from './ingest-harness.mjs';

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
const { hmacSigner } = require(join(root, 'apps/worker/dist/touch-providers.js'));

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
    dkim: { domainName: settings.fromDomain, keySelector: dkim.selector, privateKey: dkim.privateKey },
  });
  try {
    const inputs = await seedTouches(pool, EMAILS);
    const { deliverTouch } = createPlaybookTouchActivities({ pool, provider, messageIdDomain: settings.fromDomain });
    // Warm-up: connections opened, code paths optimised, on both paths.
    const warm = await seedTouches(pool, 100);
    await timed(warm.length, CONCURRENCY, (i) => deliverTouch(warm[i]));
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
    await timed(100, CONCURRENCY, (i) => direct.sendMail(messages[i]));
    const before = smtp.received();
    // Alternating rounds, so load from outside (a shared machine) weighs on both paths alike.
    const seconds = { baseline: 0, figure: 0 };
    const perRound = EMAILS / ROUNDS;
    for (let round = 0; round < ROUNDS; round += 1) {
      const at = round * perRound;
      seconds.baseline += perRound / (await timed(perRound, CONCURRENCY, (i) => direct.sendMail(messages[at + i])));
      seconds.figure += perRound / (await timed(perRound, CONCURRENCY, (i) => deliverTouch(inputs[at + i])));
    }
    const [baseline, figure] = [EMAILS / seconds.baseline, EMAILS / seconds.figure];
    const sent = Number((await pool.query(`SELECT count(*) FROM touches WHERE status = 'sent'`)).rows[0].count);
    if (sent !== EMAILS + warm.length || smtp.received() - before !== 2 * EMAILS)
      throw new Error(`expected ${2 * EMAILS} messages, got ${smtp.received() - before} (${sent} touches sent)`);
    writeResult('email-send', {
      figure: Math.round(figure),
      baseline: Math.round(baseline),
      unit: 'emails/s (worker delivery path vs nodemailer straight to the same SMTP server)',
      details: { emails: EMAILS, concurrency: CONCURRENCY, rounds: ROUNDS, dkim: true },
    });
  } finally {
    provider.close();
    direct.close();
    await smtp.close();
    await pool.end();
    await stopPg();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
