import { base64UrlToHex, decodeBase64Url, encodeBase64Url } from './base64url';

/**
 * Signed, unguessable tokens for the links and addresses Segflow puts in a message: one-click unsubscribe, click
 * redirects and reply addresses. A token carries a touch id (and for a click the target URL) — never an address or
 * a name — and an HMAC of it. The HMAC is passed in (`sign`), so this module stays pure: the API and the worker
 * each sign with `SEGFLOW_SECRET`.
 */

/** Produces a URL-safe MAC of `data`; the same secret must sign and verify. */
export type Signer = (data: string) => string;

/** What a token authorises. */
export type TokenPurpose = 'unsubscribe' | 'click' | 'open';

/** A verified token's contents. */
export interface TokenClaims {
  purpose: TokenPurpose;
  touchId: string;
  /** For `click`: the URL that was in the rendered touch, the only place the redirect may go. */
  url?: string;
}

const PURPOSE_CODES: Record<TokenPurpose, string> = { unsubscribe: 'u', click: 'c', open: 'o' };
const MAC_LENGTH = 22; // 132 bits of the MAC, base64url

/** Compares two strings in time independent of where they differ (both are MACs of a fixed length). */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * A signed token for `claims`: `<payload>.<mac>`, both base64url.
 *
 * @example
 * const token = signToken({ purpose: 'unsubscribe', touchId: 't-1' }, sign); // 'dS50LTE.Xy…'
 */
export function signToken(claims: TokenClaims, sign: Signer): string {
  const fields = [PURPOSE_CODES[claims.purpose], claims.touchId, ...(claims.url === undefined ? [] : [claims.url])];
  const payload = encodeBase64Url(JSON.stringify(fields));
  return `${payload}.${sign(payload).slice(0, MAC_LENGTH)}`;
}

/**
 * The claims of a token signed with the same secret, or null for anything forged, truncated or malformed.
 *
 * @example
 * verifyToken(signToken({ purpose: 'click', touchId: 't-1', url: 'https://x.in' }, sign), sign)?.url; // 'https://x.in'
 */
export function verifyToken(token: string, sign: Signer): TokenClaims | null {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined || payload.length > 4096) return null;
  if (!constantTimeEqual(mac, sign(payload).slice(0, MAC_LENGTH))) return null;
  const json = decodeBase64Url(payload);
  if (json === null) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) return null;
  const [code, touchId, url] = fields as string[];
  const purpose = (Object.keys(PURPOSE_CODES) as TokenPurpose[]).find((p) => PURPOSE_CODES[p] === code);
  if (!purpose || !touchId) return null;
  if (purpose === 'click' && !url) return null;
  return url === undefined ? { purpose, touchId } : { purpose, touchId, url };
}

/**
 * The reply address of a touch, `reply+<touch id without dashes>.<mac>@<domain>`: lower-case hex only, so a mail
 * system that folds the local part's case still threads the reply, and 55 characters of local part (RFC 5321: ≤ 64).
 *
 * @example
 * replyAddress('0b9c…-…', 'reply.segflow.local', sign); // 'reply+0b9c….1a2b3c4d5e6f7a8b@reply.segflow.local'
 */
export function replyAddress(touchId: string, domain: string, sign: Signer): string {
  const hex = touchId.replace(/-/g, '').toLowerCase();
  return `reply+${hex}.${replyMac(hex, sign)}@${domain}`;
}

function replyMac(hex: string, sign: Signer): string {
  // The MAC in hex (16 digits, 64 bits): base64url would not survive case folding.
  return base64UrlToHex(sign(`r.${hex}`).slice(0, 11)).slice(0, 16);
}

/**
 * The touch id a reply address names, or null when the address is not a valid reply address of `domain`
 * (wrong domain, forged or altered MAC). Case-insensitive.
 *
 * @example
 * touchIdOfReplyAddress(replyAddress(id, 'r.example', sign), 'r.example', sign); // id
 */
export function touchIdOfReplyAddress(address: string, domain: string, sign: Signer): string | null {
  const match = /^reply\+([0-9a-f]{32})\.([0-9a-f]{16})@(.+)$/.exec(address.trim().toLowerCase());
  if (!match || match[3] !== domain.toLowerCase()) return null;
  const [, hex, mac] = match as unknown as [string, string, string];
  if (!constantTimeEqual(mac, replyMac(hex, sign))) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
