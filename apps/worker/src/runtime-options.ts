import { makeTelemetryFilterString, type RuntimeOptions } from '@temporalio/worker';
import type { WorkerConfig } from './config';

/**
 * The Temporal Runtime of the worker process: core logs at WARN and above forwarded to the worker's log, and with
 * TEMPORAL_METRICS_ADDRESS the SDK's own metrics (task slots, poll and schedule-to-start latencies, sticky cache)
 * served for Prometheus at `http://<address>/metrics`, durations in seconds.
 *
 * @example
 * Runtime.install(runtimeOptionsFor(config));
 */
export function runtimeOptionsFor(config: Pick<WorkerConfig, 'TEMPORAL_METRICS_ADDRESS'>): RuntimeOptions {
  const logging = { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} };
  const bindAddress = config.TEMPORAL_METRICS_ADDRESS;
  return {
    telemetryOptions: bindAddress
      ? { logging, metrics: { prometheus: { bindAddress, useSecondsForDurations: true } } }
      : { logging },
  };
}
