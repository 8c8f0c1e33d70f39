import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../lib/log.mjs';
import { freePort } from '../lib/ports.mjs';
import { startEmbeddedPostgres } from '../lib/postgres.mjs';
import { ensureTemporalCli } from '../lib/temporal-cli.mjs';
import { startTemporalDevServer } from '../lib/temporal-server.mjs';
import { startSmtpSink } from './smtp-sink.mjs';

// Jest global setup: one real PostgreSQL and one real Temporal dev server for the whole run.
// Test files get their own database (tools/testing/test-database.ts) and their own task queue.
export default async function globalSetup() {
  const started = Date.now();
  const stops = [];
  if (!process.env.SEGFLOW_TEST_DATABASE_URL) {
    // Throw-away: every run would otherwise leave hundreds of MB in the temp dir.
    const pg = await startEmbeddedPostgres({ port: await freePort() });
    process.env.SEGFLOW_TEST_DATABASE_URL = pg.adminUrl;
    stops.push(pg.stop);
  }
  if (!process.env.SEGFLOW_TEST_TEMPORAL_ADDRESS) {
    const cli = await ensureTemporalCli();
    // The dev server logs store errors while it shuts down; they belong in a file, not in the test summary.
    mkdirSync('test-artifacts', { recursive: true });
    const logFile = openSync(join('test-artifacts', 'temporal-dev-server.log'), 'w');
    const temporal = await startTemporalDevServer({ cli, port: await freePort(), logFile });
    process.env.SEGFLOW_TEST_TEMPORAL_ADDRESS = temporal.address;
    process.env.SEGFLOW_TEMPORAL_CLI = cli;
    stops.push(temporal.stop);
  }
  if (!process.env.SEGFLOW_TEST_SMTP_URL) {
    const sink = await startSmtpSink();
    process.env.SEGFLOW_TEST_SMTP_URL = sink.url;
    stops.push(sink.stop);
  }
  globalThis.__segflowStops = stops;
  say(
    `test services up in ${((Date.now() - started) / 1000).toFixed(1)}s (postgres ${process.env.SEGFLOW_TEST_DATABASE_URL.replace(/:[^:@]+@/, ':***@')}, temporal ${process.env.SEGFLOW_TEST_TEMPORAL_ADDRESS})`,
  );
}
