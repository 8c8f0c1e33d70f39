import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Clients remembered at once; past it, windows that have ended are dropped first, then the oldest. */
const MAX_TRACKED_CLIENTS = 50_000;
const WINDOW_MS = 60_000;

/**
 * Requests per client IP per minute on the public link routes (unsubscribe page, click redirect, open pixel), counted
 * in this API process: the links need no sign-in, so this is what stops one client from hammering the database
 * through them. A mail client fetching a message's links stays far below any sane limit.
 */
export class PublicLinkRateLimit {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly maxPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `ip`; null when allowed, else the seconds until its window ends. */
  take(ip: string): number | null {
    const at = this.now();
    const window = this.windows.get(ip);
    if (!window || at - window.startedAt >= WINDOW_MS) {
      this.remember(ip, at);
      return null;
    }
    if (window.count >= this.maxPerMinute) return Math.ceil((window.startedAt + WINDOW_MS - at) / 1000);
    window.count += 1;
    return null;
  }

  private remember(ip: string, at: number): void {
    this.windows.delete(ip);
    if (this.windows.size >= MAX_TRACKED_CLIENTS) {
      for (const [key, w] of this.windows) if (at - w.startedAt >= WINDOW_MS) this.windows.delete(key);
      if (this.windows.size >= MAX_TRACKED_CLIENTS) this.windows.delete(this.windows.keys().next().value!);
    }
    this.windows.set(ip, { startedAt: at, count: 1 });
  }
}

/** 429 with Retry-After once a client is over {@link PublicLinkRateLimit}. */
@Injectable()
export class PublicLinkRateGuard implements CanActivate {
  constructor(private readonly limit: PublicLinkRateLimit) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const retryAfter = this.limit.take(http.getRequest<FastifyRequest>().ip);
    if (retryAfter === null) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new HttpException(
      { message: `too many requests from your network address; try again in ${retryAfter} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
