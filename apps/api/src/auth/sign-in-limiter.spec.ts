import { MAX_TRACKED_KEYS, SignInLimiter } from './sign-in-limiter';

const limits = { maxFailuresPerEmail: 3, maxFailuresPerIp: 5, windowMs: 60_000 };

describe('SignInLimiter', () => {
  it('blocks an email after its limit of failures and tells how long until the oldest leaves the window', () => {
    const sut = new SignInLimiter(limits);
    for (const t of [0, 10_000, 20_000]) {
      expect(sut.blockedFor('a@x.test', '127.0.0.1', t).retryAfterMs).toBe(0);
      sut.recordFailure('A@x.test ', '127.0.0.1', t);
    }
    expect(sut.blockedFor('a@x.test', '127.0.0.9', 30_000)).toEqual({ retryAfterMs: 30_000, which: 'email' });
    // A sliding window: at 60 s the first failure leaves it and one more try is allowed.
    expect(sut.blockedFor('a@x.test', '127.0.0.9', 60_000).retryAfterMs).toBe(0);
    expect(sut.blockedFor('other@x.test', '127.0.0.9', 30_000).retryAfterMs).toBe(0);
  });

  it('blocks an IP that guesses across many emails, and only that IP', () => {
    const sut = new SignInLimiter(limits);
    for (let i = 0; i < 5; i += 1) sut.recordFailure(`user${i}@x.test`, '127.0.0.2', i * 1000);
    expect(sut.blockedFor('fresh@x.test', '127.0.0.2', 5000)).toEqual({ retryAfterMs: 55_000, which: 'ip' });
    expect(sut.blockedFor('fresh@x.test', '127.0.0.3', 5000).retryAfterMs).toBe(0);
  });

  it('forgets the email after a success but keeps the IP count', () => {
    const sut = new SignInLimiter({ ...limits, maxFailuresPerIp: 3 });
    for (const t of [0, 1, 2]) sut.recordFailure('a@x.test', '127.0.0.4', t);
    sut.recordSuccess('a@x.test');
    expect(sut.blockedFor('a@x.test', '127.0.0.5', 3).retryAfterMs).toBe(0);
    expect(sut.blockedFor('a@x.test', '127.0.0.4', 3).which).toBe('ip');
  });

  it(`tracks at most ${MAX_TRACKED_KEYS} keys, dropping the stalest`, () => {
    const sut = new SignInLimiter({ ...limits, maxFailuresPerEmail: 1 });
    sut.recordFailure('first@x.test', '127.0.0.6', 0);
    for (let i = 0; i < MAX_TRACKED_KEYS; i += 1) sut.recordFailure(`n${i}@x.test`, '127.0.0.6', 1);
    expect(sut.blockedFor('first@x.test', '127.0.0.7', 2).retryAfterMs).toBe(0);
    expect(sut.blockedFor(`n${MAX_TRACKED_KEYS - 1}@x.test`, '127.0.0.7', 2).retryAfterMs).toBeGreaterThan(0);
  });
});
