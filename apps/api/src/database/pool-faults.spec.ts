import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../testing/test-api';
import { API_APPLICATION_NAME } from './data-source';

const POOL_SIZE = 4;

describe('database pool under faults (real PostgreSQL)', () => {
  let api: TestApi;
  let admin: Client;
  beforeAll(async () => {
    api = await startTestApi({ DATABASE_POOL_SIZE: String(POOL_SIZE), OUTBOX_DISPATCHER: 'off' });
    admin = new Client({ connectionString: api.config.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await api?.close();
  });

  /**
   * Keeps every pooled connection busy for `seconds`, once they all are; `busy` resolves once they are free again,
   * and `stillBusy()` whether none is free yet: an answer given meanwhile did not wait for a pooled connection.
   */
  const saturatePool = async (seconds: number): Promise<{ busy: Promise<unknown>; stillBusy: () => boolean }> => {
    const db = api.app.get(DataSource);
    let freed = false;
    // Freed as soon as the first connection is: a request that waited for one is answered only after that.
    const sleeps = Array.from({ length: POOL_SIZE }, () =>
      db.query('SELECT pg_sleep($1)', [seconds]).finally(() => (freed = true)),
    );
    const busy = Promise.all(sleeps);
    const sleeping = async () =>
      (
        await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'`,
        )
      ).rows[0].n;
    while ((await sleeping()) < POOL_SIZE) await new Promise((r) => setTimeout(r, 20));
    return { busy, stillBusy: () => !freed };
  };

  it('answers /api/health at once while the pool is saturated', async () => {
    const { busy, stillBusy } = await saturatePool(3);
    const health = await api.requestAs('anonymous', 'GET', '/api/health');
    expect(health.body.database).toEqual({ up: true });
    expect(stillBusy()).toBe(true);
    await busy;
  });

  it('refuses junk and recently refused tokens without waiting for a pooled connection', async () => {
    const unknown = `sfs_${'A'.repeat(43)}`;
    expect((await api.requestAs({ apiKey: unknown }, 'GET', '/api/leads')).status).toBe(401);
    const { busy, stillBusy } = await saturatePool(3);
    for (const token of ['junk', unknown, 'sfk_not-a-key', `sfs_${'C'.repeat(42)}!`]) {
      const response = await api.requestAs({ apiKey: token }, 'GET', '/api/leads');
      expect([token, response.status, stillBusy()]).toEqual([token, 401, true]);
    }
    await busy;
  });

  it('recovers after its database backends are terminated (as in a PostgreSQL restart)', async () => {
    expect((await api.request('GET', '/api/leads')).status).toBe(200);
    const { rows } = await admin.query(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [API_APPLICATION_NAME],
    );
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const statuses = [];
    for (let i = 0; i < 2 * POOL_SIZE; i += 1) statuses.push((await api.request('GET', '/api/leads')).status);
    expect(statuses).toEqual(Array(2 * POOL_SIZE).fill(200));
  });

  it('runs pooled statements under the statement and idle-in-transaction timeouts', async () => {
    const db = api.app.get(DataSource);
    const [settings] = await db.query(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(settings).toEqual({ statement: '1min', idle: '1min' });
  });
});
