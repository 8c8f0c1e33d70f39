import type { ActivityInterceptorsFactory, WorkerOptions } from '@temporalio/worker';

/** The worker's tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (see {@link startTracing}). */
export interface WorkerTracing {
  /** An activity's span, continuing its workflow's trace (from the activity's headers). */
  activityInterceptors: ActivityInterceptorsFactory[];
  /** The sink the traced workflow bundle exports its workflow spans through. */
  sinks: NonNullable<WorkerOptions['sinks']>;
  /** Exports the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise returns null and loads no SDK (its
 * modules are imported here only when on). With tracing on the worker runs the traced workflow bundle, whose
 * interceptors turn each workflow run into a span continuing the starter's trace and carry it to the activities.
 *
 * @example
 * const tracing = await startTracing(config);
 */
export async function startTracing(config: {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_SERVICE_NAME: string;
}): Promise<WorkerTracing | null> {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const { startOtelSdk } = await import('./otel-sdk.js');
  return startOtelSdk(config.OTEL_EXPORTER_OTLP_ENDPOINT, config.OTEL_SERVICE_NAME);
}
