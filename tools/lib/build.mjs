import { join } from 'node:path';
import { say } from './log.mjs';
import { run } from './run.mjs';

/** Type-checks and compiles libs + api + worker (incremental), prebundles the workflows, builds the web app. */
export async function build(root) {
  const started = Date.now();
  say('building (tsc -b, web type-check, workflow bundle, vite build)…');
  const node = process.execPath;
  await run(node, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root });
  await Promise.all([
    // vite does not type-check, so the web app gets its own tsc pass.
    run(node, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/web/tsconfig.json'], { cwd: root }),
    run(node, ['apps/worker/dist/bundle-workflows.js'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }),
    run(node, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(root, 'apps/web') }),
  ]);
  say(`build done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
