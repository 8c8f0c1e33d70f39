/** How many failed sign-ins a key (an email, a client IP) may have inside a sliding window. */
export interface SignInLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

/** Past this many tracked keys the stalest are dropped, so a flood of random emails cannot grow memory without end. */
export const MAX_TRACKED_KEYS = 100_000;

/**
 * Counts failed sign-ins per email and per client IP in a sliding window, in this process's memory (several API
 * instances each keep their own counts). `now` is passed in so the window can be tested without waiting.
 */
export class SignInLimiter {
  // Failure times per key, oldest first; a Map keeps insertion order, which the size cap relies on.
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: SignInLimits) {}

  /**
   * Milliseconds until an attempt for this email from this IP may be tried again, or 0 when it may go ahead now;
   * `which` names the limit that blocks.
   */
  blockedFor(email: string, ip: string, now: number): { retryAfterMs: number; which: 'email' | 'ip' | null } {
    const byEmail = this.waitOf(emailKey(email), this.limits.maxFailuresPerEmail, now);
    const byIp = this.waitOf(ipKey(ip), this.limits.maxFailuresPerIp, now);
    if (byEmail === 0 && byIp === 0) return { retryAfterMs: 0, which: null };
    return byEmail >= byIp ? { retryAfterMs: byEmail, which: 'email' } : { retryAfterMs: byIp, which: 'ip' };
  }

  recordFailure(email: string, ip: string, now: number): void {
    const keys = [[emailKey(email), this.limits.maxFailuresPerEmail], [ipKey(ip), this.limits.maxFailuresPerIp]] as const;
    for (const [key, max] of keys) {
      // Only the newest `max` failures decide a block, so no key keeps more than that.
      const times = [...this.recent(key, now), now].slice(-max);
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_TRACKED_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A successful sign-in clears the email's failures; the IP's stay, so one good account cannot unlock guessing. */
  recordSuccess(email: string): void {
    this.failures.delete(emailKey(email));
  }

  private waitOf(key: string, max: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < max) return 0;
    // Blocked until enough of the oldest failures leave the window to bring the count below the limit.
    return times[times.length - max]! + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
