import type { Queryable } from './queryable';

// The statements a connection runs that belong to no table: a liveness probe, LISTEN, and transaction control for
// callers that drive a raw pg connection (worker threads, the worker's pool). The API's TypeORM transactions and
// pg_notify senders stay with the tables they touch.

/**
 * Round-trips the cheapest statement: resolves when the database answers, rejects when it does not.
 * @example const up = await ping(probePool).then(() => true, () => false);
 */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

/**
 * Subscribes the connection to `channel`'s notifications (`pg_notify`); the name is quoted, so any string is safe.
 * @example await listen(client, 'segflow_outbox');
 */
export async function listen(
  db: Queryable & { escapeIdentifier(name: string): string },
  channel: string,
): Promise<void> {
  await db.query(`LISTEN ${db.escapeIdentifier(channel)}`);
}

/**
 * How a {@link withTransaction} opens: `readOnlySnapshot` is REPEATABLE READ READ ONLY, so every read sees one
 * snapshot and no write slips in.
 */
export type TransactionMode = 'readWrite' | 'readOnlySnapshot';

const BEGIN: Record<TransactionMode, string> = {
  readWrite: 'BEGIN',
  readOnlySnapshot: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
};

/**
 * Runs `work` in a transaction on one raw connection: commits what it returns, rolls back what it throws. A failed
 * ROLLBACK (the connection died) is dropped, so the caller sees the error that caused it.
 * @example const rows = await withTransaction(rowsOf(client), () => scoreAllLeads(db, input), 'readOnlySnapshot');
 */
export async function withTransaction<T>(
  db: Queryable,
  work: () => Promise<T>,
  mode: TransactionMode = 'readWrite',
): Promise<T> {
  await db.query(BEGIN[mode]);
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
