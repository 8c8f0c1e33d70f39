import cluster from 'node:cluster';
import { joinClusterMetrics, serveClusterMetrics } from './metrics/cluster-metrics';

/**
 * Runs `serve` in `replicas` forked processes sharing its listening ports (node:cluster: the primary accepts and hands
 * connections round-robin), or here without a fork when there is one. The primary forwards SIGTERM/SIGINT to every
 * replica and exits when all have; one replica exiting on its own stops the others, and the primary exits 1. Every
 * replica's GET /metrics answers with the counters and histograms of all, summed in the primary.
 */
export async function serveReplicas(replicas: number, serve: () => Promise<void>): Promise<void> {
  if (cluster.isWorker) {
    joinClusterMetrics();
    return serve();
  }
  if (replicas === 1) return serve();
  serveClusterMetrics();
  let alive = replicas;
  let failed = false;
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const replica of Object.values(cluster.workers ?? {})) replica?.process.kill(signal);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(signal));
  cluster.on('exit', (replica, code, signal) => {
    alive -= 1;
    if (!stopping) {
      process.stderr.write(
        `api replica ${replica.process.pid} exited (${signal ?? `code ${code}`}); stopping the others\n`,
      );
      failed = true;
      stopAll('SIGTERM');
    }
    if (alive === 0) process.exit(failed ? 1 : 0);
  });
  for (let i = 0; i < replicas; i += 1) cluster.fork();
}
