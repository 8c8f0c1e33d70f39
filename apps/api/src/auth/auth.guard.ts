import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import type { AuthenticatedRequest, Principal } from './principal';
import { Credentials, readCredentials } from './request-credentials';
import { crossSiteRefusal } from './cross-site';
import { DEFAULT_ROLES, isRoleAllowed, Role } from './roles';
import { SessionsService } from './sessions.service';

/**
 * The routes an `ingest` API key may call. Kept as data here (not as decorators on the controllers) so the
 * ingest endpoints of other modules need no auth import; add a route here when a new ingest path appears.
 */
export const INGEST_ROUTES: readonly { method: string; url: string }[] = [
  { method: 'POST', url: '/api/leads' },
  { method: 'POST', url: '/api/events' },
  { method: 'POST', url: '/api/intent/classify' },
];

/**
 * Global guard: every endpoint needs a signed-in user unless marked `@Public()`. Endpoints without `@Roles`
 * accept {@link DEFAULT_ROLES}; admins pass every check; API keys only reach {@link INGEST_ROUTES}.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credentials = readCredentials(request);
    request.principal = (await this.authenticate(credentials)) ?? undefined;
    const targets = [context.getHandler(), context.getClass()];
    // Public routes (sign-in, webhooks, unsubscribe links) do not act on the principal, so a cookie sent along is moot.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const principal = request.principal;
    if (!principal) throw new UnauthorizedException('sign in or present an API key');
    const crossSite =
      credentials?.kind === 'session' && credentials.via === 'cookie'
        ? crossSiteRefusal(request, this.config.API_ALLOWED_ORIGINS)
        : null;
    if (crossSite) throw new ForbiddenException(crossSite);
    if (principal.kind === 'apiKey') {
      if (principal.scopes.includes('ingest') && isIngestRoute(request)) return true;
      throw new ForbiddenException('API keys may only post leads and events and classify replies');
    }
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? DEFAULT_ROLES;
    if (isRoleAllowed(principal.user.role, allowed)) return true;
    throw new ForbiddenException(`role ${principal.user.role} may not do this (needs ${allowed.join(' or ')})`);
  }

  private async authenticate(credentials: Credentials): Promise<Principal | null> {
    if (!credentials || credentials.kind === 'malformed') return null;
    return credentials.kind === 'apiKey'
      ? this.apiKeys.resolve(credentials.key)
      : this.sessions.resolve(credentials.token);
  }
}

function isIngestRoute(request: AuthenticatedRequest): boolean {
  const url = request.routeOptions?.url;
  return INGEST_ROUTES.some((route) => route.method === request.method && route.url === url);
}
