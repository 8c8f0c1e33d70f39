import { context, propagation, trace } from '@opentelemetry/api';
import { startOtlpCollector } from '../../../../e2e/support/otlp-collector';
import { startOtelSdk } from './otel-sdk';
import { startTracing } from './start-tracing';

describe('worker tracing', () => {
  afterEach(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('without OTEL_EXPORTER_OTLP_ENDPOINT registers no tracer provider: spans are no-ops, nothing to export', async () => {
    expect(await startTracing({ OTEL_SERVICE_NAME: 'segflow-worker' })).toBeNull();
    const span = trace.getTracer('probe').startSpan('probe');
    // A non-recording span reaches no span processor, so no exporter could send it.
    expect(span.isRecording()).toBe(false);
    span.end();
    // The API refuses a second global provider, so this succeeds only while none is registered.
    expect(trace.setGlobalTracerProvider(trace.getTracerProvider())).toBe(true);
  });

  // What startTracing does with the endpoint set (its dynamic import runs only in the built worker, not under
  // jest): the same checks tell the two apart.
  it('with the SDK started, records spans and exports them to the endpoint', async () => {
    const collector = await startOtlpCollector();
    try {
      const tracing = startOtelSdk(collector.url, 'probe-worker');
      const span = trace.getTracer('probe').startSpan('probe');
      expect(span.isRecording()).toBe(true);
      span.end();
      expect(trace.setGlobalTracerProvider(trace.getTracerProvider())).toBe(false);
      await tracing.shutdown(); // flushes the batch
      expect(collector.spans).toEqual([expect.objectContaining({ service: 'probe-worker', name: 'probe' })]);
    } finally {
      await collector.close();
    }
  });
});
