import type { FastifyRequest } from 'fastify';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why a request authenticated by the session cookie looks cross-site, or null when it may go ahead. The browser
 * attaches the cookie to a form or `text/plain` POST from any site, so a state-changing request must either send
 * `content-type: application/json` (another site cannot without a CORS preflight, which this API never answers) or
 * carry an Origin naming this site: the request's own host, or one of `allowedOrigins` (API_ALLOWED_ORIGINS).
 */
export function crossSiteRefusal(request: FastifyRequest, allowedOrigins: readonly string[]): string | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const mediaType = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (mediaType === 'application/json') return null;
  const origin = request.headers.origin;
  if (origin && isSameSite(origin, request.host, allowedOrigins)) return null;
  const what = origin ? `Origin ${origin} is not this site` : 'no Origin header';
  return `cross-site request refused (${what}): a ${request.method} signed in by the session cookie must send content-type application/json or come from this site (or an origin in API_ALLOWED_ORIGINS)`;
}

function isSameSite(origin: string, host: string, allowedOrigins: readonly string[]): boolean {
  try {
    const url = new URL(origin);
    // Read the Host under the Origin's scheme, so a default port written out (`:80`) still matches.
    return url.host === new URL(`${url.protocol}//${host}`).host || allowedOrigins.includes(url.origin);
  } catch {
    return false;
  }
}
