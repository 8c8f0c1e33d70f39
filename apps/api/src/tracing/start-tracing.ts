import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/app-config';

/** The API's tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (see {@link startTracing}). */
export interface ApiTracing {
  /** Temporal client interceptors: workflow starts and signals as spans, their context in the workflow's headers. */
  workflowClientInterceptors: WorkflowClientInterceptor[];
  /** Adds the HTTP request spans. */
  registerHttp(fastify: FastifyInstance): void;
  /** Exports the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Nest token of the API's {@link ApiTracing}, null when tracing is off. */
export const API_TRACING = Symbol('API_TRACING');

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise returns null and loads no SDK (its
 * modules are imported here only when on), so an API without it pays nothing.
 *
 * @example
 * const tracing = await startTracing(config);
 */
export async function startTracing(
  config: Pick<AppConfig, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>,
): Promise<ApiTracing | null> {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const { startOtelSdk } = await import('./otel-sdk.js');
  return startOtelSdk(config.OTEL_EXPORTER_OTLP_ENDPOINT, config.OTEL_SERVICE_NAME);
}
