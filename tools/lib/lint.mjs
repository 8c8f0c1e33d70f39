import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// ESLint (eslint.config.mjs) and Prettier (.prettierrc.json, .prettierignore) over the repo. Each keeps a cache in
// .segflow/ keyed on file contents, so a run after a small change reads only the changed files.
const SHOWN = 20;

function capture(root, script, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output })); // after both pipes ended: the output is whole
  });
}

/**
^ * @nx/enforce-module-boundaries reads the tags from Nx's cached project graph (and skips itself without one): refresh
 * it, and key ESLint's cache on the project.json files too, so a changed tag re-lints files whose text did not change.
 */
export async function prepareBoundaries(root) {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  const { code, output } = await capture(root, 'node_modules/nx/dist/bin/nx.js', ['show', 'projects'], env);
  if (code !== 0) throw new Error(`nx could not compute the project graph: ${output.trim()}`);
  const projectFiles = ['apps', 'libs'].flatMap((top) =>
    readdirSync(join(root, top))
      .map((name) => join(root, top, name, 'project.json'))
      .filter((file) => existsSync(file)),
  );
  const hash = createHash('sha256');
  for (const file of projectFiles.sort()) hash.update(file).update(readFileSync(file));
  const cacheDir = join(root, '.segflow');
  const cacheName = `eslint-cache-${hash.digest('hex').slice(0, 16)}`;
  if (existsSync(cacheDir)) {
    for (const stale of readdirSync(cacheDir).filter((name) => name.startsWith('eslint-cache') && name !== cacheName)) {
      rmSync(join(cacheDir, stale), { force: true });
    }
  }
  return join(cacheDir, cacheName);
}

/** ESLint, failing on any warning as on an error. Returns the problems as ESLint prints them, '' when clean. */
export async function lintProblems(root) {
  const cacheLocation = await prepareBoundaries(root);
  const cache = ['--cache', '--cache-strategy', 'content', '--cache-location', cacheLocation];
  const { code, output } = await capture(root, 'node_modules/eslint/bin/eslint.js', [
    '.',
    '--max-warnings',
    '0',
    ...cache,
  ]);
  return code === 0 ? '' : output.trim() || `eslint exited with code ${code}`;
}

/** Prettier's check: the files it would reformat, '' when none. */
export async function formatProblems(root) {
  const cache = ['--cache', '--cache-location', join(root, '.segflow/prettier-cache')];
  const { code, output } = await capture(root, 'node_modules/prettier/bin/prettier.cjs', [
    '--list-different',
    ...cache,
    '.',
  ]);
  if (code === 0) return '';
  const files = output.trim().split('\n').filter(Boolean);
  if (code !== 1) return output.trim() || `prettier exited with code ${code}`;
  const more = files.length > SHOWN ? `\n  … and ${files.length - SHOWN} more` : '';
  return `${files.length} file(s) not formatted (fix: npx prettier --write .):\n  ${files.slice(0, SHOWN).join('\n  ')}${more}`;
}
