import { spawn } from 'node:child_process';
import { join } from 'node:path';

// ESLint (eslint.config.mjs) and Prettier (.prettierrc.json, .prettierignore) over the repo. Each keeps a cache in
// .segflow/ keyed on file contents, so a run after a small change reads only the changed files.
const SHOWN = 20;

function capture(root, script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** ESLint, failing on any warning as on an error. Returns the problems as ESLint prints them, '' when clean. */
export async function lintProblems(root) {
  const cache = ['--cache', '--cache-strategy', 'content', '--cache-location', join(root, '.segflow/eslint-cache')];
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
