import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventsService } from '../events/events.service';
import { TemporalClient } from '../temporal/temporal.module';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean };
  temporal: { up: boolean; address: string; namespace: string };
  /** This process's ingest backlog (POST /api/events answers 429 once waitingEvents would pass limit). */
  ingest: { waitingEvents: number; limit: number };
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
    private readonly events: EventsService,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([this.isDatabaseUp(), this.temporal.isReachable()]);
    return {
      status: database && temporal ? 'ok' : 'degraded',
      database: { up: database },
      temporal: { up: temporal, address: this.temporal.config.TEMPORAL_ADDRESS, namespace: this.temporal.config.TEMPORAL_NAMESPACE },
      ingest: this.events.backlog(),
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
