// `npm run chaos`: the long fault suite. Builds, then runs e2e/chaos.spec.ts with SEGFLOW_CHAOS=long (every fault:
// process kills, partitions through fault proxies, PostgreSQL and Temporal restarts on instances of its own) and turns
// its report into bench/results/chaos.json, the README's fault table and the benchmark table's row.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { say, fail } = await import('./lib/log.mjs');

const seconds = (ms) => (ms === null ? 'not within 120 s' : `${(ms / 1000).toFixed(1)} s`);

/** The README's fault table: one row per fault, then the totals the audit read. */
function renderChaosTable({ faults, totals, durationSeconds, date }) {
  const rows = faults.map(
    (f) =>
      `| ${f.fault} | ${f.moment}${f.momentHit ? '' : ' (not seen in 15 s; injected anyway)'} | ${seconds(f.faultMs)} | ${seconds(f.recoveredAfterMs)} |`,
  );
  const t = totals;
  return [
    '| fault | injected when | fault lasted | recovered after |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Totals (${durationSeconds} s run, ${String(date).slice(0, 10)}): events sent ${t.eventsSent} / stored ${t.eventsStored} (lost ${t.eventsLost}); ` +
      `segment entries ${t.segmentEntries} / runs ${t.runs} (without a run ${t.entriesWithoutRun}, with more than one ${t.entriesWithMoreThanOneRun}); ` +
      `touches sent ${t.touchesSent}, duplicate messages ${t.duplicateMessages} (and ${t.resentInCrashWindow ?? 'not counted'} resent after a crash in the documented window), sent but not received ${t.sentTouchesNotReceived}, ` +
      `touches after a stop ${t.touchesAfterStop}; runs still active ${t.runsStillActive}, workflows still running ${t.workflowsStillRunning}, ` +
      `outbox rows dead-lettered ${t.outboxDeadLettered ?? 'not counted'}; ` +
      `event items refused by a cut flush and sent again ${t.itemsRetried}; client requests that gave up ${t.clientFailures.length}.`,
  ].join('\n');
}

async function main() {
  const { ensureDependencies } = await import('./lib/ensure-deps.mjs');
  await ensureDependencies(root);
  const { ensureTemporalCli } = await import('./lib/temporal-cli.mjs');
  const cli = await ensureTemporalCli();
  // --no-build: rerun against the build already there (the build takes minutes on 2 cores).
  if (!process.argv.includes('--no-build')) {
    const { build } = await import('./lib/build.mjs');
    await build(root);
  }

  const reportFile = join(root, '.segflow', 'chaos-report.json');
  mkdirSync(dirname(reportFile), { recursive: true });
  rmSync(reportFile, { force: true });
  const { run } = await import('./lib/run.mjs');
  const jest = [join(root, 'node_modules/jest/bin/jest.js'), '--ci', 'e2e/chaos.spec.ts', '--selectProjects', 'e2e'];
  const env = { ...process.env, SEGFLOW_CHAOS: 'long', SEGFLOW_CHAOS_REPORT: reportFile, SEGFLOW_TEMPORAL_CLI: cli };
  const passed = await run(process.execPath, jest, { cwd: root, env }).then(
    () => true,
    (error) => (say(error.message), false),
  );
  if (!existsSync(reportFile)) fail('the chaos run wrote no report (see test-artifacts/chaos-*.log)');

  const { machine } = await import('../bench/ingest-harness.mjs');
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const recoveries = report.faults.map((f) => f.recoveredAfterMs);
  const t = report.totals;
  const result = {
    name: 'chaos',
    question:
      'chaos (faults under steady traffic: lost events, duplicate messages, resent in the crash window, entries without exactly one run, worst recovery)',
    figure: {
      lost: t.eventsLost,
      duplicated: t.duplicateMessages,
      resentInCrashWindow: t.resentInCrashWindow,
      entriesNotOneRun: t.entriesWithoutRun + t.entriesWithMoreThanOneRun,
      runsStillActive: t.runsStillActive,
      worstRecoveryS: recoveries.includes(null) ? null : Math.max(...recoveries) / 1000,
    },
    baseline: {
      lost: 0,
      duplicated: 0,
      resentInCrashWindow: 0,
      entriesNotOneRun: 0,
      runsStillActive: 0,
      worstRecoveryS: 30,
    },
    ratio: null,
    machine: machine(),
    date: new Date().toISOString(),
    ...report,
  };
  writeFileSync(join(root, 'bench', 'results', 'chaos.json'), JSON.stringify(result, null, 2) + '\n');
  const { replaceReadmeSection, updateReadmeBenchTable } = await import('./lib/bench-table.mjs');
  replaceReadmeSection(join(root, 'README.md'), 'chaos', renderChaosTable(result));
  updateReadmeBenchTable(join(root, 'README.md'), join(root, 'bench', 'results'));
  say(
    `bench/results/chaos.json and the README's fault table written (${passed ? 'all checks held' : 'a check failed: see above'})`,
  );
  if (!passed) process.exit(1);
}

main().catch((error) => fail(error.message));
