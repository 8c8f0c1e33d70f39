import { Client } from 'pg';
import { MIGRATIONS } from '../apps/api/src/database/schema';
import { createTestDatabase, uniqueTaskQueue } from '../tools/testing/test-database';
import { ApiProcess, startApiProcess } from './support/api-process';

// API_REPLICAS=N boots N built APIs at once on one database: each runs the migrations before it serves, so they race
// unless the advisory lock in runMigrations serialises them.
describe('API replicas booting together on a fresh database', () => {
  const apis: ApiProcess[] = [];
  afterAll(() => Promise.all(apis.map((api) => api.kill())));

  it('both come up and every migration is applied exactly once', async () => {
    const databaseUrl = await createTestDatabase('replicas');
    const target = { name: 'replicas', databaseUrl, taskQueue: uniqueTaskQueue('replicas') };
    const started = await Promise.allSettled([startApiProcess(target), startApiProcess(target)]);
    for (const result of started) if (result.status === 'fulfilled') apis.push(result.value);
    expect(started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up'))).toEqual(['up', 'up']);
    for (const api of apis) expect((await api.request('GET', '/api/health')).status).toBe(200);

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM migrations GROUP BY name',
      );
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  }, 240_000);
});
