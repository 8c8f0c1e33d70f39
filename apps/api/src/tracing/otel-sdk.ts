import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { registerHttpTracing } from './http-tracing';
import type { ApiTracing } from './start-tracing';

/** Spans leave in batches at most this long after they end: soon enough to follow a request live. */
const EXPORT_DELAY_MS = 1_000;

/**
 * Registers the global tracer provider (AsyncLocalStorage context, W3C trace context propagation) exporting over
 * OTLP/HTTP with JSON bodies to `<endpoint>/v1/traces`, as OTEL_EXPORTER_OTLP_ENDPOINT means in the OpenTelemetry spec.
 */
export function startOtelSdk(endpoint: string, serviceName: string): ApiTracing {
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: EXPORT_DELAY_MS })],
  });
  provider.register();
  return {
    workflowClientInterceptors: [new OpenTelemetryWorkflowClientInterceptor()],
    registerHttp: registerHttpTracing,
    shutdown: () => provider.shutdown(),
  };
}
