import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startTemporalDevServer } from '../../../tools/lib/temporal-server.mjs';
import { testAdminUrl, testTemporalAddress } from '../../../tools/testing/test-database';
import { ARTIFACTS_DIR } from '../stack';
import { freePort } from '../free-port';

/** PostgreSQL and Temporal under a chaos run; the restarts exist only on instances the run started itself. */
export interface ChaosServices {
  adminUrl: string;
  temporalAddress: string;
  restartPostgres?(): Promise<void>;
  restartTemporal?(): Promise<void>;
  stop(): Promise<void>;
}

/** The jest run's shared PostgreSQL and Temporal: other suites use them, so nothing here may restart them. */
export function sharedServices(): ChaosServices {
  return { adminUrl: testAdminUrl(), temporalAddress: testTemporalAddress(), stop: async () => {} };
}

/**
 * A PostgreSQL and a Temporal dev server of this run's own, on fixed ports, with their data in files that survive a
 * restart (PostgreSQL's data directory, Temporal's SQLite file): a restart is a stop and a start on the same port.
 */
export async function ownServices(temporalCli: string): Promise<ChaosServices> {
  const dir = mkdtempSync(join(tmpdir(), 'segflow-chaos-'));
  const pgPort = await freePort();
  const temporalPort = await freePort();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const temporalLog = openSync(join(ARTIFACTS_DIR, 'chaos-temporal.log'), 'a');
  const startTemporal = () =>
    startTemporalDevServer({
      cli: temporalCli,
      port: temporalPort,
      dbFile: join(dir, 'temporal.sqlite'),
      logFile: temporalLog,
    });
  const postgres = await startPostgresServer(join(dir, 'pg'), pgPort);
  let temporal = await startTemporal();
  return {
    adminUrl: postgres.adminUrl,
    temporalAddress: temporal.address,
    restartPostgres: postgres.restart,
    restartTemporal: async () => {
      await temporal.stop();
      temporal = await startTemporal();
    },
    stop: async () => {
      await Promise.all([temporal.stop(), postgres.stop()]);
      // As root the data directory may have been moved where the postgres user can reach it.
      for (const path of [dir, postgres.dataDir]) rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * tools/testing/postgres-server.mjs as a child process (jest cannot load the ESM-only binaries package itself): its
 * stdout says when the server is ready, its stdin restarts and stops it.
 */
async function startPostgresServer(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [join(__dirname, '../../../tools/testing/postgres-server.mjs'), dataDir, String(port)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const ready: Array<(line: { adminUrl: string; dataDir: string }) => void> = [];
  // Its other lines are progress ("initialising PostgreSQL data in …").
  createInterface({ input: child.stdout! }).on(
    'line',
    (line) => line.startsWith('{') && ready.shift()?.(JSON.parse(line)),
  );
  const nextReady = () =>
    new Promise<{ adminUrl: string; dataDir: string }>((resolve, reject) => {
      ready.push(resolve);
      child.once('exit', (code) => reject(new Error(`PostgreSQL controller exited (code ${code})`)));
    });
  const first = await nextReady();
  return {
    adminUrl: first.adminUrl,
    dataDir: first.dataDir,
    restart: async () => {
      const restarted = nextReady();
      child.stdin!.write('restart\n');
      await restarted;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end('stop\n');
      }),
  };
}
