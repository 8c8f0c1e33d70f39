import { createHash, randomBytes } from 'node:crypto';

/** Prefix of session tokens (`sfs_…`) and API keys (`sfk_…`), so a leaked string says what it is. */
export type TokenKind = 'sfs' | 'sfk';

/** A new 256-bit secret, e.g. `sfs_3q2+…`; only its hash is ever stored. */
export function generateSecretToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Whether `token` has the shape {@link generateSecretToken} gives a `kind`: anything else cannot be one of ours, so it
 * is refused (401) without a lookup, whatever bytes it holds.
 */
export function isWellFormedSecretToken(kind: TokenKind, token: string): boolean {
  return token.length === 47 && token.startsWith(`${kind}_`) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(4));
}

/**
 * SHA-256 of a token, hex. A fast hash is enough here (unlike passwords): the tokens are 256 random bits,
 * so there is nothing to guess, and lookups stay one indexed equality per request.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
