import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { waitForPort } from './ports.mjs';

export const DYNAMIC_CONFIG_FILE = join(import.meta.dirname, '..', 'temporal-dynamic-config.yaml');

/**
 * `--dynamic-config-value` arguments for every key of {@link DYNAMIC_CONFIG_FILE} (the file docker-compose.yml mounts),
 * so the dev server and the compose server run with the same settings. start-dev takes one unconstrained value per key.
 */
export function dynamicConfigArgs(file = DYNAMIC_CONFIG_FILE) {
  return Object.entries(parse(readFileSync(file, 'utf8'))).flatMap(([key, values]) => {
    if (values.length !== 1 || values[0].constraints)
      throw new Error(`${file}: ${key} must have one value without constraints for start-dev`);
    return ['--dynamic-config-value', `${key}=${JSON.stringify(values[0].value)}`];
  });
}

/**
 * Starts `temporal server start-dev`. With dbFile the state lives in that SQLite file and survives restarts;
 * without it the server keeps everything in memory (tests).
 */
export async function startTemporalDevServer({ cli, port, uiPort, dbFile, logFile }) {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'error',
    ...dynamicConfigArgs(),
  ];
  if (dbFile) args.push('--db-filename', dbFile);
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  const child = spawn(cli, args, { stdio: ['ignore', logFile ?? 'ignore', logFile ?? 'inherit'], detached: false });
  return superviseTemporal(child, port, 'Temporal dev server');
}

/** Waits for a Temporal server child's frontend port (rejecting if the child exits first); returns how to stop it. */
export async function superviseTemporal(child, port, what) {
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${what} exited early (code ${code})`))),
  );
  await Promise.race([waitForPort(port, { what, timeoutMs: 60_000 }), exited]);
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
