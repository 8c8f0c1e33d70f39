import { startTestApi, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, TestApi } from '../testing/test-api';

describe('cross-site requests with the session cookie (real Postgres)', () => {
  let api: TestApi;
  let cookie: string;
  const host = 'segflow.example:5173';
  const postTeam = (headers: Record<string, string>, payload: string) =>
    api.app.inject({ method: 'POST', url: '/api/teams', headers: { host, ...headers }, payload });

  beforeAll(async () => {
    api = await startTestApi({ API_ALLOWED_ORIGINS: 'https://admin.segflow.example' });
    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD },
    });
    cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(() => api.close());

  it('refuses a text/plain POST from another site, with a 403 that says why, and changes nothing', async () => {
    // Revoking takes no body, so the body pipe would not stop a forged POST: the cross-site check must.
    const key = (await api.request('POST', '/api/api-keys', { name: 'ingest' })).body as { id: string };
    const revoke = (headers: Record<string, string>) =>
      api.app.inject({
        method: 'POST',
        url: `/api/api-keys/${key.id}/revoke`,
        headers: { host, cookie, 'content-type': 'text/plain', ...headers },
        payload: 'x',
      });
    const refused = await revoke({ origin: 'https://evil.example' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(
      'cross-site request refused (Origin https://evil.example is not this site): a POST signed in by the session cookie must send content-type application/json or come from this site (or an origin in API_ALLOWED_ORIGINS)',
    );
    const noOrigin = await revoke({});
    expect(noOrigin.statusCode).toBe(403);
    expect(noOrigin.json().message).toMatch(/^cross-site request refused \(no Origin header\)/);
    const keys = (await api.request('GET', '/api/api-keys')).body as { id: string; revokedAt: string | null }[];
    expect(keys.find((k) => k.id === key.id)?.revokedAt).toBeNull();
    const fromThisSite = await revoke({ origin: `http://${host}` });
    expect(fromThisSite.statusCode).toBe(201);
  });

  it('lets JSON through, and a bodiless POST or DELETE from this site or an allowed origin', async () => {
    const created = await postTeam(
      { cookie, 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify({ id: 'east', name: 'East' }),
    );
    expect(created.statusCode).toBe(201);
    const ownSite = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { host, cookie: await freshCookie(), origin: `http://${host}` },
    });
    expect(ownSite.statusCode).toBe(204);
    const allowed = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { host, cookie: await freshCookie(), origin: 'https://admin.segflow.example' },
    });
    expect(allowed.statusCode).toBe(204);
    const elsewhere = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { host, cookie, origin: 'https://admin.segflow.example.evil' },
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('leaves bearer tokens and API keys alone: they are not sent by a browser on its own', async () => {
    const withBearer = await api.app.inject({
      method: 'POST',
      url: '/api/teams',
      payload: 'not json',
      headers: {
        authorization: `Bearer ${api.admin.token}`,
        'content-type': 'text/plain',
        origin: 'https://evil.example',
      },
    });
    expect(withBearer.statusCode).not.toBe(403);
    const key = (await api.request('POST', '/api/api-keys', { name: 'ingest' })).body.key as string;
    const withKey = await api.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: 'not json',
      headers: { 'x-api-key': key, 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    expect(withKey.statusCode).not.toBe(403);
  });

  it('leaves reads and public routes alone', async () => {
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie, origin: 'https://evil.example' },
        })
      ).statusCode,
    ).toBe(200);
    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie, 'content-type': 'text/plain', origin: 'https://evil.example' },
      payload: JSON.stringify({ email: TEST_ADMIN_EMAIL, password: 'wrong-password' }),
    });
    expect(signIn.statusCode).not.toBe(403);
  });

  async function freshCookie(): Promise<string> {
    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD },
    });
    return String(signIn.headers['set-cookie']).split(';')[0]!;
  }
});
