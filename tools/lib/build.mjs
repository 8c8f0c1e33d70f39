import { join } from 'node:path';
import { say } from './log.mjs';
import { run } from './run.mjs';

/**
 * Builds every project through Nx (`build` targets in the project.json files: tsc -b per lib and app, the worker's
 * workflow bundle, the web type-check + vite build). Nx caches each target on its inputs (nx.json), so an unchanged
 * project is restored from .nx/cache instead of rebuilt, and a second start with no change builds nothing.
 */
export async function build(root) {
  const started = Date.now();
  say('building (nx run-many -t build: cached per project)…');
  // No daemon: npm start/test leave no background process behind. No Nx Cloud: the cache is local.
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  await run(
    process.execPath,
    [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '--outputStyle=static'],
    { cwd: root, env },
  );
  say(`build done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
