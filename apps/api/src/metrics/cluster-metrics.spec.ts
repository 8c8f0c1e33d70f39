import cluster, { type Worker } from 'node:cluster';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveClusterMetrics, processMetricsText } from './cluster-metrics';
import { ingestMetrics } from './process-metrics';

// Replicas run the TypeScript sources, transpiled as they are required (jest's transform does not reach a fork).
const requireHook = `
const { readFileSync } = require('node:fs');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions }).outputText, file);
`;

const accepted = (text: string) => text.match(/^segflow_ingest_events_total\{result="accepted"\} (\d+)$/m)?.[1];
const nextMessage = (replica: Worker, wanted: (message: unknown) => boolean) =>
  new Promise<unknown>((resolve) => {
    const listener = (message: unknown) => {
      if (!wanted(message)) return;
      replica.off('message', listener);
      resolve(message);
    };
    replica.on('message', listener);
  });

describe('cluster metrics (API_REPLICAS)', () => {
  const replicas: Worker[] = [];

  beforeAll(async () => {
    const hook = join(mkdtempSync(join(tmpdir(), 'cluster-metrics-')), 'require-ts.cjs');
    writeFileSync(hook, requireHook);
    serveClusterMetrics();
    cluster.setupPrimary({
      exec: join(__dirname, '../testing/cluster-metrics-replica.ts'),
      execArgv: ['-r', hook],
      silent: false,
    });
    for (const count of [3, 4]) {
      const replica = cluster.fork({ ACCEPTED: String(count) });
      replicas.push(replica);
      await Promise.race([
        nextMessage(replica, (message) => message === 'ready'),
        new Promise((_, reject) => replica.once('exit', (code) => reject(new Error(`replica exited (${code})`)))),
      ]);
    }
  });

  afterAll(async () => {
    const running = replicas.filter((replica) => !replica.isDead());
    await Promise.all(running.map((replica) => new Promise((resolve) => replica.once('exit', resolve).kill())));
  });

  it.each([0, 1])('answers a scrape of replica %i with the counters of both replicas, summed', async (index) => {
    const answer = nextMessage(replicas[index]!, (message) =>
      ['scraped', 'failed'].some((key) => key in Object(message)),
    );
    replicas[index]!.send('scrape');
    const { scraped, failed } = (await answer) as { scraped?: string; failed?: string };
    expect(failed).toBeUndefined();
    expect(accepted(scraped!)).toBe('7');
    // Process metrics are summed too, and the version info is taken once, not twice.
    expect(scraped!.match(/^nodejs_version_info\{/gm)).toHaveLength(1);
  });

  it("answers outside a cluster with this process's own metrics", async () => {
    const before = Number(accepted(await processMetricsText()) ?? 0);
    ingestMetrics.decisionStarted()([{ status: 'accepted' }]);
    expect(Number(accepted(await processMetricsText()))).toBe(before + 1);
  });
});
