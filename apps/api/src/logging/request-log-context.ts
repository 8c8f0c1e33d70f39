import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

const requestLoggers = new AsyncLocalStorage<FastifyBaseLogger>();

/** The logger of the request being served (it carries `reqId`), or undefined outside a request. */
export function requestLogger(): FastifyBaseLogger | undefined {
  return requestLoggers.getStore();
}

/**
 * Serves every request's handler inside its request logger, so Nest services log with the request id. Entered at
 * `preHandler`: the body is parsed by then, and the stream events that parse it run outside any earlier context.
 */
export function registerRequestLogContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => requestLoggers.run(request.log, done));
}
