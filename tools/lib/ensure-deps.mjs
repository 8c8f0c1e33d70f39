import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './log.mjs';
import { run } from './run.mjs';

// npm ci is skipped when node_modules was installed from this exact lockfile (stamp = its hash).
export async function ensureDependencies(root) {
  const lockfile = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.segflow-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  say('installing dependencies (npm ci)…');
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root });
  writeFileSync(stamp, hash);
}
