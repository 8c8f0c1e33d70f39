import { Client } from 'pg';
import { createTestDatabase } from '../../../tools/testing/test-database';
import { createDatabasePool } from './database-pool';

describe('createDatabasePool (real PostgreSQL)', () => {
  it('survives its idle connection being terminated and serves the next query on a new one', async () => {
    const url = await createTestDatabase('wpool');
    const pool = createDatabasePool(url, 1);
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const warnings: string[] = [];
    const write = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => (warnings.push(String(chunk)), true));
    try {
      const [{ pid }] = (await pool.query('SELECT pg_backend_pid() AS pid')).rows;
      const lost = new Promise((resolve) => pool.once('error', resolve));
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await lost;
      const [{ pid: next }] = (await pool.query('SELECT pg_backend_pid() AS pid')).rows;
      expect(next).not.toBe(pid);
      expect(warnings.join('')).toContain(
        'idle database connection lost (terminating connection due to administrator command)',
      );
    } finally {
      write.mockRestore();
      await admin.end();
      await pool.end();
    }
  });

  it('runs its statements under the given statement and idle-in-transaction timeouts, and fails a longer statement', async () => {
    const pool = createDatabasePool(await createTestDatabase('wpool'), 1, {
      statementTimeoutMs: 200,
      idleInTransactionTimeoutMs: 5_000,
    });
    try {
      const [settings] = (
        await pool.query(
          `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
        )
      ).rows;
      expect(settings).toEqual({ statement: '200ms', idle: '5s' });
      await expect(pool.query('SELECT pg_sleep(1)')).rejects.toThrow('canceling statement due to statement timeout');
    } finally {
      await pool.end();
    }
  });
});
