import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import { startTestApi, TEST_USER_PASSWORD, TestApi } from '../testing/test-api';
import { PasswordHasher } from './password-hasher';

describe('POST /api/auth/sign-in rate limit (real Postgres)', () => {
  let api: TestApi;
  // No traffic leaves the process: app.inject only labels the request with this remote address.
  const signIn = (email: string, password: string, ip = '127.0.0.10') =>
    api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip });

  beforeAll(async () => {
    api = await startTestApi({
      AUTH_SIGN_IN_MAX_FAILURES_PER_EMAIL: '3',
      AUTH_SIGN_IN_MAX_FAILURES_PER_IP: '6',
      AUTH_SIGN_IN_WINDOW_SECONDS: '600',
    });
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After and a clear message once an email has too many failures, even for the right password', async () => {
    const rep = await api.createUser({ role: 'rep' });
    for (let i = 0; i < 3; i += 1) expect((await signIn(rep.email, 'wrong-password')).statusCode).toBe(401);
    const blocked = await signIn(rep.email, TEST_USER_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(blocked.json()).toMatchObject({
      message: expect.stringMatching(/too many failed sign-in attempts for this email; try again in \d+ s/),
      retryAfterSeconds: retryAfter,
    });
    // Another email from another address is unaffected.
    const other = await api.createUser({ role: 'ops' });
    expect((await signIn(other.email, TEST_USER_PASSWORD, '127.0.0.11')).statusCode).toBe(200);
    // The block is per email, whatever the case or surrounding spaces.
    expect((await signIn(` ${rep.email.toUpperCase()} `, TEST_USER_PASSWORD, '127.0.0.12')).statusCode).toBe(429);
  });

  it('resets the email count on a successful sign-in', async () => {
    const rep = await api.createUser({ role: 'rep' });
    for (let i = 0; i < 2; i += 1)
      expect((await signIn(rep.email, 'wrong-password', '127.0.0.20')).statusCode).toBe(401);
    expect((await signIn(rep.email, TEST_USER_PASSWORD, '127.0.0.20')).statusCode).toBe(200);
    for (let i = 0; i < 2; i += 1)
      expect((await signIn(rep.email, 'wrong-password', '127.0.0.20')).statusCode).toBe(401);
    // Four failures in all, but only two since the success: still allowed.
    expect((await signIn(rep.email, TEST_USER_PASSWORD, '127.0.0.20')).statusCode).toBe(200);
  });

  it('blocks an address guessing across many emails, and leaves other addresses alone', async () => {
    for (let i = 0; i < 6; i += 1)
      expect((await signIn(`nobody${i}@segflow.test`, 'guess', '127.0.0.30')).statusCode).toBe(401);
    const user = await api.createUser({ role: 'manager' });
    const blocked = await signIn(user.email, TEST_USER_PASSWORD, '127.0.0.30');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(/from your network address/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(user.email, TEST_USER_PASSWORD, '127.0.0.31')).statusCode).toBe(200);
  });

  it('checks at most the allowed number of passwords in a parallel burst and answers the rest 429 at once', async () => {
    const rep = await api.createUser({ role: 'rep' });
    const checks = jest.spyOn(api.app.get(PasswordHasher), 'check');
    try {
      const statuses = (
        await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(rep.email, `wrong-${i}`, `127.0.1.${i}`)))
      ).map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(47);
      expect(checks).toHaveBeenCalledTimes(3);
    } finally {
      checks.mockRestore();
    }
  });

  it('shares the counts between API replicas on the same database', async () => {
    const replica = await startTestApi({
      DATABASE_URL: api.config.DATABASE_URL,
      AUTH_SIGN_IN_MAX_FAILURES_PER_EMAIL: '3',
    });
    try {
      const rep = await api.createUser({ role: 'rep' });
      for (let i = 0; i < 3; i += 1)
        expect((await signIn(rep.email, 'wrong-password', '127.0.0.40')).statusCode).toBe(401);
      const there = await replica.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: rep.email, password: TEST_USER_PASSWORD },
        remoteAddress: '127.0.0.41',
      });
      expect(there.statusCode).toBe(429);
    } finally {
      await replica.close();
    }
  });

  it('replaces a bcrypt hash from before with scrypt at the next successful sign-in', async () => {
    const rep = await api.createUser({ role: 'rep' });
    const db = new Client({ connectionString: api.config.DATABASE_URL });
    await db.connect();
    const hashOf = async () =>
      (await db.query(`SELECT password_hash FROM users WHERE id = $1`, [rep.id])).rows[0].password_hash as string;
    try {
      await db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        rep.id,
        bcrypt.hashSync('legacy-password', 4),
      ]);
      expect((await signIn(rep.email, 'not-it', '127.0.0.50')).statusCode).toBe(401);
      expect(await hashOf()).toMatch(/^\$2[aby]\$/);
      expect((await signIn(rep.email, 'legacy-password', '127.0.0.50')).statusCode).toBe(200);
      expect(await hashOf()).toMatch(/^\$scrypt\$ln=10,/);
      expect((await signIn(rep.email, 'legacy-password', '127.0.0.50')).statusCode).toBe(200);
    } finally {
      await db.end();
    }
  });
});
