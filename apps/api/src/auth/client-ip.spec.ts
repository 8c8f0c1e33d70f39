import { startTestApi, TEST_USER_PASSWORD, TestApi } from '../testing/test-api';

// The per-IP sign-in limit is where the client address matters, so it is what these tests observe.
describe('client address behind a proxy (API_TRUST_PROXY=10.0.0.0/8, real Postgres)', () => {
  let api: TestApi;
  const signIn = (email: string, password: string, peer: string, forwardedFor?: string) =>
    api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      remoteAddress: peer,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  beforeAll(async () => {
    api = await startTestApi({
      API_TRUST_PROXY: '10.0.0.0/8',
      AUTH_SIGN_IN_MAX_FAILURES_PER_IP: '3',
      AUTH_SIGN_IN_MAX_FAILURES_PER_EMAIL: '100',
    });
  });
  afterAll(() => api.close());

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(`nobody${i}@segflow.test`, 'guess', '192.0.2.7', `198.51.100.${i}`)).statusCode).toBe(401);
    }
    const user = await api.createUser({ role: 'rep' });
    const forged = await signIn(user.email, TEST_USER_PASSWORD, '192.0.2.7', '198.51.100.99');
    expect(forged.statusCode).toBe(429);
    expect(forged.json().message).toMatch(/from your network address/);
  });

  it('counts per client behind a trusted proxy, taking the address the proxy saw, not one the client prepended', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await signIn(`someone${i}@segflow.test`, 'guess', '10.1.2.3', `203.0.113.${i}, 203.0.113.50`)).statusCode,
      ).toBe(401);
    }
    const user = await api.createUser({ role: 'rep' });
    expect((await signIn(user.email, TEST_USER_PASSWORD, '10.1.2.3', '203.0.113.77, 203.0.113.50')).statusCode).toBe(
      429,
    );
    // Another client through the same proxy is not blocked.
    expect((await signIn(user.email, TEST_USER_PASSWORD, '10.1.2.3', '203.0.113.51')).statusCode).toBe(200);
  });
});
