import { createParamDecorator, ExecutionContext, SetMetadata, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedRequest, SessionUser, UserPrincipal } from './principal';
import type { Role } from './roles';

export const IS_PUBLIC = 'segflow:isPublic';
export const ALLOWED_ROLES = 'segflow:allowedRoles';

/** The endpoint needs no credentials (health, sign-in). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only users with one of these roles (or admins) may call the endpoint; overrides {@link DEFAULT_ROLES}. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The signed-in user of the request; 401 when the request was made with an API key. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionUser => sessionOrThrow(context).user,
);

/** The session of the request (its user, id and expiry); 401 when the request was made with an API key. */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext): UserPrincipal =>
  sessionOrThrow(context),
);

function sessionOrThrow(context: ExecutionContext): UserPrincipal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'user') throw new UnauthorizedException('sign in as a user');
  return principal;
}
