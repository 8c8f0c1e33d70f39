// `npm test`: installs what is missing (dependencies, Temporal CLI, chromium), builds, type-checks the specs, then
// runs every suite (unit, integration against real PostgreSQL + Temporal, browser), then the time-dependent specs once
// per fixed date. The last line sums them all.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = join(root, '.segflow', 'test-results.json');

function summarise(results) {
  if (!results) return { passed: 0, failed: 1, skipped: 0 };
  // A suite that fails to load has no test results of its own: count it as one failure so it cannot hide.
  const brokenSuites = results.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenSuites,
    skipped: results.numPendingTests + results.numTodoTests,
  };
}

function printSummaryAndExit({ passed, failed, skipped }, code) {
  process.stdout.write(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exit(code);
}

async function prepare() {
  const { ensureDependencies } = await import('./lib/ensure-deps.mjs');
  await ensureDependencies(root);
  const { ensureTemporalCli } = await import('./lib/temporal-cli.mjs');
  process.env.SEGFLOW_TEMPORAL_CLI = await ensureTemporalCli();
  const { ensureChromium } = await import('./lib/chromium.mjs');
  process.env.SEGFLOW_CHROMIUM = await ensureChromium();
  const { build } = await import('./lib/build.mjs');
  await build(root);
}

try {
  await prepare();
} catch (error) {
  process.stderr.write(`[segflow] cannot run the tests: ${error.message}\n`);
  printSummaryAndExit({ passed: 0, failed: 1, skipped: 0 }, 1);
}

/**
 * jest compiles each spec on its own without type errors (ts-jest, `diagnostics: false`, for speed), so the specs
 * get one type-check here: a spec whose fixtures drifted from the types fails the run as one failed test.
 */
async function typeCheckSpecs() {
  const { run } = await import('./lib/run.mjs');
  const tsc = (project) =>
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: root });
  try {
    await Promise.all([tsc('tsconfig.spec-check.json'), tsc('apps/web/tsconfig.spec.json')]);
    return true;
  } catch (error) {
    process.stderr.write(`[segflow] the specs do not type-check: ${error.message}\n`);
    return false;
  }
}
// Before the jest runs, not beside them: two tsc passes would compete with timing-sensitive suites for the 2 cores.
const specsTypeCheck = await typeCheckSpecs();

/** ESLint and the Prettier check (tools/lib/lint.mjs), each one test in the summary, also before the jest runs. */
async function lintChecks() {
  const { formatProblems, lintProblems } = await import('./lib/lint.mjs');
  const checks = [
    ['eslint', await lintProblems(root)],
    ['prettier', await formatProblems(root)],
  ];
  for (const [name, problems] of checks) if (problems) process.stderr.write(`[segflow] ${name} failed:\n${problems}\n`);
  return checks.map(([, problems]) => !problems);
}
const lintResults = await lintChecks();

// Two jest runs: the unit and integration projects first, then the cross-app/browser suites one file at a time,
// so a browser test never competes for the two cores with CPU-heavy property tests. The summary adds both up.
const phases = [
  { name: 'unit+integration', args: ['--selectProjects', 'libs', 'web', 'api', 'worker'] },
  { name: 'e2e', args: ['--selectProjects', 'e2e', '--runInBand'] },
];

function runJest(phase, extraArgs) {
  const file = resultsFile.replace(/\.json$/, `-${phase.name.replace(/[^a-z0-9+]+/gi, '-')}.json`);
  rmSync(file, { force: true });
  // The extra arguments go first: after `--selectProjects a b` a path pattern would be taken for one more project name.
  const args = [
    join(root, 'node_modules/jest/bin/jest.js'),
    '--ci',
    '--json',
    `--outputFile=${file}`,
    ...extraArgs,
    ...phase.args,
  ];
  return new Promise((resolve) => {
    const jest = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: '0', ...phase.env },
    });
    jest.on('exit', (code) =>
      resolve({ code, results: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null }),
    );
  });
}

/**
 * The time-dependent specs once per fixed date (tools/testing/fixed-dates.mjs), with only `Date` moved there, against
 * one PostgreSQL and one Temporal shared by those runs. They run in the full run, or alone with `--fixed-dates`.
 */
async function fixedDatePhases() {
  const { FIXED_DATES, TIME_DEPENDENT_SPECS } = await import('./testing/fixed-dates.mjs');
  const { default: startServices } = await import('./testing/global-setup.mjs');
  await startServices();
  return FIXED_DATES.map(({ name, now }) => ({
    name: `at ${now} (${name})`,
    args: [...TIME_DEPENDENT_SPECS, '--selectProjects', 'api'],
    env: { SEGFLOW_TEST_NOW: now },
  }));
}

mkdirSync(dirname(resultsFile), { recursive: true });
// Extra arguments (a path pattern, -t …) go to both runs and skip the fixed-date runs; a run they leave without tests
// is not a failure.
const onlyFixedDates = process.argv.includes('--fixed-dates');
const extra = process.argv.slice(2).filter((arg) => arg !== '--fixed-dates');
const total = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
const runPhase = async (phase, extraArgs) => {
  if (phase.env) process.stdout.write(`\n[segflow] time-dependent specs ${phase.name}\n`);
  const { code, results } = await runJest(phase, extraArgs);
  const summary = summarise(results);
  for (const key of Object.keys(total)) total[key] += summary[key];
  if (code !== 0 || summary.failed > 0) ok = false;
};
if (!onlyFixedDates)
  for (const phase of phases) await runPhase(phase, extra.length ? [...extra, '--passWithNoTests'] : []);
if (onlyFixedDates || !extra.length) {
  try {
    for (const phase of await fixedDatePhases()) await runPhase(phase, []);
  } catch (error) {
    process.stderr.write(`[segflow] cannot run the fixed-date specs: ${error.message}\n`);
    total.failed += 1;
    ok = false;
  } finally {
    const { default: stopServices } = await import('./testing/global-teardown.mjs');
    await stopServices();
  }
}
if (!specsTypeCheck) {
  total.failed += 1;
  ok = false;
}
for (const passed of lintResults) {
  total[passed ? 'passed' : 'failed'] += 1;
  if (!passed) ok = false;
}
printSummaryAndExit(total, ok ? 0 : 1);
