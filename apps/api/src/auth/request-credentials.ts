import type { FastifyRequest } from 'fastify';
import { isWellFormedSecretToken, TokenKind } from './secret-token';

export const SESSION_COOKIE = 'segflow_session';

/**
/**
 * What a request presents: a session token (cookie or bearer `sfs_…`), an API key (`x-api-key` or bearer `sfk_…`),
 * or something in one of those places that cannot be either (`malformed`: a 401 like an unknown token, never a 500).
 * `via` tells a cookie (which a browser sends by itself, so cross-site checks apply) from a header a client set.
 */
export type Credentials =
  | { kind: 'session'; token: string; via: 'cookie' | 'header' }
  | { kind: 'apiKey'; key: string }
  | { kind: 'malformed' }
  | null;

export function readCredentials(request: FastifyRequest): Credentials {
  const apiKeyHeader = request.headers['x-api-key'];
  if (typeof apiKeyHeader === 'string' && apiKeyHeader) return credentialsOf('sfk', apiKeyHeader, 'header');
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return credentialsOf(bearer.startsWith('sfk_') ? 'sfk' : 'sfs', bearer, 'header');
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  return cookie ? credentialsOf('sfs', cookie, 'cookie') : null;
}

function credentialsOf(kind: TokenKind, token: string, via: 'cookie' | 'header'): Credentials {
  if (!isWellFormedSecretToken(kind, token)) return { kind: 'malformed' };
  return kind === 'sfk' ? { kind: 'apiKey', key: token } : { kind: 'session', token, via };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // Bad percent-encoding: kept as sent, so it reads as a malformed token.
      return value.join('=');
    }
  }
  return undefined;
}

/** `Set-Cookie` value for a session; `maxAgeSeconds = 0` clears it. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const flags = [`Path=/`, `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) flags.push('Secure');
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${flags.join('; ')}`;
}
