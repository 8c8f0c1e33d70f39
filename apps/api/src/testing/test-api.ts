import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testTemporalAddress, uniqueTaskQueue } from '../../../../tools/testing/test-database';
import { AppConfig, loadConfigOrThrow } from '../config/app-config';
import { createApp } from '../create-app';

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The real API on a fresh database of the test PostgreSQL and the test Temporal server (no mocks). */
export async function startTestApi(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<TestApi> {
  const config = loadConfigOrThrow({
    DATABASE_URL: await createTestDatabase('api'),
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('api'),
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    async request(method, url, body) {
      const response = await app.inject({ method, url, payload: body as any });
      const text = response.body;
      return { status: response.statusCode, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    close: () => app.close(),
  };
}
