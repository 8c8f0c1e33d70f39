import { Runtime } from '@temporalio/worker';
import { loadWorkerConfigOrThrow } from './config';
import { createWorker } from './create-worker';
import { createDatabasePool } from './database-pool';
import { startMetricsServer } from './metrics/metrics-server';
import { runtimeOptionsFor } from './runtime-options';
import { createWorkerMetrics } from './metrics/worker-metrics';
import { createTouchProvider } from './touch-providers';
import { WORKFLOW_BUNDLE_PATH } from './workflow-bundle';

async function main(): Promise<void> {
  const config = loadWorkerConfigOrThrow(process.env);
  Runtime.install(runtimeOptionsFor(config));
  const pool = createDatabasePool(config.DATABASE_URL, undefined, {
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  const touches = createTouchProvider(config, pool);
  const metrics = createWorkerMetrics();
  const { worker, connection } = await createWorker({
    config,
    pool,
    touchProvider: touches.provider,
    workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
    metrics,
  });
  const metricsServer =
    config.WORKER_METRICS_PORT === undefined
      ? null
      : await startMetricsServer(metrics, () => worker.states(), {
          host: config.WORKER_METRICS_HOST,
          port: config.WORKER_METRICS_PORT,
        });
  const email = config.SMTP_URL
    ? `SMTP ${config.SMTP_URL.replace(/\/\/[^@/]*@/, '//***@')}`
    : 'not sent: SMTP_URL is unset (email touches wait, retried)';
  process.stdout.write(
    JSON.stringify({ level: 'info', msg: 'worker started', taskQueue: config.TEMPORAL_TASK_QUEUE, email }) + '\n',
  );
  await worker.run();
  await metricsServer?.close();
  touches.close();
  await connection.close();
  await pool.end();
}

main().catch((error: Error) => {
  process.stderr.write(`worker failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
