import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './schema';

/** TypeORM options shared by the Nest module and the migration runner. */
export function dataSourceOptions(databaseUrl: string, poolSize?: number): DataSourceOptions {
  return { type: 'postgres', url: databaseUrl, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: true, poolSize };
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
