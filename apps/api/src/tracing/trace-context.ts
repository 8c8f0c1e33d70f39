import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * Trace context the API carries by hand where no call stack carries it: from a request to the outbox row it wrote,
 * and from that row to its delivery. Only `@opentelemetry/api` here: without OTEL_EXPORTER_OTLP_ENDPOINT no SDK is
 * registered, and every call below is the API's no-op (no traceparent, no span).
 */
export const API_TRACER = 'segflow-api';

/**
 * The W3C `traceparent` of the span active now, to store with work done later; undefined when none is (tracing off).
 *
 * @example
 * const message = { kind: 'run_start', payload: { leadId, runId, traceparent: activeTraceparent() } };
 */
export function activeTraceparent(): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/**
 * Runs `fn` in a span `name` that continues the trace `traceparent` names (the request that wrote an outbox row), so
 * what `fn` starts (a workflow) joins that request's trace. Without a traceparent it just runs `fn`.
 *
 * @example
 * await inSpanContinuing(row.payload.traceparent, 'outbox deliver run_start', () => start(row));
 */
export function inSpanContinuing<T>(traceparent: string | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!traceparent) return fn();
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent });
  return trace.getTracer(API_TRACER).startActiveSpan(name, { kind: SpanKind.CONSUMER }, parent, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * `{ trace_id }` of the span active now, for log lines (the key Temporal's interceptors give worker lines); `{}` when
 * none is.
 */
export function activeTraceFields(): { trace_id?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId } : {};
}
