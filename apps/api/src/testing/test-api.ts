import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testTemporalAddress, uniqueTaskQueue } from '../../../../tools/testing/test-database';
import type { Role } from '../auth/roles';
import { AppConfig, loadConfigOrThrow } from '../config/app-config';
import { createApp } from '../create-app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface TestResponse<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A signed-in user of the test API; `token` is their session. */
export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

/** Who calls: a signed-in user, nobody, or an API key. */
export type TestCaller = TestUser | 'anonymous' | { apiKey: string };

export interface NewTestUser {
  role: Role;
  name?: string;
  email?: string;
  teamId?: string;
  capacity?: number;
}

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The first admin, signed in; {@link request} calls as this user. */
  admin: TestUser;
  /** A request as the admin, so suites that are not about auth need not care about it. */
  request<T = any>(method: Method, url: string, body?: unknown): Promise<TestResponse<T>>;
  /** A request as a given user, anonymously, or with an API key (role and ingest tests). */
  requestAs<T = any>(caller: TestCaller, method: Method, url: string, body?: unknown): Promise<TestResponse<T>>;
  /** Creates a user through the API (as admin) and signs them in. */
  createUser(user: NewTestUser): Promise<TestUser>;
  close(): Promise<void>;
}

export const TEST_ADMIN_EMAIL = 'admin@segflow.test';
export const TEST_ADMIN_PASSWORD = 'test-admin-password';
export const TEST_USER_PASSWORD = 'test-user-password';

/** The real API on a fresh database of the test PostgreSQL and the test Temporal server (no mocks). */
export async function startTestApi(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<TestApi> {
  const config = loadConfigOrThrow({
    DATABASE_URL: await createTestDatabase('api'),
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('api'),
    LOG_LEVEL: 'warn',
    SEGFLOW_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    SEGFLOW_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    // Cheap hashes keep suites that create many users fast; production keeps the default cost.
    AUTH_SCRYPT_COST: '10',
    // No suite but the schedule's own wants a schedule on the shared test Temporal server.
    RETRAIN_SCHEDULE: 'off',
    ...overrides,
  });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const requestAs = async (caller: TestCaller, method: Method, url: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (caller !== 'anonymous') headers.authorization = `Bearer ${'apiKey' in caller ? caller.apiKey : caller.token}`;
    const response = await app.inject({ method, url, payload: body as any, headers });
    const text = response.body;
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  const signIn = async (email: string, password: string) => {
    const response = await requestAs('anonymous', 'POST', '/api/auth/sign-in', { email, password });
    if (response.status !== 200)
      throw new Error(`test sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { token: string; user: { id: string; email: string; role: Role } };
  };
  const signedInAdmin = await signIn(config.SEGFLOW_ADMIN_EMAIL, config.SEGFLOW_ADMIN_PASSWORD ?? '');
  const admin: TestUser = { ...signedInAdmin.user, token: signedInAdmin.token };
  let created = 0;

  return {
    app,
    config,
    admin,
    request: (method, url, body) => requestAs(admin, method, url, body),
    requestAs,
    async createUser({ role, name, email, teamId, capacity }) {
      created += 1;
      const address = email ?? `${role}-${created}-${Date.now()}@segflow.test`;
      const response = await requestAs(admin, 'POST', '/api/users', {
        role,
        email: address,
        name: name ?? `${role} ${created}`,
        password: TEST_USER_PASSWORD,
        teamId,
        capacity,
      });
      if (response.status !== 201)
        throw new Error(`test user not created: ${response.status} ${JSON.stringify(response.body)}`);
      const signedIn = await signIn(address, TEST_USER_PASSWORD);
      return { ...signedIn.user, token: signedIn.token };
    },
    close: () => app.close(),
  };
}
