import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { say } from './log.mjs';

// v1.5.1 is the newest CLI tag that `go install pkg@version` accepts (later tags carry a replace directive).
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const cacheDir = () => process.env.SEGFLOW_CACHE_DIR ?? join(homedir(), '.cache', 'segflow');
const cachedBinary = () => join(cacheDir(), `temporal-${TEMPORAL_CLI_VERSION}`, 'temporal');

function onPath() {
  try {
    return execFileSync('sh', ['-c', 'command -v temporal'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function hasGo() {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Builds the CLI into a temporary GOBIN and renames it into the cache, so no half-written binary is ever cached. */
async function buildWithGo() {
  mkdirSync(cacheDir(), { recursive: true });
  const gobin = mkdtempSync(join(cacheDir(), 'build-'));
  say(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install (a few minutes, once; cached in ${cacheDir()})…`);
  const started = Date.now();
  const ticker = setInterval(() => say(`  …still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)}s)`), 20_000);
  try {
    await new Promise((resolve, reject) => {
      const child = spawn('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
        env: { ...process.env, GOBIN: gobin, GOFLAGS: '-mod=mod' },
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      let lastLine = '';
      child.stderr.on('data', (chunk) => {
        const lines = chunk.toString().trim().split('\n');
        lastLine = lines[lines.length - 1];
        if (/^go: downloading/.test(lastLine)) return;
        process.stderr.write(chunk);
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}): ${lastLine}`))));
    });
    mkdirSync(join(cacheDir(), `temporal-${TEMPORAL_CLI_VERSION}`), { recursive: true });
    renameSync(join(gobin, 'temporal'), cachedBinary());
    say(`Temporal CLI ready in ${Math.round((Date.now() - started) / 1000)}s`);
  } finally {
    clearInterval(ticker);
    rmSync(gobin, { recursive: true, force: true });
  }
}

/**
 * Path of a Temporal CLI: `temporal` on PATH, then the cached build, then a fresh `go install`.
 * SEGFLOW_TEMPORAL_CLI overrides all of them.
 */
export async function ensureTemporalCli() {
  const explicit = process.env.SEGFLOW_TEMPORAL_CLI;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`SEGFLOW_TEMPORAL_CLI=${explicit} does not exist`);
    return explicit;
  }
  const found = onPath() ?? (existsSync(cachedBinary()) ? cachedBinary() : null);
  if (found) return found;
  if (!hasGo()) {
    throw new Error(
      'the Temporal CLI is not installed and Go is not available to build it. Install it from ' +
        'https://docs.temporal.io/cli#install (put `temporal` on PATH), or install Go and re-run, ' +
        `or set SEGFLOW_TEMPORAL_CLI to the binary's path.`,
    );
  }
  await buildWithGo();
  return cachedBinary();
}
