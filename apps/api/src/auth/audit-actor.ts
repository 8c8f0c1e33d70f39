import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuditActor } from '@segflow/api-contracts';
import type { AuthenticatedRequest, Principal } from './principal';

/** The audit log's actor for a request's principal: the user (id, email) or the API key (id); `system` without one. */
export function auditActorOf(principal: Principal | undefined): AuditActor {
  if (!principal) return { kind: 'system', id: null, label: null };
  return principal.kind === 'user'
    ? { kind: 'user', id: principal.user.id, label: principal.user.email }
    : { kind: 'apiKey', id: principal.keyId, label: null };
}

/** Who made the request, as the audit log records it (see {@link auditActorOf}). */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): AuditActor =>
  auditActorOf(context.switchToHttp().getRequest<AuthenticatedRequest>().principal),
);
