import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './schema';

/** TypeORM options shared by the Nest module and the migration runner. */
/**
 * How long an idle pooled connection stays open (pg's default is 10 s). A fresh backend's first statements are slow
 * (empty catalog caches, connection set-up), so a burst after a quiet spell met that on every new connection: the
 * decision latency bench's p99 came from the pool refilling at the start of its timed phase.
 */
const POOL_IDLE_TIMEOUT_MS = 10 * 60_000;

export function dataSourceOptions(databaseUrl: string, poolSize?: number): DataSourceOptions {
  return {
    type: 'postgres', url: databaseUrl, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: true, poolSize,
    extra: { idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS },
  };
}

/** Applies pending migrations; used by `npm start` before the API boots and by tests on fresh databases. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
