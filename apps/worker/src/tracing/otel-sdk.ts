import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerTracing } from './start-tracing';

/** Spans leave in batches at most this long after they end. */
const EXPORT_DELAY_MS = 1_000;

/**
 * Registers the global tracer provider exporting over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`; workflow spans,
 * made inside the sandbox, reach the same processor through the `exporter` sink.
 */
export function startOtelSdk(endpoint: string, serviceName: string): WorkerTracing {
  const resource = new Resource({ 'service.name': serviceName });
  const processor = new BatchSpanProcessor(
    new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
    { scheduledDelayMillis: EXPORT_DELAY_MS },
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  return {
    activityInterceptors: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
    ],
    sinks: { exporter: makeWorkflowExporter(processor, resource) },
    shutdown: () => provider.shutdown(),
  };
}
