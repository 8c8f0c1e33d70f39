import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteUncountedEventsBefore, stripCountedEventsBefore } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** How often each API process applies EVENT_RETENTION_DAYS. */
export const EVENT_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Rows one statement touches: short transactions, so a prune never holds many row locks or competes with ingest. */
export const EVENT_PRUNE_BATCH = 10_000;

/** What one prune did. */
export interface EventPruneResult {
  deleted: number;
  stripped: number;
}

/**
 * Applies EVENT_RETENTION_DAYS (off when unset): raw events that occurred longer ago are deleted, except the ones
 * the dashboards' roll-ups and lift figures count (the vocabulary's reply, meeting and conversion types), which keep type, lead and time but
 * lose their properties. Lead features and aggregates were computed on arrival and stay.
 */
@Injectable()
export class EventRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRetentionService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<EventPruneResult>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.EVENT_RETENTION_DAYS === undefined) return;
    this.timer = setInterval(
      () => void this.prune().catch((e: Error) => this.logger.warn(`event prune failed: ${e.message}`)),
      EVENT_PRUNE_INTERVAL_MS,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One prune as of `now`; nothing when retention is off. Overlapping calls share the running one. */
  prune(now = new Date()): Promise<EventPruneResult> {
    const days = this.config.EVENT_RETENTION_DAYS;
    if (days === undefined) return Promise.resolve({ deleted: 0, stripped: 0 });
    this.running ??= this.pruneBefore(new Date(now.getTime() - days * 86_400_000)).finally(
      () => (this.running = undefined),
    );
    return this.running;
  }

  private async pruneBefore(before: Date): Promise<EventPruneResult> {
    const deleted = await this.inBatches(() => deleteUncountedEventsBefore(this.dataSource, before, EVENT_PRUNE_BATCH));
    const stripped = await this.inBatches(() => stripCountedEventsBefore(this.dataSource, before, EVENT_PRUNE_BATCH));
    if (deleted || stripped)
      this.logger.log(`events before ${before.toISOString()}: ${deleted} deleted, ${stripped} stripped of properties`);
    return { deleted, stripped };
  }

  private async inBatches(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await batch();
      total += n;
      if (n < EVENT_PRUNE_BATCH) return total;
    }
  }
}
