import { unstorableTextReason } from '@segflow/scoring';
import type { FastifyInstance } from 'fastify';

/**
 * Refuses a path parameter PostgreSQL could not take (a NUL from `%00`) with a 400 naming it, before any handler
 * compares it with a text column (that raised 22021 as a 500 on GET /api/leads/%00, PATCH /api/teams/%00, …).
 */
export function registerPathParamGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    for (const [field, value] of Object.entries((request.params ?? {}) as Record<string, string>)) {
      const reason = unstorableTextReason(value);
      if (reason) return reply.code(400).send({ message: 'invalid request path', issues: [{ field, reason }] });
    }
    return undefined;
  });
}
