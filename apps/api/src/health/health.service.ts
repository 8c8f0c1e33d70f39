import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TemporalClient } from '../temporal/temporal.module';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean };
  temporal: { up: boolean; address: string; namespace: string };
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([this.isDatabaseUp(), this.temporal.isReachable()]);
    return {
      status: database && temporal ? 'ok' : 'degraded',
      database: { up: database },
      temporal: { up: temporal, address: this.temporal.config.TEMPORAL_ADDRESS, namespace: this.temporal.config.TEMPORAL_NAMESPACE },
    };
  }

  private async isDatabaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
