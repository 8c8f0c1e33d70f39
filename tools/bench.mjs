// `npm run bench [name…]` (`npm run bench -- --table` only rewrites the README table): builds, starts a throw-away PostgreSQL, runs every
// bench/*.bench.mjs (or the named ones) one after another, each against a Temporal dev server of its own, then
// regenerates the README's benchmark table from bench/results/*.json. Each script measures its own baseline in the
// same run and reports the ratio. A fresh Temporal per script (it starts in under a second) because a script's
// leftovers kept one busy: the ingest bench's thousands of lead-intake workflows (no worker polls them there) and a
// run's timers used ~2/3 of a core through the next scripts and took the segment → run p99 from ~210 to 420 ms.
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { say, fail } = await import('./lib/log.mjs');

async function main() {
  const { updateReadmeBenchTable } = await import('./lib/bench-table.mjs');
  if (process.argv.includes('--table')) {
    // Only regenerate the README table from the committed results, without running anything.
    updateReadmeBenchTable(join(root, 'README.md'), join(root, 'bench', 'results'));
    return say('README benchmark table updated from bench/results');
  }
  const { ensureDependencies } = await import('./lib/ensure-deps.mjs');
  await ensureDependencies(root);
  const { ensureTemporalCli } = await import('./lib/temporal-cli.mjs');
  const cli = await ensureTemporalCli();
  const { ensureChromium } = await import('./lib/chromium.mjs');
  const chromium = await ensureChromium();
  const { build } = await import('./lib/build.mjs');
  await build(root);

  const wanted = process.argv.slice(2);
  const scripts = readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.mjs'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)));
  if (scripts.length === 0) fail(`no bench/*.bench.mjs matches ${wanted.join(' ')}`);

  const { freePort } = await import('./lib/ports.mjs');
  const { startEmbeddedPostgres } = await import('./lib/postgres.mjs');
  const { startTemporalDevServer } = await import('./lib/temporal-server.mjs');
  // Throw-away: the benches' databases take GBs and nothing reads them after the run.
  const pg = await startEmbeddedPostgres({ port: await freePort() });
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const { run } = await import('./lib/run.mjs');
  const env = {
    ...process.env,
    SEGFLOW_BENCH_DATABASE_URL: pg.adminUrl,
    SEGFLOW_TEMPORAL_CLI: cli,
    SEGFLOW_CHROMIUM: chromium,
  };
  let failed = 0;
  try {
    for (const script of scripts) {
      say(`bench ${script}`);
      const temporal = await startTemporalDevServer({ cli, port: await freePort() });
      await run(process.execPath, ['--expose-gc', join('bench', script)], {
        cwd: root,
        env: { ...env, SEGFLOW_BENCH_TEMPORAL_ADDRESS: temporal.address },
      })
        .catch((error) => {
          failed += 1;
          process.stderr.write(`[segflow] ${script} failed: ${error.message}\n`);
        })
        .finally(() => temporal.stop());
    }
  } finally {
    await pg.stop();
  }
  updateReadmeBenchTable(join(root, 'README.md'), join(root, 'bench', 'results'));
  say(`README benchmark table updated from bench/results (${scripts.length - failed}/${scripts.length} scripts ok)`);
  if (failed) process.exit(1);
}

main().catch((error) => fail(error.message));
