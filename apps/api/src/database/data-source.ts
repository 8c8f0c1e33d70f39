import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { lockMigrationRuns, refreshEventVocabulary } from '@segflow/stores';
import { MIGRATIONS } from './schema';

/** TypeORM options shared by the Nest module and the migration runner. */
/**
 * How long an idle pooled connection stays open (pg's default is 10 s). A fresh backend's first statements are slow
 * (empty catalog caches, connection set-up), so a burst after a quiet spell met that on every new connection: the
 * decision latency bench's p99 came from the pool refilling at the start of its timed phase.
 */
const POOL_IDLE_TIMEOUT_MS = 10 * 60_000;

/** `application_name` of the API's pooled connections (pg_stat_activity, and the pool fault test). */
export const API_APPLICATION_NAME = 'segflow-api';

/** First TCP keepalive probe after this much silence: a connection whose peer vanished (no FIN) is found dead. */
export const TCP_KEEPALIVE_DELAY_MS = 10_000;

/** Limits of the API's pool (AppConfig DATABASE_*); omitted ones are off (migrations, test helpers). */
export interface PoolLimits {
  size?: number;
  /** Longest wait for a connection: opening one, or a free one of a full pool. */
  connectTimeoutMs?: number;
  /** PostgreSQL `statement_timeout` of every pooled statement. */
  statementTimeoutMs?: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction left open by a stuck request is ended. */
  idleInTransactionTimeoutMs?: number;
}

export function dataSourceOptions(databaseUrl: string, limits: PoolLimits = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    migrationsRun: true,
    poolSize: limits.size,
    applicationName: API_APPLICATION_NAME,
    // pg's pool drops a connection that errors while idle (a restart, pg_terminate_backend) and opens a new one on demand.
    extra: {
      idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: TCP_KEEPALIVE_DELAY_MS,
      connectionTimeoutMillis: limits.connectTimeoutMs,
      statement_timeout: limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    },
  };
}

/** What one migration run did: the versioned migrations it applied, and whether the event vocabulary's SQL changed. */
export interface MigrationRun {
  applied: string[];
  vocabularyChanged: boolean;
}

/**
 * Applies pending migrations without statement timeouts (a migration may rewrite a big table), then the repeatable
 * step that regenerates the event vocabulary's SQL functions from libs/events (a no-op while it is unchanged); used
 * by `npm start` and by every API replica before its pool opens, and by tests on fresh databases. Replicas booting
 * together queue on an advisory lock held by one session: the first applies the migrations, the others then find
 * none pending. The lock dies with its connection, so a crashed run never blocks the next.
 */
export async function runMigrations(databaseUrl: string): Promise<MigrationRun> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lockMigrationRuns(lock);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const vocabularyChanged = await refreshEventVocabulary(dataSource);
    return { applied: applied.map((m) => m.name), vocabularyChanged };
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
