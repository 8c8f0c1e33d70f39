import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { auditTrailOf } from '../testing/audit-trail';
import { SessionsService } from './sessions.service';
import { startTestApi, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD, TestApi } from '../testing/test-api';

describe('auth (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('creates the first admin at boot from the configured email and password', async () => {
    const me = await api.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: TEST_ADMIN_EMAIL, role: 'admin' });
  });

  it('answers 401 without credentials and 401 with an unknown token', async () => {
    expect((await api.requestAs('anonymous', 'GET', '/api/leads')).status).toBe(401);
    expect((await api.requestAs('anonymous', 'GET', '/api/auth/me')).status).toBe(401);
    const forged = { ...api.admin, token: 'sfs_not-a-session' };
    expect((await api.requestAs(forged, 'GET', '/api/leads')).status).toBe(401);
  });

  it('keeps health public', async () => {
    expect([200, 503]).toContain((await api.requestAs('anonymous', 'GET', '/api/health')).status);
  });

  it('refuses a wrong password or unknown email with the same 401', async () => {
    const wrong = await api.requestAs('anonymous', 'POST', '/api/auth/sign-in', {
      email: TEST_ADMIN_EMAIL,
      password: 'nope-nope',
    });
    const unknown = await api.requestAs('anonymous', 'POST', '/api/auth/sign-in', {
      email: 'who@x.io',
      password: 'nope-nope',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('sets an HttpOnly session cookie that authenticates, and sign-out ends the session', async () => {
    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/^segflow_session=sfs_[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    const session = cookie.split(';')[0];
    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(200);
    // A bodiless POST: the browser's Origin shows it comes from this site (auth/cross-site.spec.ts).
    const out = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: session, origin: 'http://localhost' },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } })).statusCode,
    ).toBe(401);
  });

  it('stores no plain password and no plain token', async () => {
    const db = new Client({ connectionString: api.config.DATABASE_URL });
    await db.connect();
    try {
      const users = await db.query('SELECT password_hash FROM users');
      expect(users.rows.map((u) => u.password_hash)).toEqual(
        users.rows.map(() => expect.stringMatching(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)),
      );
      const sessions = await db.query('SELECT token_hash FROM sessions');
      expect(sessions.rows.map((s) => s.token_hash)).toContainEqual(expect.stringMatching(/^[0-9a-f]{64}$/));
      expect(sessions.rows.map((s) => s.token_hash)).not.toContain(api.admin.token);
    } finally {
      await db.end();
    }
  });

  it('changes the password of the signed-in user and ends their other sessions, not this one', async () => {
    const rep = await api.createUser({ role: 'rep' });
    const signIn = (password: string) =>
      api.requestAs('anonymous', 'POST', '/api/auth/sign-in', { email: rep.email, password });
    const other = { ...rep, token: (await signIn(TEST_USER_PASSWORD)).body.token };
    const wrong = await api.requestAs(rep, 'POST', '/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'brand-new-password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('currentPassword: wrong password');
    const short = await api.requestAs(rep, 'POST', '/api/auth/password', {
      currentPassword: TEST_USER_PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toMatch(/newPassword/);
    expect(
      (
        await api.requestAs(rep, 'POST', '/api/auth/password', {
          currentPassword: TEST_USER_PASSWORD,
          newPassword: 'brand-new-password',
        })
      ).status,
    ).toBe(204);
    expect((await api.requestAs(other, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await api.requestAs(rep, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await signIn(TEST_USER_PASSWORD)).status).toBe(401);
    expect((await signIn('brand-new-password')).status).toBe(200);
    // The refused attempts left nothing; the change is the user's own and holds neither password nor hash.
    const trail = await auditTrailOf(api.app.get(DataSource), 'user', rep.id);
    expect(trail.filter((e) => e.action !== 'user.created')).toEqual([
      expect.objectContaining({
        action: 'user.passwordChanged',
        actor: { kind: 'user', id: rep.id, label: rep.email },
        before: null,
        after: { passwordChanged: true },
      }),
    ]);
    const text = JSON.stringify(trail);
    expect(text).not.toContain('brand-new-password');
    expect(text).not.toContain(TEST_USER_PASSWORD);
    expect(text).not.toMatch(/hash|\$argon|\$scrypt/i);
  });

  it('ends every session of a user whose password an admin resets', async () => {
    const rep = await api.createUser({ role: 'rep' });
    expect((await api.request('PATCH', `/api/users/${rep.id}`, { password: 'reset-by-admin' })).status).toBe(200);
    expect((await api.requestAs(rep, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('gives a deactivated user 401 at once', async () => {
    const rep = await api.createUser({ role: 'rep' });
    expect((await api.requestAs(rep, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await api.request('PATCH', `/api/users/${rep.id}`, { active: false })).status).toBe(200);
    expect((await api.requestAs(rep, 'GET', '/api/auth/me')).status).toBe(401);
    const again = await api.requestAs('anonymous', 'POST', '/api/auth/sign-in', {
      email: rep.email,
      password: TEST_USER_PASSWORD,
    });
    expect(again.status).toBe(401);
  });

  it('ends a session by the clock that set its expiry, not by the database clock', async () => {
    const sessions = api.app.get(SessionsService);
    const signedInAt = new Date('2020-02-29T12:00:00Z');
    const { token, expiresAt } = await sessions.signInOrThrow(TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, signedInAt);
    expect(await sessions.resolve(token, new Date(signedInAt.getTime() + 60_000))).toMatchObject({ kind: 'user' });
    expect(await sessions.resolve(token, expiresAt)).toBeNull();
  });
});

describe('role checks per endpoint group', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lets only admins manage users, teams and API keys', async () => {
    const manager = await api.createUser({ role: 'manager' });
    const ops = await api.createUser({ role: 'ops' });
    const rep = await api.createUser({ role: 'rep' });
    for (const caller of [manager, ops, rep]) {
      expect(
        (
          await api.requestAs(caller, 'POST', '/api/users', {
            role: 'admin',
            email: 'x@y.io',
            name: 'X',
            password: 'long-enough',
          })
        ).status,
      ).toBe(403);
      expect((await api.requestAs(caller, 'POST', '/api/teams', { name: 'Hackers' })).status).toBe(403);
      expect((await api.requestAs(caller, 'POST', '/api/api-keys', { name: 'k' })).status).toBe(403);
      expect((await api.requestAs(caller, 'GET', '/api/api-keys')).status).toBe(403);
    }
    expect((await api.requestAs(manager, 'GET', '/api/users')).status).toBe(200);
    expect((await api.requestAs(rep, 'GET', '/api/users')).status).toBe(403);
    expect((await api.requestAs(rep, 'GET', '/api/teams')).status).toBe(403);
    expect((await api.requestAs(ops, 'GET', '/api/teams')).status).toBe(200);
  });

  it('keeps reps out of endpoints that are not opened to them (playbooks, segments, dashboards)', async () => {
    const rep = await api.createUser({ role: 'rep' });
    const ops = await api.createUser({ role: 'ops' });
    for (const url of ['/api/playbooks', '/api/segments', '/api/dashboards/summary']) {
      expect((await api.requestAs(rep, 'GET', url)).status).toBe(403);
    }
    expect((await api.requestAs(ops, 'GET', '/api/playbooks')).status).toBe(200);
    // Leads are opened to reps, scoped to their own (leads/lead-access.spec.ts).
    expect((await api.requestAs(rep, 'GET', '/api/leads')).body).toEqual([]);
  });
});
