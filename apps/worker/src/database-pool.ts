import { Pool } from 'pg';

/** Timeouts of the worker's pool (WorkerConfig DATABASE_*); omitted ones are off. */
export interface PoolTimeouts {
  /** Longest wait for a connection: opening one, or a free one of a full pool. */
  connectTimeoutMs?: number;
  /** PostgreSQL `statement_timeout` of every statement an activity runs. */
  statementTimeoutMs?: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction an activity left open is ended. */
  idleInTransactionTimeoutMs?: number;
}

/**
 * The worker's PostgreSQL pool. pg emits 'error' on the pool when an idle connection dies (a database restart or
 * shutdown, an administrator's pg_terminate_backend); without a listener that event is an uncaught exception and
 * the worker process crashes. The dead connection is already out of the pool, and the next query opens a new one,
 * so a warning is all it takes. TCP keepalive finds a connection whose peer vanished without closing it.
 */
export function createDatabasePool(connectionString: string, max = 10, timeouts: PoolTimeouts = {}): Pool {
  const pool = new Pool({
    connectionString,
    max,
    application_name: 'segflow-worker',
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
  });
  pool.on('error', (error) => {
    process.stderr.write(
      JSON.stringify({
        level: 'warn',
        msg: `idle database connection lost (${error.message}); the pool opens a new one on its next query`,
      }) + '\n',
    );
  });
  return pool;
}
