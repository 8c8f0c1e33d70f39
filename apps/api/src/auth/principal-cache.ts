import type { Principal } from './principal';

/** Most principals, and most refused credentials, one API process remembers (each map is cleared whole when full). */
export const MAX_CACHED_CREDENTIALS = 10_000;

interface Entry {
  principal: Principal;
  until: number;
}

/**
 * Principals of recently seen credentials (by token or key hash), so a busy client — an ingest sender posting
 * events many times a second — costs no database round trip per request for auth. Entries live `ttlMs` at most
 * (AUTH_CACHE_SECONDS; 0 turns the cache off). This instance forgets them at once on sign-out, key revocation and
 * user changes; another API instance sees such a change within `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  /** Credentials refused lately (hash → until when), so junk replayed in a loop costs no pooled connection. */
  private readonly refused = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = MAX_CACHED_CREDENTIALS,
    private readonly refusedTtlMs = 0,
  ) {}

  /** Whether the credential was refused less than `refusedTtlMs` ago (AUTH_REFUSED_CACHE_SECONDS). */
  isRefused(credentialHash: string, now = Date.now()): boolean {
    const until = this.refused.get(credentialHash);
    if (until === undefined) return false;
    if (until > now) return true;
    this.refused.delete(credentialHash);
    return false;
  }

  /** Remembers a refused credential; bounded like the principals (cleared whole when full). */
  refuse(credentialHash: string, now = Date.now()): void {
    if (this.refusedTtlMs <= 0) return;
    if (this.refused.size >= this.maxEntries) this.refused.clear();
    this.refused.set(credentialHash, now + this.refusedTtlMs);
  }

  get(credentialHash: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(credentialHash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.principal;
    this.entries.delete(credentialHash);
    return undefined;
  }

  /** Remembers a resolved principal, never past `expiresAt` (a session's own end). */
  set(credentialHash: string, principal: Principal, expiresAt = Infinity, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    // Many distinct credentials at once is unusual; dropping everything keeps memory bounded without an LRU.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(credentialHash, { principal, until: Math.min(now + this.ttlMs, expiresAt) });
  }

  forgetSession(sessionId: string): void {
    this.forget((p) => p.kind === 'user' && p.sessionId === sessionId);
  }

  /** Also forgets every refusal: a reactivated user's sessions are valid again. */
  forgetUser(userId: string): void {
    this.forget((p) => p.kind === 'user' && p.user.id === userId);
    this.refused.clear();
  }

  forgetApiKey(keyId: string): void {
    this.forget((p) => p.kind === 'apiKey' && p.keyId === keyId);
  }

  private forget(matches: (principal: Principal) => boolean): void {
    for (const [hash, entry] of this.entries) if (matches(entry.principal)) this.entries.delete(hash);
  }
}
