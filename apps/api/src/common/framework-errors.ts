import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's router refuses a path it cannot decode (`%ED%A0%80`, a cut escape) or whose parameter is too long before
 * Nest sees it; answer in the API's refusal shape, naming `(path)` since no route, so no parameter name, was matched.
 */
export function replyToFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(error.statusCode ?? 400)
    .send({ message: 'invalid request path', issues: [{ field: '(path)', reason: error.message }] });
}
