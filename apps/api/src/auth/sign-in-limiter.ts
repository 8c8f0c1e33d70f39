import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import {
  clearSignInAttempts,
  releaseSignInAttempt,
  reserveSignInAttempt,
  sweepSignInAttempts,
  type Queryable,
} from '@segflow/stores';

/** How many failed password checks a key (an email, a client IP) may have inside one window. */
export interface SignInLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

/** 429 for a blocked sign-in; the controller copies `retryAfterSeconds` into the Retry-After header. */
export class SignInBlockedException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    which: 'email' | 'ip',
  ) {
    const whose = which === 'email' ? 'for this email' : 'from your network address';
    super(
      { message: `too many failed sign-in attempts ${whose}; try again in ${retryAfterSeconds} s`, retryAfterSeconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Limits password checks per email and per client IP, in PostgreSQL so every API replica shares the counts. An
 * attempt is reserved before the password is checked, so a parallel burst gets at most the allowed number of checks
 * and the rest a 429 at once; a wrong password keeps its reservation, anything else gives it back.
 */
export class SignInLimiter {
  constructor(
    private readonly db: Queryable,
    private readonly limits: SignInLimits,
  ) {}

  /** Runs `check` (a password check) within the limits; throws {@link SignInBlockedException} without running it when over. */
  async limitOrThrow<T>(email: string, ip: string, check: () => Promise<T>, now = new Date()): Promise<T> {
    const [byEmail, byIp] = [emailKey(email), ipKey(ip)];
    await this.reserveOrThrow(byEmail, this.limits.maxFailuresPerEmail, 'email', now);
    try {
      await this.reserveOrThrow(byIp, this.limits.maxFailuresPerIp, 'ip', now);
    } catch (error) {
      await releaseSignInAttempt(this.db, byEmail, now);
      throw error;
    }
    try {
      const result = await check();
      // A success clears the email's failures; the IP's stay, so one good account cannot unlock guessing.
      await clearSignInAttempts(this.db, byEmail);
      await releaseSignInAttempt(this.db, byIp, now);
      return result;
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) {
        await releaseSignInAttempt(this.db, byEmail, now);
        await releaseSignInAttempt(this.db, byIp, now);
      }
      await sweepSignInAttempts(this.db, now);
      throw error;
    }
  }

  private async reserveOrThrow(key: string, max: number, which: 'email' | 'ip', now: Date): Promise<void> {
    const reservation = await reserveSignInAttempt(this.db, key, max, this.limits.windowMs, now);
    if (reservation.reserved) return;
    throw new SignInBlockedException(
      Math.max(1, Math.ceil((reservation.windowEndsAt.getTime() - now.getTime()) / 1000)),
      which,
    );
  }
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
