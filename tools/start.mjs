// `npm start`: installs what is missing, then starts PostgreSQL, Temporal, the API, the worker and the web app
// with embedded defaults, and prints their URLs. Ctrl-C stops them all; the data in .segflow/ is reused next time.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = join(root, '.segflow');
const { say, fail } = await import('./lib/log.mjs');

function portFromEnv(variable, fallback) {
  const raw = process.env[variable];
  const port = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${variable}=${raw} is not a port number (1-65535)`);
  return port;
}

const ports = {
  api: portFromEnv('API_PORT', 3000),
  web: portFromEnv('WEB_PORT', 5173),
  temporal: portFromEnv('TEMPORAL_PORT', 7233),
  temporalUi: portFromEnv('TEMPORAL_UI_PORT', 8233),
  postgres: portFromEnv('POSTGRES_PORT', 5433),
  mail: portFromEnv('MAIL_SMTP_PORT', 2525),
};
// SEGFLOW_TEMPORAL=server runs the Temporal server on the same PostgreSQL instead of start-dev (SQLite).
const temporalMode = process.env.SEGFLOW_TEMPORAL ?? 'dev';
if (!['dev', 'server'].includes(temporalMode))
  fail(
    `SEGFLOW_TEMPORAL=${temporalMode} must be dev (start-dev, the default) or server (Temporal server on PostgreSQL)`,
  );
const workerReplicas = Number(process.env.WORKER_REPLICAS ?? 1);
if (!Number.isInteger(workerReplicas) || workerReplicas < 1 || workerReplicas > 32)
  fail(`WORKER_REPLICAS=${process.env.WORKER_REPLICAS} must be a whole number from 1 to 32`);
// Each worker is a child of this process, with metrics ports of its own (checked here, before anything starts).
const workerChildren = await import('./lib/worker-replicas.mjs').then(({ workerReplicas: children }) => {
  try {
    return children(workerReplicas, process.env);
  } catch (error) {
    return fail(error.message);
  }
});
// Without a relay of the user's, the API runs the embedded SMTP server as a sandbox that catches every email.
const sandboxMail = !process.env.SMTP_URL;

const stops = [];
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function assertPortsFree() {
  const { isPortFree } = await import('./lib/ports.mjs');
  const wanted = [
    ['API_PORT', ports.api],
    ['WEB_PORT', ports.web],
    ['TEMPORAL_PORT', ports.temporal],
  ];
  if (temporalMode === 'dev') wanted.push(['TEMPORAL_UI_PORT', ports.temporalUi]);
  if (!process.env.DATABASE_URL) wanted.push(['POSTGRES_PORT', ports.postgres]);
  if (sandboxMail) wanted.push(['MAIL_SMTP_PORT', ports.mail]);
  for (const [variable, port] of wanted) {
    if (!(await isPortFree(port)))
      fail(`port ${port} (${variable}) is already in use: stop what uses it or set ${variable} to another port`);
  }
}

// Segflow's database URL, and the admin URL of its server (where the Temporal server on PostgreSQL keeps its own
// databases): with DATABASE_URL, the same server and credentials' `postgres` database.
async function startDatabase() {
  if (process.env.DATABASE_URL) {
    const adminUrl = new URL(process.env.DATABASE_URL);
    adminUrl.pathname = '/postgres';
    return { databaseUrl: process.env.DATABASE_URL, adminUrl: adminUrl.toString() };
  }
  const { startEmbeddedPostgres, ensureDatabase } = await import('./lib/postgres.mjs');
  const pg = await startEmbeddedPostgres({ dataDir: join(stateDir, 'postgres'), port: ports.postgres });
  stops.push(pg.stop);
  await ensureDatabase(pg.adminUrl, 'segflow');
  return { databaseUrl: pg.adminUrl.replace(/\/postgres$/, '/segflow'), adminUrl: pg.adminUrl };
}

async function startTemporal(cli, adminUrl) {
  const logFile = openSync(join(stateDir, 'temporal.log'), 'a');
  if (temporalMode === 'server') {
    const { startTemporalPostgresServer } = await import('./lib/temporal-postgres-server.mjs');
    return startTemporalPostgresServer({ cli, adminUrl, port: ports.temporal, stateDir, logFile });
  }
  const { startTemporalDevServer } = await import('./lib/temporal-server.mjs');
  return startTemporalDevServer({
    cli,
    port: ports.temporal,
    uiPort: ports.temporalUi,
    dbFile: join(stateDir, 'temporal.db'),
    logFile,
  });
}

// The first admin's password: SEGFLOW_ADMIN_PASSWORD, else one generated on the first start and kept (mode 600)
// in .segflow/, so every start can say how to sign in.
function firstAdmin() {
  const email = process.env.SEGFLOW_ADMIN_EMAIL ?? 'admin@segflow.local';
  if (process.env.SEGFLOW_ADMIN_PASSWORD) return { email, password: process.env.SEGFLOW_ADMIN_PASSWORD };
  const file = join(stateDir, 'admin-password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(12).toString('base64url'), { mode: 0o600 });
  return { email, password: readFileSync(file, 'utf8').trim() };
}

// SEGFLOW_SECRET signs unsubscribe/click links and reply addresses: generated once like the admin password and kept,
// so links in mail sent before a restart still work after it.
function segflowSecret() {
  if (process.env.SEGFLOW_SECRET) return process.env.SEGFLOW_SECRET;
  const file = join(stateDir, 'secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

// The API's embedded SMTP server in sandbox mode, and SMTP_URL pointing the worker (and "reply as the lead") at it.
function mailEnv() {
  if (!sandboxMail) return {};
  return {
    INBOUND_SMTP_PORT: String(ports.mail),
    MAIL_SANDBOX: 'on',
    SMTP_URL: `smtp://127.0.0.1:${ports.mail}`,
    INBOUND_EMAIL_DOMAIN: process.env.INBOUND_EMAIL_DOMAIN ?? 'reply.segflow.local',
  };
}

// WhatsApp: with WHATSAPP_ACCESS_TOKEN set, the API and worker talk to Meta as configured. Without it, the API
// serves the WhatsApp sandbox (same Graph API contract, signed webhooks) and the worker sends to it; its secrets are
// generated on the first start and kept (mode 600) in .segflow/, so webhooks signed before a restart still verify.
function whatsappEnv() {
  if (process.env.WHATSAPP_ACCESS_TOKEN) return { env: {}, sandbox: false };
  const file = join(stateDir, 'whatsapp-sandbox.json');
  if (!existsSync(file)) {
    const secret = () => randomBytes(24).toString('base64url');
    const generated = {
      accessToken: secret(),
      appSecret: secret(),
      verifyToken: secret(),
      phoneNumberId: String(100000000000000 + randomBytes(4).readUInt32BE(0)),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  return {
    sandbox: true,
    env: {
      WHATSAPP_SANDBOX: 'on',
      WHATSAPP_API_URL: `http://127.0.0.1:${ports.api}/api/sandbox/whatsapp/v25.0`,
      WHATSAPP_ACCESS_TOKEN: saved.accessToken,
      WHATSAPP_APP_SECRET: saved.appSecret,
      WHATSAPP_VERIFY_TOKEN: saved.verifyToken,
      WHATSAPP_PHONE_NUMBER_ID: saved.phoneNumberId,
    },
  };
}

async function main() {
  const { ensureDependencies } = await import('./lib/ensure-deps.mjs');
  await ensureDependencies(root);
  await assertPortsFree();
  const { ensureTemporalCli } = await import('./lib/temporal-cli.mjs');
  const cli = await ensureTemporalCli();
  const { build } = await import('./lib/build.mjs');
  await build(root);
  mkdirSync(stateDir, { recursive: true });

  const { databaseUrl, adminUrl } = await startDatabase();
  const admin = firstAdmin();
  const whatsapp = whatsappEnv();
  const { run } = await import('./lib/run.mjs');
  const env = {
    DATABASE_URL: databaseUrl,
    API_PORT: String(ports.api),
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    ...(temporalMode === 'dev' ? { TEMPORAL_UI_URL: `http://127.0.0.1:${ports.temporalUi}` } : {}),
    SEGFLOW_ADMIN_EMAIL: admin.email,
    SEGFLOW_ADMIN_PASSWORD: admin.password,
    SEGFLOW_SECRET: segflowSecret(),
    ...mailEnv(),
    ...whatsapp.env,
  };
  await run(process.execPath, ['apps/api/dist/database/migrate.js'], { cwd: root, env: { ...process.env, ...env } });

  const temporal = await startTemporal(cli, adminUrl);
  stops.push(temporal.stop);

  const { startChild } = await import('./lib/children.mjs');
  const onExit = (name, code, signal) => {
    if (stopping) return;
    process.stderr.write(`[segflow] ${name} exited (${signal ?? `code ${code}`}); stopping everything\n`);
    shutdown(1);
  };
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  // API_REPLICAS reaches the API, which forks them onto API_PORT (node:cluster); workers share nothing.
  const workers = workerChildren.map(({ name, env: workerEnv }) => [
    name,
    ['apps/worker/dist/main.js'],
    root,
    workerEnv,
  ]);
  for (const [name, args, cwd, extraEnv] of [
    ['api', ['apps/api/dist/main.js'], root, {}],
    ...workers,
    [
      'web',
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'preview',
        '--host',
        '127.0.0.1',
        '--port',
        String(ports.web),
        '--strictPort',
      ],
      join(root, 'apps/web'),
      { SEGFLOW_API_URL: apiUrl },
    ],
  ]) {
    stops.push(startChild(name, process.execPath, args, { cwd, env: { ...env, ...extraEnv }, onExit }).stop);
  }

  const { waitForHealthy } = await import('./lib/health.mjs');
  await waitForHealthy(`${apiUrl}/api/health`);
  const demoUsersFile = join(stateDir, 'demo-users');
  if (process.env.SEGFLOW_SEED_DEMO !== 'off') {
    // After the worker started, so the runs the seed enrols make progress at once. Idempotent: a second start finds
    // everything in place and creates nothing.
    say('seeding the demo (once): sales team, leads, segments, playbooks…');
    await run(process.execPath, ['tools/seed-demo.mjs', '--users-file', demoUsersFile], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
  }
  const { readDemoUsers, describeDemoUsers } = await import('./lib/demo-users.mjs');
  say('Segflow is running:');
  say(`  web           http://127.0.0.1:${ports.web}`);
  say(`  API           ${apiUrl}/api   (health: ${apiUrl}/api/health)`);
  say(`  API docs      ${apiUrl}/api/docs`);
  if (temporalMode === 'dev') say(`  Temporal UI   http://127.0.0.1:${ports.temporalUi}`);
  else
    say(
      `  Temporal      server on PostgreSQL (databases temporal, temporal_visibility) at 127.0.0.1:${ports.temporal}; no UI`,
    );
  if (process.env.API_REPLICAS || workerReplicas > 1)
    say(`  replicas      API ${process.env.API_REPLICAS ?? 1} on port ${ports.api}, workers ${workerReplicas}`);
  if (sandboxMail)
    say(
      `  mail (sandbox) smtp://127.0.0.1:${ports.mail} — caught mail at http://127.0.0.1:${ports.web}/mail   (nothing is delivered; set SMTP_URL for a real relay)`,
    );
  else say(`  mail          ${process.env.SMTP_URL.replace(/:[^:@/]+@/, ':***@')}`);
  say(`  database      ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  say(`  Temporal log  ${join(stateDir, 'temporal.log')}`);
  say(`  sign in as    ${admin.email} / ${admin.password}   (the first admin, created on the first start)`);
  if (whatsapp.sandbox)
    say(
      `  WhatsApp      SANDBOX (no WHATSAPP_ACCESS_TOKEN): nothing reaches real phones; conversations at http://127.0.0.1:${ports.web}/whatsapp-sandbox`,
    );
  else
    say(
      `  WhatsApp      Cloud API ${process.env.WHATSAPP_API_URL ?? '(graph.facebook.com)'}; Meta's webhook URL: <your public URL>/api/webhooks/whatsapp`,
    );
  for (const line of describeDemoUsers(readDemoUsers(demoUsersFile), demoUsersFile)) say(line);
  say('press Ctrl-C to stop');
}

main().catch(async (error) => {
  process.stderr.write(`[segflow] error: ${error.message}\n`);
  await shutdown(1);
});
