import { writeFileSync } from 'node:fs';
import { FAULTS } from './support/chaos/faults';
import { runChaos, ChaosOptions, ChaosReport } from './support/chaos/scenario';
import { ChaosServices, ownServices, sharedServices } from './support/chaos/services';
import { ChaosStack, startChaosStack } from './support/chaos/stack';

/**
 * `npm test` runs the short version: faults on processes this file started and on its own proxies only, because the
 * jest run's PostgreSQL and Temporal serve other suites. `npm run chaos` (tools/chaos.mjs) sets SEGFLOW_CHAOS=long:
 * every fault, on a PostgreSQL and a Temporal of this file's own that it restarts, and the report written to
 * SEGFLOW_CHAOS_REPORT for bench/results/chaos.json and the README.
 */
const LONG = process.env.SEGFLOW_CHAOS === 'long';

const SHORT: ChaosOptions = {
  faults: [FAULTS.workerKill!, FAULTS.apiKill!, FAULTS.apiPostgresPartition!, FAULTS.workerTemporalPartition!],
  traffic: { intervalMs: 6_000, gapMs: 1_000, stopEvery: 4 },
  warmupMs: 3_000,
  onProgress: (line) => process.stdout.write(`${line}\n`),
};
// Every fault, three rounds (SEGFLOW_CHAOS_ROUNDS), under traffic four times as dense as the short version's.
const ROUNDS = Number(process.env.SEGFLOW_CHAOS_ROUNDS ?? 3);
const FULL: ChaosOptions = {
  faults: Array.from({ length: ROUNDS }, () => Object.values(FAULTS)).flat(),
  traffic: { intervalMs: 1_500, gapMs: 1_000, stopEvery: 4 },
  warmupMs: 10_000,
  onProgress: SHORT.onProgress,
};

describe(`fault suite (${LONG ? 'long' : 'short'} version): steady traffic while processes are killed and links cut`, () => {
  let services: ChaosServices;
  let stack: ChaosStack;
  beforeAll(async () => {
    services = LONG ? await ownServices(process.env.SEGFLOW_TEMPORAL_CLI ?? 'temporal') : sharedServices();
    stack = await startChaosStack('chaos', services);
  });
  afterAll(async () => {
    await stack?.stop();
    await services?.stop();
  });

  it(
    'stores every accepted event once, starts exactly one run per segment entry, sends no message twice, ends every run and recovers from each fault',
    async () => {
      const report: ChaosReport = await runChaos(stack, LONG ? FULL : SHORT);
      if (process.env.SEGFLOW_CHAOS_REPORT)
        writeFileSync(process.env.SEGFLOW_CHAOS_REPORT, JSON.stringify(report, null, 2));

      expect(report.totals).toMatchObject({
        eventsLost: 0,
        entriesWithoutRun: 0,
        entriesWithMoreThanOneRun: 0,
        duplicateMessages: 0,
        sentTouchesNotReceived: 0,
        touchesAfterStop: 0,
        runsStillActive: 0,
        workflowsStillRunning: 0,
        outboxDeadLettered: 0,
        clientFailures: [],
      });
      // The traffic really flowed through the faults: events, entries with their runs, touches and stops.
      expect(report.totals.eventsSent).toBeGreaterThan(100);
      expect(report.totals.segmentEntries).toBeGreaterThan(report.faults.length);
      expect(report.totals.touchesSent).toBeGreaterThan(0);
      expect(report.faults.filter((f) => f.recoveredAfterMs === null).map((f) => f.fault)).toEqual([]);
    },
    LONG ? 1_800_000 : 600_000,
  );
});
