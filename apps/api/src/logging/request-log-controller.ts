import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request log lines, quieter: nothing when a request comes in, one line when it is answered — at `debug` for
 * routine answers (below 400), `info` for 4xx, `error` for 5xx or a failed response — so `npm start` at `info` shows
 * what went wrong and not every poll. The route pattern is logged, not the URL: links carry signed tokens. Fastify's
 * other lines (errors of its own handlers) stay as they are.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const level = error || status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
    reply.log[level](
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        statusCode: status,
        responseTimeMs: Math.round(reply.elapsedTime),
        ...(error ? { err: error } : {}),
      },
      'request completed',
    );
  }
}
