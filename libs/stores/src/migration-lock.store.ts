import type { Queryable } from './queryable';

// Owner of the lock that serialises migration runs (the migrations table itself is TypeORM's).

/** Key of the session advisory lock (any constant unique to Segflow). */
const MIGRATION_LOCK_KEY = 7_314_260_018;

/**
 * Waits for, then holds, the migration lock for the rest of the session: replicas booting together queue on it.
 * It dies with the connection, so a crashed run never blocks the next.
 * @example await lockMigrationRuns(queryRunner);
 */
export async function lockMigrationRuns(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
}
