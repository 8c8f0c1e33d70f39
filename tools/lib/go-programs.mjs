import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { say } from './log.mjs';

/** Where built Go programs are kept: SEGFLOW_CACHE_DIR, else ~/.cache/segflow. */
export const cacheDirOf = (env) => env.SEGFLOW_CACHE_DIR ?? join(homedir(), '.cache', 'segflow');

function onPath(command, env) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8', env }).trim() || null;
  } catch {
    return null;
  }
}

function hasGo(env) {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
}

/**
 * `go install`s the packages into a temporary GOBIN, then renames each binary into the cache, so no half-written
 * binary is ever cached. Prints progress every 20 s (builds take minutes) and go's errors, not its download chatter.
 */
async function buildWithGo({ label, version, programs, dir }, env) {
  mkdirSync(cacheDirOf(env), { recursive: true });
  const gobin = mkdtempSync(join(cacheDirOf(env), 'build-'));
  say(`building ${label} ${version} with go install (a few minutes, once; cached in ${dir})…`);
  const started = Date.now();
  const ticker = setInterval(
    () => say(`  …still building ${label} (${Math.round((Date.now() - started) / 1000)}s)`),
    20_000,
  );
  try {
    await new Promise((resolve, reject) => {
      const child = spawn('go', ['install', ...programs.map((p) => `${p.pkg}@${version}`)], {
        env: { ...env, GOBIN: gobin, GOFLAGS: '-mod=mod' },
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
      // 'close', not 'exit': only then has stderr been read to its end (its last line is the error).
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}): ${lastLine}`)),
      );
    });
    mkdirSync(dir, { recursive: true });
    for (const p of programs) renameSync(join(gobin, basename(p.pkg)), join(dir, p.name));
    say(`${label} ready in ${Math.round((Date.now() - started) / 1000)}s`);
  } finally {
    clearInterval(ticker);
    rmSync(gobin, { recursive: true, force: true });
  }
}

/**
 * Paths of the Go programs of one module version, e.g. `{ 'temporal-server': '/…/temporal-server' }`. Each comes
 * from its override variable, else its name on PATH, else `<cache>/<cacheName>-<version>/`; what is still missing is
 * built with `go install` (all at once). Without Go the error says how to install them instead.
 *
 * @param tool `{ label, version, cacheName, installHint, programs: [{ name, pkg, envVar }] }`; `name` is the binary's
 *   name on PATH and in the cache, `pkg` the Go package path (built as its last element), `envVar` the override.
 * @example await ensureGoPrograms({ label: 'the Temporal CLI', version: 'v1.5.1', cacheName: 'temporal', installHint: '…',
 *   programs: [{ name: 'temporal', pkg: 'github.com/temporalio/cli/cmd/temporal', envVar: 'SEGFLOW_TEMPORAL_CLI' }] })
 */
export async function ensureGoPrograms(tool, env = process.env) {
  const dir = join(cacheDirOf(env), `${tool.cacheName}-${tool.version}`);
  const found = {};
  for (const { name, envVar } of tool.programs) {
    const explicit = env[envVar];
    if (explicit && !existsSync(explicit)) throw new Error(`${envVar}=${explicit} does not exist`);
    const cached = join(dir, name);
    found[name] = explicit || onPath(name, env) || (existsSync(cached) ? cached : null);
  }
  const missing = tool.programs.filter((p) => !found[p.name]);
  if (missing.length === 0) return found;
  if (!hasGo(env)) {
    const names = missing.map((p) => `${p.name} (or set ${p.envVar} to its path)`).join(', ');
    throw new Error(
      `${label(tool)} is not installed and Go is not available to build it: install Go and re-run, or ${tool.installHint}, putting ${names} on PATH`,
    );
  }
  await buildWithGo({ ...tool, programs: missing, dir }, env);
  for (const { name } of missing) found[name] = join(dir, name);
  return found;
}

const label = (tool) => tool.label.charAt(0).toUpperCase() + tool.label.slice(1);
