import { Runtime } from '@temporalio/worker';
import { loadWorkerConfigOrThrow } from './config';
import { createWorker } from './create-worker';
import { createDatabasePool } from './database-pool';
import { temporalLoggerOver } from './logging/temporal-logger';
import { createWorkerLogger } from './logging/worker-logger';
import { startMetricsServer } from './metrics/metrics-server';
import { runtimeOptionsFor } from './runtime-options';
import { createWorkerMetrics } from './metrics/worker-metrics';
import { startTracing } from './tracing/start-tracing';
import { createTouchProvider } from './touch-providers';
import { TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_BUNDLE_PATH } from './workflow-bundle';

async function main(): Promise<void> {
  const config = loadWorkerConfigOrThrow(process.env);
  const logger = createWorkerLogger(config.LOG_LEVEL);
  Runtime.install(runtimeOptionsFor(config, temporalLoggerOver(logger)));
  const tracing = await startTracing(config);
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
    workflowBundle: { codePath: tracing ? TRACED_WORKFLOW_BUNDLE_PATH : WORKFLOW_BUNDLE_PATH },
    metrics,
    ...(tracing ? { tracing } : {}),
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
  logger.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, email, tracing: tracing ? config.OTEL_EXPORTER_OTLP_ENDPOINT : 'off' },
    'worker started',
  );
  await worker.run();
  await metricsServer?.close();
  touches.close();
  await connection.close();
  await pool.end();
  await tracing?.shutdown();
}

main().catch((error: Error) => {
  process.stderr.write(`worker failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
