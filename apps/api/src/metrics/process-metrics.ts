import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';

// Counters and histograms observed where the work happens. They belong to the process (one API per process in
// production), so they live in one module-level registry; tests that start several APIs in one process assert deltas.
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

// Ingest's flushes are milliseconds long at load and seconds when the database stalls.
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const ingestEvents = new Counter({
  name: 'segflow_ingest_events_total',
  help: 'Events posted to POST /api/events, by result (accepted, duplicate, rejected)',
  labelNames: ['result'] as const,
  registers: [processRegistry],
});
const ingestFlushSeconds = new Histogram({
  name: 'segflow_ingest_flush_seconds',
  help: "Duration of one ingest flush (one transaction of coalesced requests' events)",
  buckets: LATENCY_BUCKETS_SECONDS,
  registers: [processRegistry],
});
const ingestDecisionSeconds = new Histogram({
  name: 'segflow_ingest_decision_seconds',
  help: 'From a POST /api/events batch validated to its segment decisions committed (queue wait + flush)',
  buckets: LATENCY_BUCKETS_SECONDS,
  registers: [processRegistry],
});
const httpRequests = new Counter({
  name: 'segflow_http_requests_total',
  help: 'HTTP responses, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [processRegistry],
});
const httpSeconds = new Histogram({
  name: 'segflow_http_request_duration_seconds',
  help: 'HTTP response time, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: LATENCY_BUCKETS_SECONDS,
  registers: [processRegistry],
});

/**
 * Ingest instrumentation, one call at each place it observes.
 *
 * @example
 * const flushed = ingestMetrics.flushStarted();  // … write …  flushed();
 */
export const ingestMetrics = {
  /** Call as a flush starts; call the returned function when it settles. */
  flushStarted(): () => void {
    return ingestFlushSeconds.startTimer();
  },
  /** Call as a batch is validated; call the returned function with its results once they are committed. */
  decisionStarted(): (results: readonly { status: 'accepted' | 'duplicate' | 'rejected' }[]) => void {
    const end = ingestDecisionSeconds.startTimer();
    return (results) => {
      end();
      for (const { status } of results) ingestEvents.inc({ result: status });
    };
  },
};

/** Counts every response by Fastify's route pattern (never the raw URL: ids would make a series each); unrouted requests are `unmatched`. */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
