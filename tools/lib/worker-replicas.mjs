// The workers `npm start` runs (WORKER_REPLICAS): each is its own process, so ports from the environment that every
// worker would bind are shifted per replica; the same port twice would stop the second worker and npm start with it.

/**
 * The name and environment overrides of each of `replicas` workers, given the environment they would share:
 * worker i (1…N) gets WORKER_METRICS_PORT + i − 1 and TEMPORAL_METRICS_ADDRESS's port + i − 1 (0 stays 0).
 * One worker keeps the environment as it is.
 *
 * @example
 * workerReplicas(2, { WORKER_METRICS_PORT: '9465' });
 * // [{ name: 'worker-1', env: { WORKER_METRICS_PORT: '9465' } },
 * //  { name: 'worker-2', env: { WORKER_METRICS_PORT: '9466' } }]
 */
export function workerReplicas(replicas, env) {
  if (replicas === 1) return [{ name: 'worker', env: {} }];
  const metricsPort =
    env.WORKER_METRICS_PORT === undefined ? undefined : port('WORKER_METRICS_PORT', env.WORKER_METRICS_PORT);
  const sdkAddress = env.TEMPORAL_METRICS_ADDRESS?.match(/^(.+):(\d+)$/);
  if (env.TEMPORAL_METRICS_ADDRESS !== undefined && !sdkAddress)
    throw new Error(`TEMPORAL_METRICS_ADDRESS=${env.TEMPORAL_METRICS_ADDRESS} is not host:port`);
  const sdkPort = sdkAddress ? port('TEMPORAL_METRICS_ADDRESS', sdkAddress[2]) : undefined;
  for (const [variable, base] of [
    ['WORKER_METRICS_PORT', metricsPort],
    ['TEMPORAL_METRICS_ADDRESS', sdkPort],
  ]) {
    if (base && base + replicas - 1 > 65535)
      throw new Error(`${variable}: ports ${base}…${base + replicas - 1} for ${replicas} workers go past 65535`);
  }
  return Array.from({ length: replicas }, (_, i) => ({
    name: `worker-${i + 1}`,
    env: {
      ...(metricsPort === undefined ? {} : { WORKER_METRICS_PORT: String(shift(metricsPort, i)) }),
      ...(sdkAddress ? { TEMPORAL_METRICS_ADDRESS: `${sdkAddress[1]}:${shift(sdkPort, i)}` } : {}),
    },
  }));
}

// Port 0 asks for any free port, which differs per process already.
const shift = (base, i) => (base === 0 ? 0 : base + i);

function port(variable, raw) {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) throw new Error(`${variable}=${raw} has no port number (0-65535)`);
  return value;
}
