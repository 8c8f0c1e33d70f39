import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'segflow_session';

/**
 * What a request presents: a session token (cookie or bearer `sfs_…`) or an API key (`x-api-key` or bearer `sfk_…`).
 * `via` tells a cookie (which a browser sends by itself, so cross-site checks apply) from a header a client set.
 */
export type Credentials = { kind: 'session'; token: string; via: 'cookie' | 'header' } | { kind: 'apiKey'; key: string } | null;

export function readCredentials(request: FastifyRequest): Credentials {
  const apiKeyHeader = request.headers['x-api-key'];
  if (typeof apiKeyHeader === 'string' && apiKeyHeader) return { kind: 'apiKey', key: apiKeyHeader };
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return bearer.startsWith('sfk_') ? { kind: 'apiKey', key: bearer } : { kind: 'session', token: bearer, via: 'header' };
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  return cookie ? { kind: 'session', token: cookie, via: 'cookie' } : null;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** `Set-Cookie` value for a session; `maxAgeSeconds = 0` clears it. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const flags = [`Path=/`, `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) flags.push('Secure');
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${flags.join('; ')}`;
}
