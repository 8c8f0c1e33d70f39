import { spawn } from 'node:child_process';
import { waitForPort } from './ports.mjs';

/**
 * Starts `temporal server start-dev`. With dbFile the state lives in that SQLite file and survives restarts;
 * without it the server keeps everything in memory (tests).
 */
export async function startTemporalDevServer({ cli, port, uiPort, dbFile, logFile }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  if (dbFile) args.push('--db-filename', dbFile);
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  const child = spawn(cli, args, { stdio: ['ignore', logFile ?? 'ignore', logFile ?? 'inherit'], detached: false });
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`temporal server exited early (code ${code})`))),
  );
  await Promise.race([waitForPort(port, { what: 'Temporal dev server', timeoutMs: 60_000 }), exited]);
  exited.catch(() => {});
  return {
    address: `127.0.0.1:${port}`,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
