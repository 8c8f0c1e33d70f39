import { Pool } from 'pg';

/**
 * The worker's PostgreSQL pool. pg emits 'error' on the pool when an idle connection dies (a database restart or
 * shutdown, an administrator's pg_terminate_backend); without a listener that event is an uncaught exception and
 * the worker process crashes. The dead connection is already out of the pool, and the next query opens a new one,
 * so a warning is all it takes.
 */
export function createDatabasePool(connectionString: string, max = 10): Pool {
  const pool = new Pool({ connectionString, max });
  pool.on('error', (error) => {
    process.stderr.write(JSON.stringify({ level: 'warn', msg: `idle database connection lost (${error.message}); the pool opens a new one on its next query` }) + '\n');
  });
  return pool;
}
