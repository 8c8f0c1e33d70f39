import { makeTelemetryFilterString, type Logger, type RuntimeOptions } from '@temporalio/worker';
import type { WorkerConfig } from './config';

/**
 * The Temporal Runtime of the worker process: the SDK logs through `logger` (the worker's pino shape), core logs at
 * WARN and above forwarded to it, and with TEMPORAL_METRICS_ADDRESS the SDK's own metrics (task slots, poll and
 * schedule-to-start latencies, sticky cache) served for Prometheus at `http://<address>/metrics`, durations in seconds.
 *
 * @example
 * Runtime.install(runtimeOptionsFor(config, temporalLoggerOver(logger)));
 */
export function runtimeOptionsFor(
  config: Pick<WorkerConfig, 'TEMPORAL_METRICS_ADDRESS'>,
  logger?: Logger,
): RuntimeOptions {
  const logging = { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} };
  const bindAddress = config.TEMPORAL_METRICS_ADDRESS;
  return {
    ...(logger ? { logger } : {}),
    telemetryOptions: bindAddress
      ? { logging, metrics: { prometheus: { bindAddress, useSecondsForDurations: true } } }
      : { logging },
  };
}
