import type { FastifyRequest } from 'fastify';
import type { ApiKeyScope } from '@segflow/stores';
import type { Role } from './roles';

/** The signed-in user as every service sees it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
}

/** Who made a request: a signed-in user or an API key. */
export type Principal =
  | { kind: 'user'; user: SessionUser; sessionId: string; sessionExpiresAt: Date }
  | { kind: 'apiKey'; keyId: string; scopes: ApiKeyScope[] };

/** A principal signed in with a session. */
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The request after the auth guard ran. */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
