import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerMetrics } from './worker-metrics';

/** What GET /health reports of the worker process. */
export interface WorkerHealth {
  status: 'ok' | 'degraded';
  /** Each Temporal worker's state (run queue, then channel queues); all RUNNING when healthy. */
  workers: string[];
  lastActivityAt: string | null;
}

/** The worker's HTTP endpoint: GET /metrics (Prometheus text) and GET /health (503 unless every worker runs). */
export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `metrics` on `host:port` (0 picks a free port); `workerStates` is read per /health request.
 *
 * @example
 * const server = await startMetricsServer(metrics, () => worker.states(), { host: '0.0.0.0', port: 9465 });
 */
export async function startMetricsServer(
  metrics: WorkerMetrics,
  workerStates: () => string[],
  { host, port }: { host: string; port: number },
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || (path !== '/metrics' && path !== '/health')) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'only GET /metrics and GET /health are served here' }));
      return;
    }
    if (path === '/health') {
      const workers = workerStates();
      const health: WorkerHealth = {
        status: workers.every((s) => s === 'RUNNING') ? 'ok' : 'degraded',
        workers,
        lastActivityAt: metrics.lastActivityAt()?.toISOString() ?? null,
      };
      response
        .writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(health));
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error.message}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
