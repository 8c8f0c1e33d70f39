import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions, runMigrations } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Migrations first, on their own connection: the pool's statement timeout must not cut a long one short.
      useFactory: async (config: AppConfig) => {
        await runMigrations(config.DATABASE_URL);
        return {
          ...dataSourceOptions(config.DATABASE_URL, {
            size: config.DATABASE_POOL_SIZE,
            connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
            idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          }),
          migrationsRun: false,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
