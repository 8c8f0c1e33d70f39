import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_TRACER } from './trace-context';

/**
 * A SERVER span per HTTP request, `<METHOD> <route pattern>`, continuing a `traceparent` the client sent. The handler
 * runs inside it (entered at `preHandler`, once the body is parsed: the stream events that parse it run outside any
 * earlier context), so what it starts — a workflow, an outbox row's traceparent — belongs to the request's trace.
 */
export function registerHttpTracing(fastify: FastifyInstance): void {
  const tracer = trace.getTracer(API_TRACER);
  const spans = new WeakMap<FastifyRequest, Span>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      request.method,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'segflow.request_id': request.id },
      },
      parent,
    );
    spans.set(request, span);
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    const span = spans.get(request);
    if (!span) return done();
    const route = request.routeOptions.url;
    if (route) span.updateName(`${request.method} ${route}`).setAttribute('http.route', route);
    context.with(trace.setSpan(ROOT_CONTEXT, span), done);
  });
  const end = (request: FastifyRequest, status: number | null) => {
    const span = spans.get(request);
    if (!span) return;
    spans.delete(request);
    if (status === null) span.setStatus({ code: SpanStatusCode.ERROR, message: 'client closed the request' });
    else {
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  fastify.addHook('onResponse', (request, reply, done) => {
    end(request, reply.statusCode);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    end(request, null);
    done();
  });
}
