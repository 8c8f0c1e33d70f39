import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ping } from '@segflow/stores';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TCP_KEEPALIVE_DELAY_MS } from '../database/data-source';
import { EventsService } from '../events/events.service';
import { TemporalClient } from '../temporal/temporal.module';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean };
  temporal: { up: boolean; address: string; namespace: string };
  /** This process's ingest backlog (POST /api/events answers 429 once waitingEvents would pass limit). */
  ingest: { waitingEvents: number; limit: number };
}

/** How long one probe of the database and Temporal answers every health check: a flood of checks costs one probe a second. */
export const HEALTH_CACHE_MS = 1_000;
/** Longest a probe waits for the database or Temporal before calling it down. */
export const HEALTH_PROBE_TIMEOUT_MS = 1_500;

/**
 * Database and Temporal reachability. The database is probed on a connection of its own (a pool of one), never the
 * API's pool: a saturated pool is busy, not down, and a health check must not queue behind it, nor take a
 * connection from requests. Concurrent checks share one probe, and a probe's result serves for {@link HEALTH_CACHE_MS}.
 */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly logger = new Logger(HealthService.name);
  private readonly probeConnection: Pool;
  private probed: { at: number; result: Promise<{ database: boolean; temporal: boolean }> } | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly temporal: TemporalClient,
    private readonly events: EventsService,
  ) {
    this.probeConnection = new Pool({
      connectionString: config.DATABASE_URL,
      max: 1,
      application_name: 'segflow-api-health',
      keepAlive: true,
      keepAliveInitialDelayMillis: TCP_KEEPALIVE_DELAY_MS,
      connectionTimeoutMillis: HEALTH_PROBE_TIMEOUT_MS,
      statement_timeout: HEALTH_PROBE_TIMEOUT_MS,
      query_timeout: HEALTH_PROBE_TIMEOUT_MS,
    });
    this.probeConnection.on('error', (error) =>
      this.logger.warn(`health probe connection lost (${error.message}); the next probe opens one`),
    );
  }

  async check(now = Date.now()): Promise<HealthReport> {
    if (!this.probed || now - this.probed.at >= HEALTH_CACHE_MS) this.probed = { at: now, result: this.probe() };
    const { database, temporal } = await this.probed.result;
    return {
      status: database && temporal ? 'ok' : 'degraded',
      database: { up: database },
      temporal: {
        up: temporal,
        address: this.temporal.config.TEMPORAL_ADDRESS,
        namespace: this.temporal.config.TEMPORAL_NAMESPACE,
      },
      ingest: this.events.backlog(),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probeConnection.end();
  }

  private async probe(): Promise<{ database: boolean; temporal: boolean }> {
    const [database, temporal] = await Promise.all([
      this.isDatabaseUp(),
      this.temporal.isReachable(HEALTH_PROBE_TIMEOUT_MS),
    ]);
    return { database, temporal };
  }

  private async isDatabaseUp(): Promise<boolean> {
    try {
      await ping(this.probeConnection);
      return true;
    } catch {
      return false;
    }
  }
}
