import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPS_GAUGE_COUNT_CAP, readOpsGauges } from '@segflow/stores';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { OutboxDispatcherService, URGENT_DELIVERY_CONCURRENCY } from '../outbox/outbox-dispatcher.service';
import { processMetricsText } from './cluster-metrics';
import { processRegistry } from './process-metrics';

/** Prometheus' text exposition format, as prom-client writes it. */
export const METRICS_CONTENT_TYPE = processRegistry.contentType;

/**
 * The /metrics text: the process's counters and histograms (all API replicas', summed), then gauges read at scrape
 * time (the outbox and SLA clocks from the database in one round trip, the dispatcher's lanes from memory, of the
 * replica that answers). A scrape that cannot reach the database still answers, with
 * `segflow_metrics_database_up 0` and without the database gauges.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcherService,
  ) {}

  async render(): Promise<string> {
    // Built per scrape: a gauge missing from a failed read is absent, never a stale or zero value.
    const scraped = new Registry();
    const gauge = (name: string, help: string, value: number) =>
      new Gauge({ name, help, registers: [scraped] }).set(value);
    gauge('segflow_outbox_lanes_busy', 'Outbox dispatcher lanes delivering a lead now', this.dispatcher.lanesBusy);
    gauge(
      'segflow_outbox_lanes_limit',
      'Outbox dispatcher lanes in all (the urgent limit)',
      URGENT_DELIVERY_CONCURRENCY,
    );
    try {
      const ops = await readOpsGauges(this.dataSource, OPS_GAUGE_COUNT_CAP);
      gauge(
        'segflow_outbox_backlog',
        `Undelivered outbox rows, dead letters excluded (capped at ${OPS_GAUGE_COUNT_CAP})`,
        ops.outboxBacklog,
      );
      gauge(
        'segflow_outbox_oldest_undelivered_age_seconds',
        'Age of the oldest undelivered outbox row (0 when none)',
        ops.outboxOldestAgeSeconds,
      );
      gauge(
        'segflow_outbox_dead_letters',
        `Dead-lettered outbox rows waiting for ops (capped at ${OPS_GAUGE_COUNT_CAP})`,
        ops.outboxDeadLetters,
      );
      const clocks = new Gauge({
        name: 'segflow_sla_clocks',
        help: `SLA clocks without a first touch, by state (open, breached; capped at ${OPS_GAUGE_COUNT_CAP})`,
        labelNames: ['state'],
        registers: [scraped],
      });
      clocks.set({ state: 'open' }, ops.slaClocksOpen);
      clocks.set({ state: 'breached' }, ops.slaClocksBreached);
      gauge('segflow_metrics_database_up', 'Whether this scrape read the database gauges', 1);
    } catch (error) {
      this.logger.warn(`metrics: database gauges unavailable (${(error as Error).message})`);
      gauge('segflow_metrics_database_up', 'Whether this scrape read the database gauges', 0);
    }
    return `${await processMetricsText()}\n${await scraped.metrics()}`;
  }
}
